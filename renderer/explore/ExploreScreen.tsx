import CloseIcon from '@mui/icons-material/Close';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkbench, type ExploreRequest } from '../app/workbench';
import { GraphCanvas } from '../graph/GraphCanvas';
import { GraphControls } from '../graph/GraphControls';
import { NEIGHBOUR_PAGE_SIZES, type NeighbourPageSize } from '../graph/elements';
import { GraphLegend } from '../graph/GraphLegend';
import { installGraphTestHook } from '../graph/test-hook';
import { PropagatedRisk } from '../rings/PropagatedRisk';
import { ErrorNotice } from '../shared/ErrorNotice';
import { TaskProgress } from '../shared/TaskProgress';
import { DetailsPanel } from './DetailsPanel';
import { ExploreEmptyState } from './ExploreEmptyState';
import { SearchPanel } from './SearchPanel';
import { useExploreGraph } from './use-explore-graph';
import { useNodeDetails } from './use-node-details';
import { usePageSize } from './use-page-size';
import { useSearch } from './use-search';

const SIDE_PANEL_WIDTH = 364;
const DETAILS_WIDTH = 360;

/** Search the graph, draw a neighbourhood, expand it node by node, inspect any node. */
export function ExploreScreen() {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const search = useSearch();
  const [pageSize, setPageSize] = usePageSize();
  const explore = useExploreGraph(pageSize);
  const details = useNodeDetails(explore.selectedId);
  // The details answer is the freshest view of the selected node: redraw it from there.
  useEffect(() => {
    if (details.status === 'ok') explore.viewRef.current?.refresh([details.details.node]);
  }, [details, explore.viewRef]);
  const { select, expand, show, viewRef } = explore;
  const { search: runQuery } = search;
  const { exploreRequest, sourceRevision } = useWorkbench();
  const { reset: resetSearch } = search;
  const { clear: clearGraph } = explore.controls;
  // What another screen asked to show (a ring), titled above the graph until the user clears it.
  const [shown, setShown] = useState<ExploreRequest | null>(null);

  useEffect(() => {
    if (!exploreRequest) return;
    setShown(exploreRequest);
    void show(exploreRequest.nodeIds, exploreRequest.highlightIds);
  }, [exploreRequest, show]);

  // Another graph source was connected: what is drawn belongs to the old one, so start afresh.
  useEffect(() => {
    if (sourceRevision === 0) return;
    clearGraph();
    resetSearch();
    setQuery('');
    setShown(null);
  }, [sourceRevision, clearGraph, resetSearch]);

  const dismissShown = useCallback(() => {
    setShown(null);
    viewRef.current?.setHighlighted([]);
  }, [viewRef]);

  const runSearch = useCallback(
    (text: string) => {
      setQuery(text);
      void runQuery(text);
    },
    [runQuery],
  );

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') select(null);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [select]);

  useEffect(
    () =>
      installGraphTestHook({
        nodeIds: () => viewRef.current?.nodeIds() ?? [],
        clientPosition: (nodeId) => viewRef.current?.clientPosition(nodeId) ?? null,
        edgeCount: () => viewRef.current?.edgeCount() ?? 0,
        highlightedIds: () => viewRef.current?.highlightedIds() ?? [],
        select: (nodeId) => select(nodeId),
        expand: (nodeId) => expand(nodeId),
      }),
    [select, expand, viewRef],
  );

  const { selectedNode } = explore;
  const empty = explore.counts.nodes === 0;
  const busy = explore.task !== null || search.loading || explore.loadingNodes;

  return (
    <Box sx={{ display: 'flex', height: '100%' }}>
      <Box
        sx={{ width: SIDE_PANEL_WIDTH, flexShrink: 0, display: 'flex', flexDirection: 'column', borderRight: 1, borderColor: 'divider', bgcolor: 'background.paper' }}
      >
        <Box sx={{ flex: 1, minHeight: 0 }}>
          <SearchPanel
            query={query}
            onQueryChange={setQuery}
            onSearch={runSearch}
            state={search}
            onOpen={(hit) => void explore.open(hit.node)}
            selectedId={explore.selectedId}
          />
        </Box>
        {/* In the side column rather than over the canvas, so it never hides part of the graph. */}
        <Box sx={{ borderTop: 1, borderColor: 'divider', px: 2, pt: 1.5 }}>
          <TextField
            select
            size="small"
            fullWidth
            label={t('explore.pageSize')}
            helperText={t('explore.pageSizeHint')}
            value={pageSize}
            onChange={(event) => setPageSize(Number(event.target.value) as NeighbourPageSize)}
            slotProps={{ htmlInput: { 'data-testid': 'page-size' } }}
          >
            {NEIGHBOUR_PAGE_SIZES.map((size) => (
              <MenuItem key={size} value={size}>
                {size}
              </MenuItem>
            ))}
          </TextField>
        </Box>
        <Box sx={{ borderTop: 1, borderColor: 'divider', mt: 1 }}>
          <GraphLegend pageSize={pageSize} />
        </Box>
      </Box>

      <Box sx={{ position: 'relative', flex: 1, minWidth: 0, overflow: 'hidden' }}>
        <GraphCanvas onReady={explore.attachView} onSelect={select} onExpandRequest={(nodeId) => void expand(nodeId)} />
        {busy && <LinearProgress sx={{ position: 'absolute', top: 0, left: 0, right: 0 }} />}

        {empty && !explore.task && !explore.loadingNodes && (
          <Overlay sx={{ inset: 0, display: 'flex', alignItems: 'center', justifyContent: 'center', pointerEvents: 'none' }}>
            <ExploreEmptyState hasResults={search.hits.length > 0} onTryExample={runSearch} />
          </Overlay>
        )}

        {shown && (
          <Overlay sx={{ top: 12, left: 12, width: 'min(440px, calc(100% - 90px))' }}>
            <Paper variant="outlined" data-testid="explore-request" sx={{ px: 2, py: 1.25, opacity: 0.96 }}>
              <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1 }}>
                <Typography variant="subtitle1" component="h2" sx={{ flex: 1, fontWeight: 600, lineHeight: 1.4 }}>
                  {shown.title}
                </Typography>
                <IconButton size="small" aria-label={t('explore.dismissRequest')} onClick={dismissShown} sx={{ mt: -0.25, mr: -1 }}>
                  <CloseIcon fontSize="small" />
                </IconButton>
              </Box>
              {shown.notes?.map((note) => (
                <Typography key={note} variant="body2" color="text.secondary" component="div">
                  {note}
                </Typography>
              ))}
            </Paper>
          </Overlay>
        )}

        <Overlay sx={{ top: 12, left: '50%', transform: 'translateX(-50%)', display: 'flex', flexDirection: 'column', gap: 1, alignItems: 'center', width: 'min(520px, calc(100% - 120px))' }}>
          {explore.task && (
            <TaskProgress
              label={t('progress.loadingNeighbours', { label: explore.task.label })}
              progress={explore.task.progress}
              onCancel={explore.cancel}
              showCount
              testId="expand-progress"
              sx={{ width: 340, maxWidth: '100%' }}
            />
          )}
          {explore.error && <ErrorNotice error={explore.error} onClose={explore.dismissError} sx={{ width: '100%' }} />}
        </Overlay>

        <Overlay sx={{ top: 12, right: 12 }}>
          <GraphControls
            empty={empty}
            onFit={explore.controls.fit}
            onZoomIn={explore.controls.zoomIn}
            onZoomOut={explore.controls.zoomOut}
            onRelayout={explore.controls.relayout}
            onClear={() => {
              explore.controls.clear();
              setShown(null);
            }}
          />
        </Overlay>

        {!empty && (
          <Overlay sx={{ bottom: 12, right: 12, textAlign: 'right', bgcolor: 'background.default', opacity: 0.9, borderRadius: 1, px: 1, py: 0.5 }}>
            <Typography variant="caption" color="text.secondary" component="div" data-testid="graph-stats">
              {t('explore.stats', { nodes: explore.counts.nodes, edges: explore.counts.edges })}
            </Typography>
            <Typography variant="caption" color="text.secondary" component="div">
              {t('explore.doubleClickHint')}
            </Typography>
          </Overlay>
        )}
      </Box>

      {selectedNode && (
        <Box sx={{ width: DETAILS_WIDTH, flexShrink: 0, borderLeft: 1, borderColor: 'divider', bgcolor: 'background.paper' }}>
          <DetailsPanel
            node={selectedNode}
            pageSize={pageSize}
            details={details}
            page={explore.pages[selectedNode.id]}
            busy={explore.task !== null}
            onExpand={() => void expand(selectedNode.id)}
            onClose={() => select(null)}
            accountRisk={<PropagatedRisk nodeId={selectedNode.id} onSelect={(nodeId) => (viewRef.current?.node(nodeId) ? select(nodeId) : void runSearch(nodeId.replace(/^account:/, '')))} />}
          />
        </Box>
      )}
    </Box>
  );
}

function Overlay({ sx, children }: { sx: object; children: ReactNode }) {
  return <Box sx={{ position: 'absolute', zIndex: 1, ...sx }}>{children}</Box>;
}
