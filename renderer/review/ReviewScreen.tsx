import FactCheckOutlinedIcon from '@mui/icons-material/FactCheckOutlined';
import TravelExploreIcon from '@mui/icons-material/TravelExplore';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseTitle } from '../cases/case-title';
import type { Case } from '../../main/api';
import { useApi } from '../api/api-context';
import { caseChanged, queryKeys } from '../api/queries';
import { useWorkbench } from '../app/workbench';
import { exploreRequestFor } from '../cases/CaseDetail';
import { CaseSection, ClusterOrigin, MembersTable, NotesList, TagSummary } from '../cases/CaseEvidence';
import type { CurrentUser } from '../cases/case-permissions';
import { useFormat } from '../i18n/format';
import { useAccountNodes } from '../cases/use-account-nodes';
import { useCurrentUser } from '../cases/use-current-user';
import { ErrorNotice } from '../shared/ErrorNotice';
import { toApiError } from '../shared/to-api-error';
import { ReviewDecisionForm } from './ReviewDecisionForm';

const QUEUE_WIDTH = 340;

/** The team leads' queue: submitted cases, oldest first, with the evidence and the decision. */
export function ReviewScreen() {
  const { t } = useTranslation();
  const format = useFormat();
  const api = useApi();
  const { activeScreen, openCase } = useWorkbench();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const [pickedId, setPickedId] = useState<string | null>(null);
  const [lastDecision, setLastDecision] = useState<Case | null>(null);
  // Fetched whenever the screen is shown, and again after any case changes.
  const { data, error: queueError } = useQuery({ queryKey: queryKeys.reviewQueue, queryFn: () => api.review.queue({}), enabled: activeScreen === 'review' });
  const queue = data?.cases ?? null;
  const error = queueError ? toApiError(queueError) : null;
  // The case picked while it is in the queue; otherwise the oldest one waiting.
  const selected = queue?.find((item) => item.id === pickedId) ?? queue?.[0] ?? null;
  const selectedId = selected?.id ?? null;
  return (
    <Box sx={{ display: 'flex', height: '100%', minHeight: 0 }}>
      <Box sx={{ width: QUEUE_WIDTH, flexShrink: 0, borderRight: 1, borderColor: 'divider', display: 'flex', flexDirection: 'column', bgcolor: 'background.paper' }}>
        <Box sx={{ p: 2, borderBottom: 1, borderColor: 'divider' }}>
          <Typography variant="h6" component="h2">
            {t('review.title')}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {queue ? t('review.waiting', { count: queue.length }) : ' '}
          </Typography>
        </Box>
        <Box sx={{ flex: 1, overflowY: 'auto' }}>
          {error && <ErrorNotice error={error} sx={{ m: 2 }} />}
          {!queue && !error && <Skeleton variant="rounded" height={120} sx={{ m: 2 }} />}
          <List disablePadding data-testid="review-queue">
            {queue?.map((item) => (
              <ListItemButton key={item.id} selected={item.id === selectedId} onClick={() => setPickedId(item.id)} data-testid="review-queue-item" sx={{ display: 'block', borderBottom: 1, borderColor: 'divider' }}>
                <Typography variant="body1" noWrap sx={{ fontWeight: 500 }}>
                  {caseTitle(item, t)}
                </Typography>
                <Typography variant="caption" color="text.secondary" component="div" noWrap>
                  {t('review.queueLine', { id: item.id, count: item.cluster.accounts.length, user: item.submittedBy ?? '—', at: format.dateTime(item.submittedAt) })}
                </Typography>
              </ListItemButton>
            ))}
          </List>
        </Box>
      </Box>
      <Box sx={{ flex: 1, minWidth: 0, overflowY: 'auto' }}>
        {lastDecision && (
          <Box sx={{ p: 2.5, pb: 0 }}>
            <DecisionResult item={lastDecision} onOpen={() => openCase(lastDecision.id)} onClose={() => setLastDecision(null)} />
          </Box>
        )}
        {selected ? (
          <ReviewEvidence
            key={selected.id}
            item={selected}
            user={user}
            onDecided={(decided) => {
              setLastDecision(decided);
              void caseChanged(queryClient, decided);
            }}
          />
        ) : (
          queue && (
            <Stack spacing={1} sx={{ alignItems: 'center', justifyContent: 'center', height: '60%', color: 'text.secondary', p: 4 }}>
              <FactCheckOutlinedIcon sx={{ fontSize: 48 }} />
              <Typography variant="h6">{t('review.emptyTitle')}</Typography>
              <Typography variant="body2">{t('review.emptyHint')}</Typography>
            </Stack>
          )
        )}
      </Box>
    </Box>
  );
}

/** What happened to the case just decided, with a link to it (it left the queue). */
function DecisionResult({ item, onOpen, onClose }: { item: Case; onOpen(): void; onClose(): void }) {
  const { t } = useTranslation();
  const review = item.reviews.at(-1);
  return (
    <Box
      role="status"
      data-testid="review-result"
      sx={{ display: 'flex', alignItems: 'center', gap: 1, p: 1.5, borderRadius: 2, bgcolor: item.status === 'approved' ? 'success.main' : 'error.main', color: 'common.white' }}
    >
      <Typography variant="body2" sx={{ flex: 1 }}>
        {t(item.status === 'approved' ? 'review.approvedResult' : 'review.rejectedResult', { id: item.id, comment: review?.comment ?? '' })}
      </Typography>
      <Button size="small" color="inherit" onClick={onOpen}>
        {t('review.openCase')}
      </Button>
      <Button size="small" color="inherit" onClick={onClose}>
        {t('review.dismiss')}
      </Button>
    </Box>
  );
}

function ReviewEvidence({ item, user, onDecided }: { item: Case; user: CurrentUser | null; onDecided(item: Case): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { openInExplore } = useWorkbench();
  const nodes = useAccountNodes(item.cluster.accounts.map((account) => account.nodeId));
  return (
    <Box data-testid="review-evidence" sx={{ p: 2.5, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 2 }}>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Typography variant="h5" component="h2">
            {caseTitle(item, t)}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {t('review.submitted', { id: item.id, user: item.submittedBy ?? '—', at: format.dateTime(item.submittedAt) })}
          </Typography>
          {item.description && (
            <Typography variant="body2" sx={{ mt: 1, whiteSpace: 'pre-wrap' }}>
              {item.description}
            </Typography>
          )}
        </Box>
        <Button startIcon={<TravelExploreIcon />} variant="outlined" onClick={() => openInExplore(exploreRequestFor(item, t))}>
          {t('cases.actions.showInExplore')}
        </Button>
      </Box>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 1.2fr) minmax(0, 1fr)' }, gap: 2, alignItems: 'start' }}>
        <Stack spacing={2} sx={{ minWidth: 0 }}>
          <CaseSection title={t('cases.sections.members', { count: item.cluster.accounts.length })}>
            <MembersTable accounts={item.cluster.accounts} nodes={nodes} />
          </CaseSection>
          <CaseSection title={t('cases.sections.origin')}>
            <ClusterOrigin cluster={item.cluster} />
          </CaseSection>
        </Stack>
        <Stack spacing={2} sx={{ minWidth: 0 }}>
          <CaseSection title={t('review.decisionTitle')}>
            <ReviewDecisionForm item={item} user={user} onDecided={onDecided} />
          </CaseSection>
          <CaseSection title={t('cases.sections.tag')}>
            <TagSummary tag={item.tag} />
          </CaseSection>
          <CaseSection title={t('cases.sections.notes', { count: item.notes.length })}>
            <NotesList notes={item.notes} />
          </CaseSection>
        </Stack>
      </Box>
    </Box>
  );
}
