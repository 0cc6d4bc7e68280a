import ReplayIcon from '@mui/icons-material/Replay';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip, { type ChipProps } from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, OutboxState } from '../../main/api';
import { useApi } from '../api/api-context';
import { queryKeys } from '../api/queries';
import { useWorkbench } from '../app/workbench';
import { useFormat } from '../i18n/format';
import { ErrorNotice } from '../shared/ErrorNotice';
import { toApiError } from '../shared/to-api-error';

/** How often the list refreshes while the screen is shown. */
export const OUTBOX_REFRESH_MS = 3_000;

const STATE_COLORS: Record<OutboxState, ChipProps['color']> = {
  pending: 'default',
  delivering: 'info',
  retrying: 'warning',
  delivered: 'success',
  rejected: 'error',
};

/** Deliveries a user may push again at once: those waiting for a retry and those the service refused. */
const RETRYABLE: readonly OutboxState[] = ['retrying', 'rejected'];

/** The scoring outbox: every approved decision's delivery, refreshed while shown, with retry-now. */
export function OutboxScreen() {
  const { t } = useTranslation();
  const format = useFormat();
  const api = useApi();
  const { activeScreen, openCase } = useWorkbench();
  const queryClient = useQueryClient();
  const [retryError, setRetryError] = useState<ApiError | null>(null);
  const [retrying, setRetrying] = useState<string | null>(null);
  // Refreshed while the screen is shown and the window visible (TanStack Query skips the interval when hidden).
  const { data, error: loadError } = useQuery({
    queryKey: queryKeys.outbox,
    queryFn: async () => {
      const result = await api.outbox.list({});
      return { endpoint: result.endpoint, entries: [...result.entries].sort((a, b) => b.createdAt.localeCompare(a.createdAt)) };
    },
    enabled: activeScreen === 'outbox',
    refetchInterval: OUTBOX_REFRESH_MS,
  });
  const entries = data?.entries ?? null;
  const endpoint = data?.endpoint ?? null;
  const error = retryError ?? (loadError ? toApiError(loadError) : null);

  async function retryNow(id: string) {
    setRetrying(id);
    try {
      await api.outbox.retryNow({ id });
      setRetryError(null);
      await queryClient.invalidateQueries({ queryKey: queryKeys.outbox });
    } catch (failure) {
      setRetryError(toApiError(failure));
    } finally {
      setRetrying(null);
    }
  }

  return (
    <Box sx={{ height: '100%', overflowY: 'auto', p: 3 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'baseline', mb: 1 }}>
        <Typography variant="h6" component="h2">
          {t('outbox.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {t('outbox.autoRefresh', { seconds: OUTBOX_REFRESH_MS / 1000 })}
        </Typography>
      </Stack>
      {endpoint ? (
        <Typography variant="body2" color="text.secondary" data-testid="outbox-endpoint" sx={{ mb: 2 }}>
          {t('outbox.endpoint')} <Box component="code" sx={{ color: 'text.primary' }}>{endpoint}</Box>
        </Typography>
      ) : (
        <Alert severity="warning" sx={{ mb: 2 }} data-testid="outbox-endpoint">
          {t('outbox.noEndpoint')}
        </Alert>
      )}
      {error && <ErrorNotice error={error} onClose={retryError ? () => setRetryError(null) : undefined} sx={{ mb: 2 }} />}
      {entries?.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {t('outbox.empty')}
        </Typography>
      )}
      {entries && entries.length > 0 && (
        <Box sx={{ border: 1, borderColor: 'divider', borderRadius: 2, bgcolor: 'background.paper', overflowX: 'auto' }}>
          <Table size="small" data-testid="outbox-table">
            <TableHead>
              <TableRow>
                <TableCell>{t('outbox.columns.case')}</TableCell>
                <TableCell>{t('outbox.columns.decision')}</TableCell>
                <TableCell>{t('outbox.columns.state')}</TableCell>
                <TableCell align="right">{t('outbox.columns.attempts')}</TableCell>
                <TableCell>{t('outbox.columns.nextAttempt')}</TableCell>
                <TableCell>{t('outbox.columns.lastError')}</TableCell>
                <TableCell>{t('outbox.columns.deliveredAt')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {entries.map((entry) => (
                <TableRow key={entry.id} data-testid="outbox-row" data-state={entry.state}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    <Link component="button" variant="body2" onClick={() => openCase(entry.caseId)}>
                      {entry.caseId}
                    </Link>
                  </TableCell>
                  <TableCell>
                    {t(`outbox.decision.${entry.decision.decision}`, { count: entry.decision.accounts.length })}
                    <Typography variant="caption" color="text.secondary" component="div">
                      {t('outbox.approvedBy', { user: entry.decision.approvedBy, at: format.dateTime(entry.decision.approvedAt) })}
                    </Typography>
                  </TableCell>
                  <TableCell>
                    <Chip size="small" color={STATE_COLORS[entry.state]} label={t(`outbox.state.${entry.state}`)} data-testid="outbox-state" />
                  </TableCell>
                  <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                    {entry.attempts}
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{entry.state === 'retrying' || entry.state === 'pending' ? format.dateTime(entry.nextAttemptAt) : '—'}</TableCell>
                  <TableCell sx={{ color: entry.state === 'rejected' ? 'error.main' : 'text.secondary', maxWidth: 320, overflowWrap: 'anywhere' }}>
                    {entry.lastError ? `${entry.lastStatus ? `HTTP ${entry.lastStatus}: ` : ''}${entry.lastError}` : '—'}
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{format.dateTime(entry.deliveredAt)}</TableCell>
                  <TableCell>
                    {RETRYABLE.includes(entry.state) && (
                      <Button size="small" startIcon={<ReplayIcon />} disabled={retrying !== null} onClick={() => void retryNow(entry.id)}>
                        {t('outbox.retryNow')}
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </Box>
  );
}
