import UndoIcon from '@mui/icons-material/Undo';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, Case } from '../../main/api';
import { useApi } from '../api/api-context';
import { CaseChangeNotice } from '../cases/CaseChangeNotice';
import { revokeBlockFor } from '../cases/case-permissions';
import { useCurrentUser } from '../cases/use-current-user';
import { toApiError } from '../shared/to-api-error';

/**
 * "Revoke approval…" on an approved case: a dialog that asks for the reason (required), then reverses
 * the approval. Shown disabled, with the reason, to anyone but a team lead; the core refuses them
 * anyway, and its message is shown in the dialog. `onReload` fetches the case again after a conflict.
 */
export function RevokeApprovalButton({ item, onRevoked, onReload }: { item: Case; onRevoked(item: Case): void; onReload(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const user = useCurrentUser();
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const block = user ? revokeBlockFor(item, user) : null;
  // A false-positive approval cleared the accounts: revoking it has nothing to unmark or send.
  const clearsBlacklist = item.tag?.reasonCode !== 'false_positive';

  const close = () => {
    if (busy) return;
    setOpen(false);
    setComment('');
    setError(null);
  };

  async function revoke() {
    setBusy(true);
    setError(null);
    try {
      const revoked = await api.review.revoke({ caseId: item.id, comment });
      setOpen(false);
      setComment('');
      onRevoked(revoked);
    } catch (failure) {
      setError(toApiError(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button color="warning" variant="outlined" startIcon={<UndoIcon />} disabled={user === null || block !== null} onClick={() => setOpen(true)} data-testid="revoke-approval">
        {t('review.revoke.button')}
      </Button>
      {block && (
        <Typography variant="body2" color="text.secondary" data-testid="revoke-block">
          {t(`review.revoke.block.${block}`, { user: user?.name ?? '' })}
        </Typography>
      )}
      <Dialog open={open} onClose={close} maxWidth="sm" fullWidth aria-labelledby={titleId}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void revoke();
          }}
        >
          <DialogTitle id={titleId}>{t('review.revoke.title', { id: item.id })}</DialogTitle>
          <DialogContent>
            <DialogContentText sx={{ mb: 2 }}>
              {clearsBlacklist ? t('review.revoke.effect', { count: item.cluster.accounts.length }) : t('review.revoke.effectFalsePositive')}
            </DialogContentText>
            <TextField
              autoFocus
              fullWidth
              required
              multiline
              minRows={2}
              label={t('review.revoke.comment')}
              helperText={t('review.revoke.commentHint')}
              value={comment}
              onChange={(event) => setComment(event.target.value)}
              disabled={busy}
              slotProps={{ htmlInput: { 'data-testid': 'revoke-comment' } }}
            />
            {error && (
              <Box sx={{ mt: 2 }}>
                <CaseChangeNotice
                  error={error}
                  onReload={() => {
                    close();
                    onReload();
                  }}
                  onClose={() => setError(null)}
                />
              </Box>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={close} disabled={busy}>
              {t('review.revoke.cancel')}
            </Button>
            <Button type="submit" color="warning" variant="contained" disabled={busy || !comment.trim()} data-testid="confirm-revoke">
              {t('review.revoke.confirm')}
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
}
