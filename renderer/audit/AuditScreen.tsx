import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/queries';
import { useWorkbench } from '../app/workbench';
import { ErrorNotice } from '../shared/ErrorNotice';
import { AuditEventsTable } from './AuditEventsTable';
import { ChainVerification } from './ChainVerification';
import { useAuditEvents } from './use-audit-events';

const PAGE_SIZE = 200;

/** The audit trail, newest first, filtered by actor, action and case, with the hash-chain check. */
export function AuditScreen() {
  const { t } = useTranslation();
  const { activeScreen, openCase } = useWorkbench();
  const [actor, setActor] = useState('');
  const [action, setAction] = useState('');
  const [caseId, setCaseId] = useState('');
  const [limit, setLimit] = useState(PAGE_SIZE);
  const queryClient = useQueryClient();
  // Showing the screen again fetches what happened meanwhile.
  const state = useAuditEvents(
    { actor: actor.trim() || undefined, action: action.trim() || undefined, caseId: caseId.trim() || undefined, limit },
    activeScreen === 'audit',
  );

  return (
    <Box sx={{ height: '100%', overflowY: 'auto', p: 3 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2, flexWrap: 'wrap' }}>
        <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
          {t('audit.title')}
        </Typography>
        <ChainVerification />
      </Stack>
      <Stack direction="row" spacing={1.5} sx={{ mb: 2, alignItems: 'center' }}>
        <TextField size="small" label={t('audit.filters.actor')} value={actor} onChange={(event) => setActor(event.target.value)} />
        <TextField size="small" label={t('audit.filters.action')} placeholder={t('audit.filters.actionPlaceholder')} value={action} onChange={(event) => setAction(event.target.value)} />
        <TextField size="small" label={t('audit.filters.case')} value={caseId} onChange={(event) => setCaseId(event.target.value)} />
        <Button onClick={() => void queryClient.invalidateQueries({ queryKey: queryKeys.audit })}>{t('audit.refresh')}</Button>
        <Box sx={{ flex: 1 }} />
        {state.status === 'ok' && (
          <Typography variant="body2" color="text.secondary" data-testid="audit-count">
            {t('audit.count', { shown: state.events.length, total: state.total })}
          </Typography>
        )}
      </Stack>
      {state.status === 'error' && <ErrorNotice error={state.error} />}
      {state.status === 'loading' && <Skeleton variant="rounded" height={200} />}
      {state.status === 'ok' && (
        <Box sx={{ border: 1, borderColor: 'divider', borderRadius: 2, bgcolor: 'background.paper' }}>
          <AuditEventsTable events={state.events} onOpenCase={openCase} />
          {state.total > state.events.length && (
            <Box sx={{ p: 1, textAlign: 'center' }}>
              <Button onClick={() => setLimit((value) => Math.min(1000, value + PAGE_SIZE))} disabled={limit >= 1000}>
                {t('audit.more')}
              </Button>
            </Box>
          )}
        </Box>
      )}
    </Box>
  );
}
