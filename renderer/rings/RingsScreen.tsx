import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Paper from '@mui/material/Paper';
import Slider from '@mui/material/Slider';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { sourceName } from '../app/source-name';
import { useFormat } from '../i18n/format';
import { RING_KINDS, type RingClusterSummary } from '../../main/api';
import { useApi } from '../api/api-context';
import { useWorkbench } from '../app/workbench';
import { useRingReasonText } from '../i18n/ring-reason';
import { createCaseFromCluster } from '../cases/create-case';
import { ErrorNotice } from '../shared/ErrorNotice';
import { TaskProgress } from '../shared/TaskProgress';
import { toApiError } from '../shared/to-api-error';
import { ClusterTable } from './ClusterTable';
import { DetectionModeFields } from './DetectionModeFields';
import { UpstreamNotice } from './UpstreamNotice';
import { ExcludedHubs } from './ExcludedHubs';
import { RING_KIND_COLORS } from './ring-kind-colors';
import { ScoreHistogram } from './ScoreHistogram';
import { RINGS_PAGE_SIZE, useRingDetection } from './use-ring-detection';

const SIDE_WIDTH = 372;

/** Run ring detection, read the ranked flagged clusters with their reasons, open one in Explore. */
export function RingsScreen() {
  const { t } = useTranslation();
  const format = useFormat();
  const reasonText = useRingReasonText();
  const api = useApi();
  const { openInExplore, openCase } = useWorkbench();
  const rings = useRingDetection();
  const { settings, setSettings, filters, setFilters, list, detection, task } = rings;
  const [openError, setOpenError] = useState<ReturnType<typeof toApiError> | null>(null);

  const open = useCallback(
    async (cluster: RingClusterSummary) => {
      try {
        const detail = await api.rings.get({ clusterId: cluster.clusterId });
        const evidence = detail.reasons.flatMap((reason) => reason.evidenceNodeIds);
        openInExplore({
          nodeIds: [...new Set([...detail.memberIds, ...detail.identifierIds, ...evidence])],
          highlightIds: detail.memberIds,
          title: t('rings.exploreTitle', { clusterId: detail.clusterId, score: format.score(detail.score) }),
          notes: detail.reasons.map(reasonText),
          ringScore: detail.score,
          ring: { clusterId: detail.clusterId, reasons: detail.reasons },
        });
      } catch (failure) {
        setOpenError(toApiError(failure));
      }
    },
    [api, openInExplore, t, reasonText],
  );

  const createCase = useCallback(
    async (cluster: RingClusterSummary) => {
      try {
        const created = await createCaseFromCluster(api, await api.rings.get({ clusterId: cluster.clusterId }));
        openCase(created.id);
      } catch (failure) {
        setOpenError(toApiError(failure));
      }
    },
    [api, openCase],
  );

  return (
    <Box sx={{ display: 'flex', height: '100%' }} data-testid="rings-screen">
      <Box sx={{ width: SIDE_WIDTH, flexShrink: 0, overflowY: 'auto', borderRight: 1, borderColor: 'divider', bgcolor: 'background.paper', p: 2 }}>
        <Typography variant="h6" component="h2">
          {t('rings.title')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {t('rings.subtitle')}
        </Typography>

        <Box sx={{ display: 'flex', gap: 1.5, mb: 2 }}>
          <TextField
            label={t('rings.cutoff')}
            type="number"
            size="small"
            value={settings.supernodeCutoff}
            onChange={(event) => setSettings({ ...settings, supernodeCutoff: Math.max(2, Math.round(Number(event.target.value) || 2)) })}
            helperText={t('rings.cutoffHelp')}
            slotProps={{ htmlInput: { min: 2, max: 100000, 'data-testid': 'cutoff-input' } }}
            disabled={task !== null}
            sx={{ flex: 1 }}
          />
          <TextField
            label={t('rings.threshold')}
            type="number"
            size="small"
            value={settings.minScore}
            onChange={(event) => setSettings({ ...settings, minScore: Math.min(1, Math.max(0, Number(event.target.value) || 0)) })}
            helperText={t('rings.thresholdHelp')}
            slotProps={{ htmlInput: { min: 0, max: 1, step: 0.05 } }}
            disabled={task !== null}
            sx={{ flex: 1 }}
          />
        </Box>

        <DetectionModeFields settings={settings} onChange={setSettings} disabled={task !== null} />

        {task ? (
          <TaskProgress
            label={task.progress?.state === 'running' ? t(`progress.step.${task.progress.step}`) : t('rings.running')}
            progress={task.progress}
            onCancel={rings.cancel}
            testId="detection-progress"
            cancelTestId="cancel-detection"
          />
        ) : (
          <Button variant="contained" startIcon={<PlayArrowIcon />} onClick={() => void rings.run()} data-testid="run-detection" fullWidth>
            {detection ? t('rings.rerun') : t('rings.run')}
          </Button>
        )}

        {rings.error && <ErrorNotice error={rings.error} onClose={rings.dismissError} sx={{ mt: 2 }} />}

        {detection && (
          <>
            <Section title={t('rings.lastRun')}>
              <Typography variant="body2" data-testid="rings-summary">
                {t('rings.summary', {
                  flagged: detection.flaggedCount,
                  clusters: detection.clusterCount,
                  accounts: detection.accounts,
                  seconds: format.number(detection.seconds, 2),
                })}
              </Typography>
              <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 1 }}>
                {sourceName(detection.source, t)} · {detection.mode === 'gds' ? t('rings.modeGds') : detection.mode === 'upstream' ? t('rings.mode.modeUpstream') : t('rings.modeInProcess')}
              </Typography>
              {detection.upstream && <UpstreamNotice upstream={detection.upstream} />}
              {detection.truncated && (
                <Alert severity="warning" sx={{ mb: 1 }}>
                  {t('rings.truncated')}
                </Alert>
              )}
              {detection.notMapped.length > 0 && (
                <Alert severity="info" sx={{ mb: 1 }} data-testid="not-mapped">
                  {t('rings.notMapped', { parts: detection.notMapped.map((evidence) => t(`rings.unmapped.${evidence}`)).join(', ') })}
                </Alert>
              )}
              <ExcludedHubs detection={detection} />
            </Section>
            {list && (
              <Section title={t('rings.distribution')}>
                <ScoreHistogram histogram={list.histogram} />
              </Section>
            )}
          </>
        )}
      </Box>

      <Box sx={{ flex: 1, minWidth: 0, overflowY: 'auto', p: 2 }}>
        {openError && <ErrorNotice error={openError} onClose={() => setOpenError(null)} sx={{ mb: 2 }} />}
        {!detection && !task && (
          <Paper variant="outlined" sx={{ p: 4, textAlign: 'center' }} data-testid="rings-empty">
            <Typography variant="h6" component="p">
              {t('rings.neverRun')}
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ maxWidth: 520, mx: 'auto', mt: 1 }}>
              {t('rings.neverRunHint')}
            </Typography>
          </Paper>
        )}
        {detection && list && (
          <Paper variant="outlined">
            <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 2, px: 2, pt: 1.5 }}>
              <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
                {t('rings.flagged')}
              </Typography>
              <Typography variant="body2" color="text.secondary" data-testid="rings-shown">
                {t('rings.shown', { count: list.total })}
              </Typography>
            </Box>
            <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 4, rowGap: 1, px: 2, py: 1 }}>
              <Box sx={{ display: 'flex', gap: 0.75, flexWrap: 'wrap' }} role="group" aria-label={t('rings.kinds')}>
                {RING_KINDS.map((kind) => {
                  const selected = filters.kinds.includes(kind);
                  return (
                    <Chip
                      key={kind}
                      data-testid={`kind-filter-${kind}`}
                      label={t(`rings.ringKinds.${kind}`)}
                      color={RING_KIND_COLORS[kind]}
                      variant={selected ? 'filled' : 'outlined'}
                      aria-pressed={selected}
                      onClick={() => setFilters({ ...filters, kinds: selected ? filters.kinds.filter((k) => k !== kind) : [...filters.kinds, kind] })}
                    />
                  );
                })}
              </Box>
              <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, width: 320 }}>
                <Typography variant="body2" color="text.secondary" noWrap sx={{ flexShrink: 0 }}>
                  {t('rings.minScore')}
                </Typography>
                <Slider
                  size="small"
                  min={0}
                  max={1}
                  step={0.05}
                  value={filters.minScore}
                  valueLabelDisplay="auto"
                  data-testid="min-score-filter"
                  aria-label={t('rings.minScore')}
                  onChange={(_event, value) => setFilters({ ...filters, minScore: value as number })}
                />
              </Box>
            </Box>
            <Divider />
            {list.total === 0 ? (
              <Typography variant="body2" color="text.secondary" sx={{ p: 3, textAlign: 'center' }}>
                {t('rings.noMatch')}
              </Typography>
            ) : (
              <ClusterTable
                clusters={list.clusters}
                total={list.total}
                page={rings.page}
                pageSize={RINGS_PAGE_SIZE}
                onPageChange={rings.setPage}
                onOpen={(cluster) => void open(cluster)}
                onCreateCase={(cluster) => void createCase(cluster)}
              />
            )}
          </Paper>
        )}
      </Box>
    </Box>
  );
}


function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="section" sx={{ mt: 2.5 }}>
      <Typography variant="overline" color="text.secondary" component="h3" sx={{ display: 'block', mb: 0.5 }}>
        {title}
      </Typography>
      {children}
    </Box>
  );
}
