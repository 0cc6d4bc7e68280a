import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, Case } from '../../main/api';
import { useApi } from '../api/api-context';
import { CaseChangeNotice } from '../cases/CaseChangeNotice';
import { reviewBlockFor, type CurrentUser } from '../cases/case-permissions';
import { toApiError } from '../shared/to-api-error';

/**
 * Approve (comment optional) or reject (comment required). Shown disabled, with the reason, to
 * someone the four-eyes rule excludes; the core refuses them anyway and its message is shown.
 */
export function ReviewDecisionForm({ item, user, onDecided }: { item: Case; user: CurrentUser | null; onDecided(item: Case): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const block = user ? reviewBlockFor(item, user) : null;
  const disabled = busy || user === null || block !== null;

  async function decide(decision: 'approve' | 'reject') {
    setBusy(true);
    setError(null);
    try {
      const decided = decision === 'approve' ? await api.review.approve({ caseId: item.id, comment }) : await api.review.reject({ caseId: item.id, comment });
      setComment('');
      onDecided(decided);
    } catch (failure) {
      setError(toApiError(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack spacing={1.5} data-testid="review-decision">
      {block && (
        <Alert severity="info" data-testid="review-block">
          {t(`review.block.${block}`, { user: user?.name ?? '' })}
        </Alert>
      )}
      <TextField
        label={t('review.comment')}
        helperText={t('review.commentHint')}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
        disabled={disabled}
        multiline
        minRows={2}
        size="small"
        slotProps={{ htmlInput: { 'data-testid': 'review-comment' } }}
      />
      <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
        <Button color="error" variant="outlined" disabled={disabled || !comment.trim()} onClick={() => void decide('reject')} data-testid="reject-case">
          {t('review.reject')}
        </Button>
        <Button color="success" variant="contained" disabled={disabled} onClick={() => void decide('approve')} data-testid="approve-case">
          {t('review.approve')}
        </Button>
      </Stack>
      {error && <CaseChangeNotice error={error} onClose={() => setError(null)} />}
    </Stack>
  );
}
