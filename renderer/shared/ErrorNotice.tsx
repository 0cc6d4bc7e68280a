import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import type { SxProps, Theme } from '@mui/material/styles';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../main/api';
import { errorText } from './error-text';

/** An ApiError as the user should read it: the kind of failure, then what happened and what to do, from its reason. */
export function ErrorNotice({ error, action, onClose, sx }: { error: ApiError; action?: ReactNode; onClose?: () => void; sx?: SxProps<Theme> }) {
  const { t } = useTranslation();
  return (
    <Alert severity={error.code === 'cancelled' ? 'info' : 'error'} role="alert" action={action} onClose={onClose} sx={sx}>
      <AlertTitle>{t(`errors.title.${error.code}`)}</AlertTitle>
      <span data-testid="error-message">{errorText(t, error)}</span>
    </Alert>
  );
}
