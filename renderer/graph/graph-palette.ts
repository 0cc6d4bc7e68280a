import type { Theme } from '@mui/material/styles';
import type { GraphPalette } from './graph-style';

/** The graph's colours for the current MUI theme (light or dark). */
export function graphPaletteFor(theme: Theme): GraphPalette {
  const dark = theme.palette.mode === 'dark';
  return {
    background: theme.palette.background.default,
    text: theme.palette.text.secondary,
    selection: theme.palette.primary.main,
    // Dark red reads as "blocked" on a light canvas; on a dark one it must be lighter to be seen at all.
    blacklist: dark ? '#E5484D' : '#7F1D1D',
    highlight: dark ? '#FBBF24' : '#F59E0B',
    fontFamily: theme.typography.fontFamily ?? 'sans-serif',
  };
}
