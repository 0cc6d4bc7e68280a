import HubOutlinedIcon from '@mui/icons-material/HubOutlined';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { ColorModeToggle } from './ColorModeToggle';
import { LanguageSwitch } from './LanguageSwitch';
import { CONNECT_SCREEN, FEATURES } from './navigation';
import { ScreenErrorBoundary } from './ScreenErrorBoundary';
import { SourceIndicator } from './SourceIndicator';
import { useHealth } from './use-health';
import { useWorkbench } from './workbench';

const RAIL_WIDTH = 76;

/** The frame around every screen: top bar (product, data source, language, theme) and the navigation rail. */
export function AppShell() {
  const { t } = useTranslation();
  const health = useHealth();
  const { activeScreen, goTo } = useWorkbench();
  const active = FEATURES.find((feature) => feature.id === activeScreen) ?? FEATURES[0];

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100vh', bgcolor: 'background.default' }}>
      <AppBar position="static" sx={{ borderBottom: 1, borderColor: 'divider', bgcolor: 'background.paper' }}>
        <Toolbar variant="dense" sx={{ gap: 2 }}>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, color: 'primary.main' }}>
            <HubOutlinedIcon />
            <Typography variant="h6" component="h1" color="text.primary">
              {t('app.name')}
            </Typography>
          </Box>
          <Box sx={{ flex: 1 }} />
          <SourceIndicator state={health} onOpenSources={() => goTo(CONNECT_SCREEN)} />
          <LanguageSwitch />
          <ColorModeToggle />
        </Toolbar>
      </AppBar>
      <Box sx={{ display: 'flex', flex: 1, minHeight: 0 }}>
        <Box
          component="nav"
          aria-label={t('app.navigation')}
          sx={{ width: RAIL_WIDTH, flexShrink: 0, borderRight: 1, borderColor: 'divider', bgcolor: 'background.paper', pt: 1 }}
        >
          <List disablePadding>
            {FEATURES.map(({ id, labelKey, icon: Icon }) => (
              <ListItemButton
                key={id}
                selected={id === active.id}
                onClick={() => goTo(id)}
                aria-current={id === active.id ? 'page' : undefined}
                sx={{ flexDirection: 'column', gap: 0.25, py: 1, px: 0.5, mx: 0.75, borderRadius: 2 }}
              >
                <Icon fontSize="small" color={id === active.id ? 'primary' : 'inherit'} />
                <Typography variant="caption" sx={{ fontWeight: id === active.id ? 600 : 400, whiteSpace: 'nowrap' }}>
                  {t(labelKey)}
                </Typography>
              </ListItemButton>
            ))}
          </List>
        </Box>
        {/* Every screen stays mounted, so switching away and back keeps the graph, filters and scroll. */}
        {FEATURES.map(({ id, labelKey, Screen }) => (
          <Box key={id} component="main" hidden={id !== active.id} sx={{ flex: 1, minWidth: 0, minHeight: 0, display: id === active.id ? 'block' : 'none' }}>
            <ScreenErrorBoundary screen={t(labelKey)}>
              <Screen />
            </ScreenErrorBoundary>
          </Box>
        ))}
      </Box>
    </Box>
  );
}
