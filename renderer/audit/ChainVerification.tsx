import GppGoodOutlinedIcon from '@mui/icons-material/GppGoodOutlined';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, AuditVerification } from '../../main/api';
import { useApi } from '../api/api-context';
import { ErrorNotice } from '../shared/ErrorNotice';
import { toApiError } from '../shared/to-api-error';

/** "Verify chain": re-checks every event's hash link and says whether the trail is intact or where it breaks. */
export function ChainVerification() {
  const { t } = useTranslation();
  const api = useApi();
  const [result, setResult] = useState<AuditVerification | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function verify() {
    setBusy(true);
    setError(null);
    try {
      setResult(await api.audit.verify({}));
    } catch (failure) {
      setError(toApiError(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      <Button variant="contained" startIcon={<GppGoodOutlinedIcon />} onClick={() => void verify()} disabled={busy} data-testid="verify-chain">
        {t('audit.verify')}
      </Button>
      {result?.valid && (
        <Alert severity="success" data-testid="chain-result" sx={{ py: 0 }}>
          {t('audit.intact', { count: result.count, head: result.headHash.slice(0, 12) })}
          {result.anchors.checked > 0 && ` ${t('audit.anchored', { count: result.anchors.checked, seq: result.anchors.lastSeq })}`}
        </Alert>
      )}
      {result && !result.valid && (
        <Alert severity="error" data-testid="chain-result" sx={{ py: 0 }}>
          {t('audit.broken', { seq: result.brokenAtSeq ?? '?', problem: result.problem ?? '' })}
        </Alert>
      )}
      {error && <ErrorNotice error={error} />}
    </Stack>
  );
}
