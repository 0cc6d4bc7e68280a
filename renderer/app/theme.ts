import { createTheme } from '@mui/material/styles';

/**
 * System fonts for Latin text; Chinese falls through to Noto Sans SC, which the app ships (main.tsx
 * loads it from the bundle, never remotely), so it renders on machines without a CJK font.
 */
export const SYSTEM_FONT_STACK = [
  'system-ui',
  '-apple-system',
  '"Segoe UI"',
  'Roboto',
  '"Helvetica Neue"',
  '"Noto Sans"',
  '"Liberation Sans"',
  'Arial',
  '"Noto Sans SC"',
  'sans-serif',
].join(',');

export const COLOR_MODE_STORAGE_KEY = 'ringscope.colorMode';

/**
 * A calm, dense theme for long investigation sessions: muted steel-blue accents, low-contrast
 * surfaces, small type. Light and dark schemes; MUI persists the chosen mode.
 */
export const ringscopeTheme = createTheme({
  colorSchemes: {
    light: {
      palette: {
        primary: { main: '#33658A' },
        secondary: { main: '#6B5B95' },
        background: { default: '#F3F5F7', paper: '#FFFFFF' },
        text: { primary: '#1F2933', secondary: '#52606D' },
        divider: 'rgba(31, 41, 51, 0.12)',
      },
    },
    dark: {
      palette: {
        primary: { main: '#8AB4D8' },
        secondary: { main: '#B8A9D9' },
        background: { default: '#15181C', paper: '#1C2026' },
        text: { primary: '#E4E7EB', secondary: '#9AA5B1' },
        divider: 'rgba(228, 231, 235, 0.12)',
      },
    },
  },
  typography: {
    fontFamily: SYSTEM_FONT_STACK,
    fontSize: 13,
    h6: { fontSize: '1rem', fontWeight: 600 },
    subtitle2: { fontWeight: 600 },
    overline: { fontWeight: 600, letterSpacing: '0.08em', lineHeight: 2 },
  },
  shape: { borderRadius: 6 },
  components: {
    MuiAppBar: { defaultProps: { elevation: 0, color: 'inherit' } },
    MuiPaper: { defaultProps: { elevation: 0 } },
    MuiButton: { defaultProps: { size: 'small', disableElevation: true }, styleOverrides: { root: { textTransform: 'none' } } },
    MuiIconButton: { defaultProps: { size: 'small' } },
    MuiTextField: { defaultProps: { size: 'small' } },
    MuiTooltip: { defaultProps: { arrow: true, enterDelay: 400 } },
    MuiChip: { defaultProps: { size: 'small' } },
    MuiList: { defaultProps: { dense: true } },
  },
});
