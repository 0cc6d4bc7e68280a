import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isCaseActionAllowed, type ApiError, type Case, type WorkspaceFile } from '../../main/api';
import { useApi } from '../api/api-context';
import { caseChanged } from '../api/queries';
import { ErrorNotice } from '../shared/ErrorNotice';
import { toApiError } from '../shared/to-api-error';
import { caseTitle } from './case-title';
import { useCaseList } from './use-case-list';

interface SaveViewDialogProps {
  open: boolean;
  /** The case the canvas was opened from, offered first. */
  defaultCaseId: string | null;
  /** The canvas as a workspace file, taken when the user saves. */
  workspace(): WorkspaceFile;
  onClose(): void;
  onSaved(item: Case, name: string): void;
}

/** "Save view to case…": keeps the canvas as a named view of a case, optionally as its evidence picture. */
export function SaveViewDialog({ open, defaultCaseId, workspace, onClose, onSaved }: SaveViewDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const { cases, error: listError } = useCaseList({}, open);
  const [caseId, setCaseId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [choose, setChoose] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  // Closed cases keep their views as they are (the core refuses the change too).
  const editable = (cases ?? []).filter((item) => isCaseActionAllowed(item.status, 'views'));
  const selected = caseId ?? (editable.some((item) => item.id === defaultCaseId) ? defaultCaseId : (editable[0]?.id ?? null));

  async function save() {
    if (!selected) return;
    setBusy(true);
    try {
      const saved = await api.cases.saveView({ caseId: selected, name, workspace: workspace(), choose });
      await caseChanged(queryClient, saved);
      setName('');
      setChoose(false);
      setError(null);
      onSaved(saved, name.trim());
    } catch (failure) {
      setError(toApiError(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm" data-testid="save-view-dialog">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <DialogTitle>{t('caseViews.save.title')}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 1 }}>{t('caseViews.save.body')}</DialogContentText>
          <TextField
            select
            fullWidth
            margin="dense"
            label={t('caseViews.save.case')}
            value={selected ?? ''}
            onChange={(event) => setCaseId(event.target.value)}
            helperText={cases && editable.length === 0 ? t('caseViews.save.noCases') : ' '}
            slotProps={{ htmlInput: { 'data-testid': 'save-view-case' } }}
          >
            {editable.map((item) => (
              <MenuItem key={item.id} value={item.id}>
                {`${item.id} · ${caseTitle(item, t)}`}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            autoFocus
            fullWidth
            margin="dense"
            label={t('caseViews.save.name')}
            value={name}
            onChange={(event) => setName(event.target.value)}
            slotProps={{ htmlInput: { maxLength: 120, 'data-testid': 'save-view-name' } }}
            helperText={t('caseViews.save.nameHint')}
          />
          <FormControlLabel
            control={<Checkbox checked={choose} onChange={(event) => setChoose(event.target.checked)} data-testid="save-view-choose" />}
            label={t('caseViews.save.choose')}
          />
          {(error ?? listError) && <ErrorNotice error={(error ?? listError)!} sx={{ mt: 1 }} />}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('caseViews.save.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={busy || !selected || !name.trim()} data-testid="save-view-submit">
            {t('caseViews.save.submit')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
