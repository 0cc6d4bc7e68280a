import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, Case } from '../../main/api';
import { useApi } from '../api/api-context';
import { ErrorNotice } from '../shared/ErrorNotice';
import { toApiError } from '../shared/to-api-error';
import { createCaseFromAccounts } from './create-case';

/** A blank case: a title now, members added on the case page. */
export function NewCaseDialog({ open, onClose, onCreated }: { open: boolean; onClose(): void; onCreated(item: Case): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [title, setTitle] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function create() {
    setBusy(true);
    try {
      const created = await createCaseFromAccounts(api, [], title);
      setTitle('');
      setError(null);
      onCreated(created);
    } catch (failure) {
      setError(toApiError(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="xs">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void create();
        }}
      >
        <DialogTitle>{t('cases.create.blankTitle')}</DialogTitle>
        <DialogContent>
          <TextField autoFocus fullWidth margin="dense" label={t('cases.fields.title')} value={title} onChange={(event) => setTitle(event.target.value)} />
          {error && <ErrorNotice error={error} sx={{ mt: 1 }} />}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('cases.create.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={busy || !title.trim()}>
            {t('cases.create.create')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
