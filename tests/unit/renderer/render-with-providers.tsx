import { ThemeProvider } from '@mui/material/styles';
import { configure, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { Api } from '../../../main/api';
import { ApiProvider } from '../../../renderer/api/api-context';
import { ringscopeTheme } from '../../../renderer/app/theme';
import { WorkbenchProvider } from '../../../renderer/app/workbench';
import { i18n } from '../../../renderer/i18n/i18n';

// Screens here run the real core in the same process; on a loaded 2-core machine its answers can take
// longer than testing-library's 1 s default, which made waits fail while the screen was still loading.
configure({ asyncUtilTimeout: 5_000 });

/** An Api for components that only call it on a click: any call fails the test loudly. */
const uncalledApi = new Proxy({} as Api, {
  get: (_target, area) =>
    new Proxy({}, { get: (_methods, name) => () => Promise.reject(new Error(`Unexpected Api call ${String(area)}.${String(name)}: pass an Api to renderWithProviders`)) }),
});

/** Renders a renderer component with the app's theme, translations, workbench navigation and the given Api. */
export function renderWithProviders(ui: ReactElement, api: Api = uncalledApi) {
  return render(
    <I18nextProvider i18n={i18n}>
      <ThemeProvider theme={ringscopeTheme}>
        <ApiProvider api={api}>
          <WorkbenchProvider initialScreen="explore">{ui}</WorkbenchProvider>
        </ApiProvider>
      </ThemeProvider>
    </I18nextProvider>,
  );
}
