import CloseIcon from '@mui/icons-material/Close';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTheme } from '@mui/material/styles';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useHealth } from '../app/use-health';
import { useWorkbench, type ExploreRequest } from '../app/workbench';
import { filtersActive } from '../graph/canvas-model';
import { NEIGHBOUR_PAGE_SIZES, type NeighbourPageSize } from '../graph/elements';
import { GraphCanvas } from '../graph/GraphCanvas';
import { GraphControls } from '../graph/GraphControls';
import { GraphLegend } from '../graph/GraphLegend';
import { installGraphTestHook } from '../graph/test-hook';
import { WorkspaceFileError } from '../graph/workspace-file';
import { PropagatedRisk } from '../rings/PropagatedRisk';
import { ErrorNotice } from '../shared/ErrorNotice';
import { TaskProgress } from '../shared/TaskProgress';
import { toApiError } from '../shared/to-api-error';
import { CanvasToolbar } from './CanvasToolbar';
import { DetailsPanel } from './DetailsPanel';
import { ExploreEmptyState } from './ExploreEmptyState';
import { FilterPanel } from './FilterPanel';
import { OpenModeDialog } from './OpenModeDialog';
import { SearchPanel } from './SearchPanel';
import { SelectionPanel } from './SelectionPanel';
import { ShortcutsHelp } from './ShortcutsHelp';
import { useCanvasKeys } from './use-canvas-keys';
import { useExploreGraph, type OpenMode } from './use-explore-graph';
import { useNodeDetails } from './use-node-details';
import { usePageSize } from './use-page-size';
import { useSearch } from './use-search';
import { downloadBlob, selectionCsv, timestampedName, useWorkspace, type RecentWorkspace } from './use-workspace';
import { namedIdentifierTypes } from '../graph/identifier-names';

const SIDE_PANEL_WIDTH = 364;
const DETAILS_WIDTH = 360;

type SideTab = 'search' | 'selection' | 'filters';

/** A note above the canvas about the last opened workspace: saved nodes the source no longer has. */
interface WorkspaceNotice {
  severity: 'warning' | 'error';
  text: string;
}

/** Search the graph, build an investigation on the canvas (expand, edit, lay out, undo), keep it and export it. */
export function ExploreScreen() {
  const { t } = useTranslation();
  const theme = useTheme();
  const [query, setQuery] = useState('');
  const search = useSearch();
  const [pageSize, setPageSize] = usePageSize();
  const explore = useExploreGraph(pageSize);
  const workspace = useWorkspace();
  const health = useHealth();
  const details = useNodeDetails(explore.focusedId);
  const { refresh } = explore;
  // The details answer is the freshest view of the focused node: redraw it from there.
  useEffect(() => {
    if (details.status === 'ok') refresh([details.details.node]);
  }, [details, refresh]);
  const { select, expand, show, viewRef } = explore;
  const { search: runQuery } = search;
  const { exploreRequest, sourceRevision } = useWorkbench();
  const { reset: resetSearch } = search;
  const { clear: clearGraph } = explore.edit;
  // What another screen asked to show (a ring), titled above the graph until the user clears it.
  const [shown, setShown] = useState<ExploreRequest | null>(null);
  const [pendingRequest, setPendingRequest] = useState<ExploreRequest | null>(null);
  const [sideTab, setSideTab] = useState<SideTab>('search');
  const [helpOpen, setHelpOpen] = useState(false);
  const [notice, setNotice] = useState<WorkspaceNotice | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const drawnCount = explore.counts.nodes;
  const drawnCountRef = useRef(drawnCount);
  drawnCountRef.current = drawnCount;

  const openRequest = useCallback(
    (request: ExploreRequest, mode: OpenMode) => {
      setShown(request);
      void show(request.nodeIds, request.highlightIds, mode);
    },
    [show],
  );

  // Another screen opened something: on an empty canvas draw it, else ask whether to replace or add.
  useEffect(() => {
    if (!exploreRequest) return;
    if (drawnCountRef.current === 0) openRequest(exploreRequest, 'replace');
    else setPendingRequest(exploreRequest);
  }, [exploreRequest, openRequest]);

  // Another graph source was connected: what is drawn belongs to the old one, so start afresh.
  useEffect(() => {
    if (sourceRevision === 0) return;
    clearGraph();
    resetSearch();
    setQuery('');
    setShown(null);
  }, [sourceRevision, clearGraph, resetSearch]);

  const { dismissHighlight } = explore.edit;
  const dismissShown = useCallback(() => {
    setShown(null);
    dismissHighlight();
  }, [dismissHighlight]);

  const runSearch = useCallback(
    (text: string) => {
      setQuery(text);
      setSideTab('search');
      void runQuery(text);
    },
    [runQuery],
  );

  const selectedNodes = explore.selectedIds.flatMap((id) => (explore.model.nodes[id] ? [explore.model.nodes[id].node] : []));
  const groupSelected = () => explore.edit.groupSelected(t('canvas.groupLabel', { count: explore.selectedIds.length }));

  useCanvasKeys(
    {
      undo: explore.undo,
      redo: explore.redo,
      selectAll: explore.edit.selectAll,
      remove: explore.edit.removeSelected,
      hide: explore.edit.hideSelected,
      pin: () => explore.edit.pinSelected(!selectedNodes.every((node) => explore.model.nodes[node.id]?.pinned)),
      group: groupSelected,
      deselect: () => select(null),
      help: () => setHelpOpen(true),
    },
    !helpOpen && pendingRequest === null,
  );

  useEffect(
    () =>
      installGraphTestHook({
        nodeIds: () => Object.keys(explore.model.nodes),
        clientPosition: (nodeId) => viewRef.current?.clientPosition(nodeId) ?? null,
        edgeCount: () => Object.keys(explore.model.edges).length,
        highlightedIds: () => [...explore.model.highlighted],
        select: (nodeId) => select(nodeId),
        expand: (nodeId) => expand(nodeId),
        selectedIds: () => viewRef.current?.selectedIds() ?? [],
        visibleNodeIds: () => viewRef.current?.visibleNodeIds() ?? [],
        modelPosition: (nodeId) => explore.model.nodes[nodeId]?.position ?? null,
        groups: () => Object.values(explore.model.groups).map((group) => ({ ...group, memberIds: Object.values(explore.model.nodes).filter((node) => node.groupId === group.id).map((node) => node.node.id) })),
        pinnedIds: () => Object.values(explore.model.nodes).filter((node) => node.pinned).map((node) => node.node.id),
      }),
    [select, expand, viewRef, explore.model],
  );

  const source = health.status === 'ok' ? health.health.source : null;

  const openWorkspaceText = async (text: string) => {
    setNotice(null);
    try {
      const opened = await workspace.load(text);
      explore.edit.load(opened.model);
      setShown(null);
      const fromOtherSource = opened.file.source && source && opened.file.source.name !== source.name ? t('canvas.workspace.otherSource', { source: opened.file.source.name }) : '';
      if (opened.missingNodeIds.length > 0) {
        setNotice({ severity: 'warning', text: `${t('canvas.workspace.missing', { count: opened.missingNodeIds.length, ids: opened.missingNodeIds.slice(0, 10).join(', ') })} ${fromOtherSource}`.trim() });
      } else if (fromOtherSource) setNotice({ severity: 'warning', text: fromOtherSource });
    } catch (failure) {
      if (failure instanceof WorkspaceFileError) setNotice({ severity: 'error', text: t(`canvas.workspace.errors.${failure.code}`, { at: failure.at ?? '' }) });
      else setNotice({ severity: 'error', text: t('canvas.workspace.errors.fetch', { reason: toApiError(failure).message }) });
    }
  };

  const exportPng = (scale: number) => {
    const blob = viewRef.current?.png(scale, theme.palette.background.default);
    if (blob) downloadBlob(blob, `${timestampedName('ringscope')}@${scale}x.png`);
  };
  const exportSvg = () => {
    const text = viewRef.current?.svg(theme.palette.background.default);
    if (text) downloadBlob(new Blob([text], { type: 'image/svg+xml' }), `${timestampedName('ringscope')}.svg`);
  };
  const exportCsv = () => downloadBlob(new Blob([selectionCsv(explore.subgraphOf(explore.selectedIds))], { type: 'text/csv' }), `${timestampedName('ringscope-selection')}.csv`);

  const { selectedNode } = explore;
  const empty = drawnCount === 0;
  const busy = explore.task !== null || search.loading || explore.loadingNodes;
  const lastPast = explore.history.past.at(-1);

  return (
    <Box sx={{ display: 'flex', height: '100%' }}>
      <Box sx={{ width: SIDE_PANEL_WIDTH, flexShrink: 0, display: 'flex', flexDirection: 'column', borderRight: 1, borderColor: 'divider', bgcolor: 'background.paper' }}>
        <Tabs value={sideTab} onChange={(_, value: SideTab) => setSideTab(value)} variant="fullWidth" sx={{ minHeight: 40, borderBottom: 1, borderColor: 'divider', '& .MuiTab-root': { minHeight: 40 } }}>
          <Tab value="search" label={t('canvas.tabs.search')} data-testid="tab-search" />
          <Tab value="selection" label={t('canvas.tabs.selection', { count: explore.selectedIds.length })} data-testid="tab-selection" />
          <Tab value="filters" label={filtersActive(explore.model.filters) ? t('canvas.tabs.filtersOn') : t('canvas.tabs.filters')} data-testid="tab-filters" />
        </Tabs>
        <Box sx={{ flex: 1, minHeight: 0, overflowY: sideTab === 'filters' ? 'auto' : 'hidden' }}>
          {sideTab === 'search' && (
            <SearchPanel query={query} onQueryChange={setQuery} onSearch={runSearch} state={search} onOpen={(hit) => void explore.open(hit.node)} selectedId={explore.focusedId} />
          )}
          {sideTab === 'selection' && (
            <SelectionPanel
              nodes={selectedNodes}
              focusedId={explore.focusedId}
              onFocus={(nodeId) => select(nodeId, true)}
              onSelectAll={explore.edit.selectAll}
              onInvert={explore.edit.invertSelection}
              onClear={() => select(null)}
            />
          )}
          {sideTab === 'filters' && <FilterPanel filters={explore.model.filters} onChange={explore.edit.setFilters} />}
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
          <GraphLegend pageSize={pageSize} filters={explore.model.filters} onEditFilters={() => setSideTab('filters')} namedIdentifiers={namedIdentifierTypes(Object.values(explore.model.nodes).map(({ node }) => node))} />
        </Box>
      </Box>

      <Box sx={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column' }}>
        <CanvasToolbar
          empty={empty}
          selectionCount={explore.selectedIds.length}
          hiddenCount={explore.counts.hidden}
          canUndo={explore.canUndo}
          canRedo={explore.canRedo}
          undoLabel={lastPast?.label ?? null}
          redoLabel={explore.history.future[0]?.label ?? null}
          onUndo={explore.undo}
          onRedo={explore.redo}
          onLayout={(kind, onSelection) => void explore.layout(kind, onSelection)}
          onHide={explore.edit.hideSelected}
          onRemove={explore.edit.removeSelected}
          onShowHidden={explore.edit.showHidden}
          onPin={explore.edit.pinSelected}
          onGroup={groupSelected}
          onGroupByIdentifier={() => explore.edit.groupBySharedIdentifier((identifier, members) => t('canvas.sharedGroupLabel', { label: identifier.label, count: members }))}
          onGroupByCommunity={() => explore.edit.groupByCommunity((index, members) => t('canvas.communityGroupLabel', { index, count: members }))}
          onUngroup={explore.edit.ungroupSelected}
          onExpandSelected={() => void explore.expandSelected()}
          onSelectNeighbours={explore.edit.selectNeighbours}
          onSave={() => workspace.save(explore.model, source)}
          onOpen={() => fileInput.current?.click()}
          recent={workspace.recent}
          onOpenRecent={(recent: RecentWorkspace) => void openWorkspaceText(recent.text)}
          onExportPng={exportPng}
          onExportSvg={exportSvg}
          onExportCsv={exportCsv}
          onShortcuts={() => setHelpOpen(true)}
        />
        <input
          ref={fileInput}
          type="file"
          accept=".ringscope,application/json"
          hidden
          data-testid="workspace-file-input"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void file.text().then(openWorkspaceText);
          }}
        />
        <Box sx={{ position: 'relative', flex: 1, minHeight: 0, overflow: 'hidden' }}>
          <GraphCanvas
            onReady={explore.attachView}
            onSelect={(nodeId, additive) => select(nodeId, additive)}
            onExpandRequest={(nodeId) => void expand(nodeId)}
            onSelectionChange={explore.setSelectedIds}
            onNodesMoved={explore.edit.moveNodes}
          />
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
            {explore.layoutTask && (
              <Paper variant="outlined" data-testid="layout-progress" sx={{ width: 340, maxWidth: '100%', px: 2, py: 1, display: 'flex', alignItems: 'center', gap: 1 }}>
                <Box sx={{ flex: 1 }}>
                  <Typography variant="caption">{t('canvas.layout.running', { layout: t(`canvas.layout.${explore.layoutTask.kind}`) })}</Typography>
                  <LinearProgress variant="determinate" value={Math.round(explore.layoutTask.fraction * 100)} />
                </Box>
                <IconButton size="small" aria-label={t('progress.cancel')} onClick={explore.layoutTask.cancel}>
                  <CloseIcon fontSize="small" />
                </IconButton>
              </Paper>
            )}
            {explore.error && <ErrorNotice error={explore.error} onClose={explore.dismissError} sx={{ width: '100%' }} />}
            {notice && (
              <Alert severity={notice.severity} onClose={() => setNotice(null)} data-testid="workspace-notice" sx={{ width: '100%' }}>
                {notice.text}
              </Alert>
            )}
          </Overlay>

          <Overlay sx={{ top: 12, right: 12 }}>
            <GraphControls empty={empty} onFit={explore.controls.fit} onZoomIn={explore.controls.zoomIn} onZoomOut={explore.controls.zoomOut} onClear={() => {
              explore.edit.clear();
              setShown(null);
            }} />
          </Overlay>

          {!empty && (
            <Overlay sx={{ bottom: 12, right: 12, textAlign: 'right', bgcolor: 'background.default', opacity: 0.9, borderRadius: 1, px: 1, py: 0.5 }}>
              <Typography variant="caption" color="text.secondary" component="div" data-testid="graph-stats">
                {t('explore.stats', { nodes: explore.counts.nodes, edges: explore.counts.edges })}
                {explore.counts.hidden > 0 ? ` · ${t('canvas.hiddenCount', { count: explore.counts.hidden })}` : ''}
              </Typography>
              <Typography variant="caption" color="text.secondary" component="div">
                {t('explore.doubleClickHint')}
              </Typography>
            </Overlay>
          )}
        </Box>
      </Box>

      {selectedNode && (
        <Box sx={{ width: DETAILS_WIDTH, flexShrink: 0, borderLeft: 1, borderColor: 'divider', bgcolor: 'background.paper' }}>
          <DetailsPanel
            node={selectedNode}
            pageSize={pageSize}
            details={details}
            page={explore.model.nodes[selectedNode.id]?.page ?? undefined}
            busy={explore.task !== null}
            onExpand={() => void expand(selectedNode.id)}
            onClose={() => select(null)}
            accountRisk={<PropagatedRisk nodeId={selectedNode.id} onSelect={(nodeId) => (explore.model.nodes[nodeId] ? select(nodeId) : void runSearch(nodeId.replace(/^account:/, '')))} />}
          />
        </Box>
      )}

      <OpenModeDialog
        title={pendingRequest?.title ?? null}
        drawnNodes={drawnCount}
        onCancel={() => setPendingRequest(null)}
        onChoose={(mode) => {
          if (pendingRequest) openRequest(pendingRequest, mode);
          setPendingRequest(null);
        }}
      />
      <ShortcutsHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </Box>
  );
}

function Overlay({ sx, children }: { sx: object; children: ReactNode }) {
  return <Box sx={{ position: 'absolute', zIndex: 1, ...sx }}>{children}</Box>;
}
