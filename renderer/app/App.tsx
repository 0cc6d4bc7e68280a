import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import { I18nextProvider } from 'react-i18next';
import type { Api } from '../../main/api';
import { ApiProvider } from '../api/api-context';
import { i18n } from '../i18n/i18n';
import { AppShell } from './AppShell';
import { FEATURES } from './navigation';
import { WorkbenchProvider } from './workbench';
import { COLOR_MODE_STORAGE_KEY, ringscopeTheme } from './theme';

/** The whole renderer for a given Api: theme, translations and the shell. */
export function App({ api }: { api: Api }) {
  return (
    <I18nextProvider i18n={i18n}>
      <ThemeProvider theme={ringscopeTheme} defaultMode="system" modeStorageKey={COLOR_MODE_STORAGE_KEY} noSsr disableTransitionOnChange>
        <CssBaseline />
        <ApiProvider api={api}>
          <WorkbenchProvider initialScreen={FEATURES[0].id}>
            <AppShell />
          </WorkbenchProvider>
        </ApiProvider>
      </ThemeProvider>
    </I18nextProvider>
  );
}
