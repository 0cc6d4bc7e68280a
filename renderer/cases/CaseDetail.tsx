import TravelExploreIcon from '@mui/icons-material/TravelExplore';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { caseTitle } from './case-title';
import type { Case } from '../../main/api';
import { useApi } from '../api/api-context';
import { useWorkbench } from '../app/workbench';
import { AuditEventsTable } from '../audit/AuditEventsTable';
import { useAuditEvents } from '../audit/use-audit-events';
import { ExportEvidenceButton } from '../evidence/ExportEvidenceButton';
import { RevokeApprovalButton } from '../review/RevokeApprovalButton';
import { ErrorNotice } from '../shared/ErrorNotice';
import { AddMemberForm } from './AddMemberForm';
import { CaseChangeNotice } from './CaseChangeNotice';
import { CaseFieldsForm } from './CaseFieldsForm';
import { CaseSection, ClusterOrigin, MembersTable, NotesList, TagSummary } from './CaseEvidence';
import { caseAvailability, submitBlockFor } from './case-permissions';
import { CaseStatusChip } from './CaseStatusChip';
import { CaseStepper } from './CaseStepper';
import { CaseViews } from './CaseViews';
import { useFormat } from '../i18n/format';
import { NoteForm } from './NoteForm';
import { ReviewsList } from './ReviewsList';
import { TagForm } from './TagForm';
import { useAccountNodes } from './use-account-nodes';
import { useCase, type CaseState } from './use-case';

/** What Explore should draw for a case: its accounts and identifiers, the accounts highlighted. */
export function exploreRequestFor(item: Case, t: TFunction) {
  const accountIds = item.cluster.accounts.map((account) => account.nodeId);
  return { nodeIds: [...accountIds, ...item.cluster.identifierNodeIds], highlightIds: accountIds, title: `${item.id} · ${caseTitle(item, t)}`, ringScore: item.cluster.score ?? undefined, caseId: item.id };
}

/** What Explore should draw for one of a case's views: the saved canvas itself. */
export function exploreRequestForView(item: Case, view: Case['views'][number], t: TFunction) {
  return { nodeIds: view.workspace.nodes.map((node) => node.id), highlightIds: [], title: t('caseViews.openedTitle', { caseId: item.id, name: view.name }), caseId: item.id, workspace: view.workspace };
}

/**
 * One case: its fields, members, tag, notes, status with the actions it allows, and its audit trail.
 * `latestVersion` is the version a list shows; a newer one (a colleague's change) reloads the case.
 */
export function CaseDetail({ caseId, latestVersion }: { caseId: string; latestVersion?: number }) {
  const { item, loadError, changeError, busy, reload, change, show, dismissError } = useCase(caseId, latestVersion);
  if (loadError && !item) return <ErrorNotice error={loadError} sx={{ m: 2 }} />;
  if (!item) return <Skeleton variant="rounded" height={240} sx={{ m: 2 }} />;
  return (
    <CaseView
      item={item}
      busy={busy}
      notice={changeError && <CaseChangeNotice error={changeError} onReload={() => void reload()} onClose={dismissError} />}
      change={change}
      show={show}
      reload={() => void reload()}
    />
  );
}

interface CaseViewProps {
  item: Case;
  busy: boolean;
  notice: ReactNode;
  change: CaseState['change'];
  show: CaseState['show'];
  reload(): void;
}

function CaseView({ item, busy, notice, change, show, reload }: CaseViewProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const api = useApi();
  const { openInExplore } = useWorkbench();
  const nodes = useAccountNodes(item.cluster.accounts.map((account) => account.nodeId));
  const audit = useAuditEvents({ caseId: item.id, limit: 100 });
  const can = caseAvailability(item);
  const submitBlock = submitBlockFor(item);
  const versioned = (current: Case) => ({ caseId: current.id, version: current.version });

  return (
    <Box data-testid="case-detail" sx={{ px: 2.5, pb: 2.5, display: 'flex', flexDirection: 'column', gap: 2 }}>
      {/* The header stays in view while the page scrolls, so status and actions are always at hand. */}
      <Box sx={{ position: 'sticky', top: 0, zIndex: 2, bgcolor: 'background.default', pt: 2, pb: 1, borderBottom: 1, borderColor: 'divider' }}>
        <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 2 }}>
          <Box sx={{ flex: 1, minWidth: 0 }}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <Typography variant="h5" component="h2" data-testid="case-title" sx={{ overflowWrap: 'anywhere' }}>
                {caseTitle(item, t)}
              </Typography>
              <CaseStatusChip status={item.status} size="medium" />
            </Stack>
            <Typography variant="body2" color="text.secondary" data-testid="case-id">
              {t('cases.subtitle', { id: item.id, user: item.createdBy, at: format.dateTime(item.createdAt), version: item.version })}
            </Typography>
          </Box>
          <Button startIcon={<TravelExploreIcon />} variant="outlined" disabled={item.cluster.accounts.length === 0} onClick={() => openInExplore(exploreRequestFor(item, t))}>
            {t('cases.actions.showInExplore')}
          </Button>
          <ExportEvidenceButton caseId={item.id} />
        </Box>

        <CaseStepper status={item.status} />

        <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }} data-testid="case-actions">
          {item.status === 'open' && (
            <Button variant="contained" disabled={busy || !can.submit} data-testid="submit-for-review" onClick={() => void change((current) => api.cases.submit(versioned(current)))}>
              {t('cases.actions.submit')}
            </Button>
          )}
          {can.reopen && (
            <Button variant="outlined" disabled={busy} onClick={() => void change((current) => api.cases.reopen(versioned(current)))}>
              {t('cases.actions.reopen')}
            </Button>
          )}
          {can.close && (
            <Button variant="outlined" disabled={busy} onClick={() => void change((current) => api.cases.close(versioned(current)))}>
              {t('cases.actions.close')}
            </Button>
          )}
          {can.revoke && <RevokeApprovalButton item={item} onRevoked={show} onReload={reload} />}
          <Typography variant="body2" color="text.secondary" data-testid="case-actions-hint">
            {item.status === 'open' && submitBlock ? t(`cases.submitBlock.${submitBlock}`) : t(`cases.statusHint.${item.status}`)}
          </Typography>
        </Stack>
        {notice && <Box sx={{ mt: 1 }}>{notice}</Box>}
      </Box>

      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 1.2fr) minmax(0, 1fr)' }, gap: 2, alignItems: 'start' }}>
        <Stack spacing={2} sx={{ minWidth: 0 }}>
          <CaseSection title={t('cases.sections.details')}>
            <CaseFieldsForm
              key={item.version}
              item={item}
              disabled={busy || !can.edit}
              onSave={(changes) => void change((current) => api.cases.update({ ...versioned(current), ...changes }))}
            />
          </CaseSection>
          <CaseSection title={t('cases.sections.members', { count: item.cluster.accounts.length })} testId="case-members">
            <MembersTable
              accounts={item.cluster.accounts}
              nodes={nodes}
              disabled={busy}
              onRemove={can.changeMembers ? (account) => void change((current) => api.cases.updateMembers({ ...versioned(current), removeAccountNodeIds: [account.nodeId] })) : undefined}
            />
            {can.changeMembers && (
              <AddMemberForm
                disabled={busy}
                onAdd={(account) => void change((current) => api.cases.updateMembers({ ...versioned(current), addAccounts: [account] }))}
              />
            )}
          </CaseSection>
          <CaseSection title={t('cases.sections.origin')}>
            <ClusterOrigin cluster={item.cluster} />
          </CaseSection>
        </Stack>
        <Stack spacing={2} sx={{ minWidth: 0 }}>
          <CaseSection title={t('cases.sections.tag')} testId="case-tag">
            {can.tag ? (
              <TagForm key={item.version} tag={item.tag} disabled={busy} onSave={(choice) => void change((current) => api.cases.tag({ ...versioned(current), ...choice }))} />
            ) : (
              <TagSummary tag={item.tag} />
            )}
          </CaseSection>
          {item.reviews.length > 0 && (
            <CaseSection title={t('cases.sections.reviews')}>
              <ReviewsList reviews={item.reviews} />
            </CaseSection>
          )}
          <CaseSection title={t('caseViews.section', { count: item.views.length })} testId="case-views-section">
            <CaseViews
              item={item}
              editable={can.views}
              busy={busy}
              onOpen={(view) => openInExplore(exploreRequestForView(item, view, t))}
              onChoose={(viewId) => void change((current) => api.cases.chooseView({ ...versioned(current), viewId }))}
              onRemove={(view) => void change((current) => api.cases.removeView({ ...versioned(current), viewId: view.id }))}
            />
          </CaseSection>
          <CaseSection title={t('cases.sections.notes', { count: item.notes.length })}>
            <NotesList notes={item.notes} />
            <NoteForm disabled={busy} onAdd={(text) => change((current) => api.cases.addNote({ caseId: current.id, text }))} />
          </CaseSection>
        </Stack>
      </Box>

      <CaseSection title={t('cases.sections.audit')} testId="case-audit">
        {audit.status === 'ok' && <AuditEventsTable events={audit.events} showCase={false} />}
        {audit.status === 'error' && <ErrorNotice error={audit.error} />}
        {audit.status === 'loading' && <Skeleton variant="rounded" height={80} />}
      </CaseSection>
    </Box>
  );
}
