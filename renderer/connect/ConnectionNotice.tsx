import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import { useTranslation } from 'react-i18next';
import type { ApiError, ConnectionTestResult } from '../../main/api';
import { errorText } from '../shared/error-text';

/** A successful connection test: server version, edition, database and how many accounts it holds. */
export function ConnectionTestSuccess({ result }: { result: ConnectionTestResult }) {
  const { t } = useTranslation();
  return (
    <Alert severity="success" data-testid="test-result" role="status">
      <AlertTitle>{t('connect.test.okTitle')}</AlertTitle>
      {t('connect.test.server', { version: result.serverVersion, edition: result.edition, database: result.database })}
      {result.accountCount !== null && ` · ${t('connect.test.accounts', { count: result.accountCount })}`}
    </Alert>
  );
}

/**
 * A failed test or connect, titled by kind (wrong password, unknown database, unreachable or TLS
 * mismatch, …), then the reason's text, which names the cause and the fix.
 */
export function ConnectionFailure({ error }: { error: ApiError }) {
  const { t } = useTranslation();
  return (
    <Alert severity="error" data-testid="connection-error" role="alert">
      <AlertTitle>{t(`connect.errors.title.${error.code}`)}</AlertTitle>
      <span data-testid="error-message">{errorText(t, error)}</span>
    </Alert>
  );
}
