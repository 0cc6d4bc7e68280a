import { ThemeProvider } from '@mui/material/styles';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { Api } from '../../../main/api';
import { ApiProvider } from '../../../renderer/api/api-context';
import { ringscopeTheme } from '../../../renderer/app/theme';
import { i18n } from '../../../renderer/i18n/i18n';

/** Renders a renderer component with the app's theme, translations and the given Api. */
export function renderWithProviders(ui: ReactElement, api?: Api) {
  const content = api ? <ApiProvider api={api}>{ui}</ApiProvider> : ui;
  return render(
    <I18nextProvider i18n={i18n}>
      <ThemeProvider theme={ringscopeTheme}>{content}</ThemeProvider>
    </I18nextProvider>,
  );
}
