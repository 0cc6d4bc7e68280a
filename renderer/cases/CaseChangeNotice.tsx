import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../main/api';
import { ErrorNotice } from '../shared/ErrorNotice';
import { errorText } from '../shared/error-text';

/**
 * A failed change to a case. A conflict (someone else saved first, or the status no longer allows
 * it) offers Reload — the change is never re-sent over the other person's; a forbidden one shows the core's rule.
 */
export function CaseChangeNotice({ error, onReload, onClose }: { error: ApiError; onReload?: () => void; onClose?: () => void }) {
  const { t } = useTranslation();
  if (error.code === 'conflict' || error.code === 'forbidden') {
    const reload = onReload && (
      <Button color="inherit" size="small" onClick={onReload}>
        {t('cases.reload')}
      </Button>
    );
    return (
      <Alert severity="warning" role="alert" data-testid="case-change-error" action={error.code === 'conflict' ? reload : undefined} onClose={onClose}>
        <AlertTitle>{t(error.code === 'conflict' ? 'cases.conflictTitle' : 'cases.forbiddenTitle')}</AlertTitle>
        <span data-testid="error-message">{errorText(t, error)}</span>
      </Alert>
    );
  }
  return <ErrorNotice error={error} onClose={onClose} />;
}
