import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import type { SxProps, Theme } from '@mui/material/styles';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../main/api';

/** An ApiError as the user should read it: what happened, what to do, then the server's message. */
export function ErrorNotice({ error, action, onClose, sx }: { error: ApiError; action?: ReactNode; onClose?: () => void; sx?: SxProps<Theme> }) {
  const { t } = useTranslation();
  return (
    <Alert severity={error.code === 'cancelled' ? 'info' : 'error'} role="alert" action={action} onClose={onClose} sx={sx}>
      <AlertTitle>{t(`errors.title.${error.code}`)}</AlertTitle>
      {t(`errors.hint.${error.code}`)}
      <br />
      <span data-testid="error-message">{error.message}</span>
    </Alert>
  );
}
