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
import { DENSE_CANVAS_LINKS } from '../graph/graph-style';
import { installGraphTestHook } from '../graph/test-hook';
import { toWorkspaceFile, WorkspaceFileError, type WorkspaceFile } from '../graph/workspace-file';
import { SaveViewDialog } from '../cases/SaveViewDialog';
import { LinkDetails } from '../money/LinkDetails';
import { TransactionsDrawer } from '../money/TransactionsDrawer';
import { MoneyPanel } from '../money/MoneyPanel';
import { TimelineStrip } from '../money/TimelineStrip';
import { useFollowMoney } from '../money/use-follow-money';
import { useTimeWindow } from '../money/use-time-window';
import { PropagatedRisk } from '../rings/PropagatedRisk';
import { ErrorNotice } from '../shared/ErrorNotice';
import { TaskProgress } from '../shared/TaskProgress';
import { errorText } from '../shared/error-text';
import { toApiError } from '../shared/to-api-error';
import { CanvasToolbar } from './CanvasToolbar';
import { DetailsPanel } from './DetailsPanel';
import { ExploreEmptyState } from './ExploreEmptyState';
import { FilterPanel } from './FilterPanel';
import { KnownBadPath } from './KnownBadPath';
import { OpenModeDialog } from './OpenModeDialog';
import { PathFinder } from './PathFinder';
import { SearchPanel } from './SearchPanel';
import { SelectionPanel } from './SelectionPanel';
import { ShortcutsHelp } from './ShortcutsHelp';
import { StyleRulesPanel } from './StyleRulesPanel';
import { useAddPaths } from './use-add-paths';
import { useCanvasKeys } from './use-canvas-keys';
import { useConnectionStyleRules } from './use-connection-style-rules';
import { useExploreGraph, type OpenMode } from './use-explore-graph';
import { useNodeDetails } from './use-node-details';
import { usePageSize } from './use-page-size';
import { useSearch } from './use-search';
import { useWebglDrawing } from './use-webgl-drawing';
import { isDesktopShell, openWorkspaceDialog, saveExport } from '../api/file-save';
import { selectionCsv, timestampedName, useWorkspace, type OpenedWorkspace, type RecentWorkspace } from './use-workspace';
import { namedIdentifierTypes } from '../graph/identifier-names';
import { WebglDrawingSwitch } from './WebglDrawingSwitch';

const SIDE_PANEL_WIDTH = 364;
const DETAILS_WIDTH = 360;
const SIDE_TAB_MIN_HEIGHT = 360;

type SideTab = 'search' | 'selection' | 'filters' | 'money';

/** A note above the canvas about the last opened workspace: saved nodes the source no longer has. */
interface WorkspaceNotice {
  severity: 'success' | 'warning' | 'error';
  text: string;
}

/** Search the graph, build an investigation on the canvas (expand, edit, lay out, undo), keep it and export it. */
export function ExploreScreen() {
  const { t } = useTranslation();
  const theme = useTheme();
  const [query, setQuery] = useState('');
  const search = useSearch();
  const [pageSize, setPageSize] = usePageSize();
  const [webgl, setWebgl] = useWebglDrawing();
  const explore = useExploreGraph(pageSize);
  const workspace = useWorkspace();
  const details = useNodeDetails(explore.focusedId);
  const { refresh } = explore;
  // The details answer is the freshest view of the focused node: redraw it from there.
  useEffect(() => {
    if (details.status === 'ok') refresh([details.details.node]);
  }, [details, refresh]);
  const { select, expand, show, viewRef } = explore;
  const addPaths = useAddPaths(explore.run, viewRef);
  const timeline = useTimeWindow(explore.model, viewRef);
  const followMoney = useFollowMoney(explore.run, viewRef, timeline);
  const { reset: resetTimeline } = timeline;
  const { search: runQuery } = search;
  const { exploreRequest, sourceRevision } = useWorkbench();
  const { reset: resetSearch } = search;
  const { clear: clearGraph } = explore.edit;
  // What another screen asked to show (a ring), titled above the graph until the user clears it.
  const [shown, setShown] = useState<ExploreRequest | null>(null);
  const [pendingRequest, setPendingRequest] = useState<ExploreRequest | null>(null);
  const [sideTab, setSideTab] = useState<SideTab>('search');
  const [helpOpen, setHelpOpen] = useState(false);
  const [saveViewOpen, setSaveViewOpen] = useState(false);
  const [notice, setNotice] = useState<WorkspaceNotice | null>(null);
  // Links (issue #10): the link shown in the details panel, and whether the transactions drawer is open.
  const [focusedEdgeId, setFocusedEdgeId] = useState<string | null>(null);
  const [transactionsOpen, setTransactionsOpen] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const drawnCount = explore.counts.nodes;
  const drawnCountRef = useRef(drawnCount);
  drawnCountRef.current = drawnCount;

  const { load: loadCanvas } = explore.edit;
  const { loadFile: loadWorkspaceFile } = workspace;
  const health = useHealth();
  const source = health.status === 'ok' ? health.health.source : null;
  const sourceName = source?.name ?? null;

  /** Draws a saved canvas (a file, a case's view) instead of or beside what is drawn, and says what it lacks. */
  const openWorkspace = useCallback(
    async (read: () => Promise<OpenedWorkspace>, mode: OpenMode) => {
      setNotice(null);
      try {
        const opened = await read();
        loadCanvas(opened.model, mode);
        const fromOtherSource = opened.file.source && sourceName && opened.file.source.name !== sourceName ? t('canvas.workspace.otherSource', { source: opened.file.source.name }) : '';
        if (opened.missingNodeIds.length > 0) {
          setNotice({ severity: 'warning', text: `${t('canvas.workspace.missing', { count: opened.missingNodeIds.length, ids: opened.missingNodeIds.slice(0, 10).join(', ') })} ${fromOtherSource}`.trim() });
        } else if (fromOtherSource) setNotice({ severity: 'warning', text: fromOtherSource });
      } catch (failure) {
        if (failure instanceof WorkspaceFileError) setNotice({ severity: 'error', text: t(`canvas.workspace.errors.${failure.code}`, { at: failure.at ?? '' }) });
        else setNotice({ severity: 'error', text: t('canvas.workspace.errors.fetch', { reason: toApiError(failure).message }) });
      }
    },
    [loadCanvas, sourceName, t],
  );

  const openRequest = useCallback(
    (request: ExploreRequest, mode: OpenMode) => {
      setShown(request);
      resetTimeline();
      if (request.ring) setSideTab('money');
      const saved: WorkspaceFile | undefined = request.workspace;
      if (saved) void openWorkspace(() => loadWorkspaceFile(saved), mode);
      else void show(request.nodeIds, request.highlightIds, mode, request.ringScore ?? null);
    },
    [show, resetTimeline, openWorkspace, loadWorkspaceFile],
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

  /** Shows a link in the details panel (a tap on it, a transactions row), keeping the selected nodes. */
  const focusEdge = useCallback(
    (edgeId: string) => {
      select(null, true);
      viewRef.current?.selectEdge(edgeId);
      setFocusedEdgeId(edgeId);
    },
    [select, viewRef],
  );

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
        clientBox: (elementId) => viewRef.current?.clientBox(elementId) ?? null,
        edgeCount: () => Object.keys(explore.model.edges).length,
        highlightedIds: () => explore.model.highlighted.filter((id) => explore.model.nodes[id]),
        edgeIds: () => Object.keys(explore.model.edges),
        highlightedEdgeIds: () => explore.model.highlighted.filter((id) => explore.model.edges[id]),
        selectMany: (nodeIds) => explore.selectOnly(nodeIds),
        select: (nodeId) => select(nodeId),
        expand: (nodeId) => expand(nodeId),
        selectedIds: () => viewRef.current?.selectedIds() ?? [],
        visibleNodeIds: () => viewRef.current?.visibleNodeIds() ?? [],
        modelPosition: (nodeId) => explore.model.nodes[nodeId]?.position ?? null,
        groups: () => Object.values(explore.model.groups).map((group) => ({ ...group, memberIds: Object.values(explore.model.nodes).filter((node) => node.groupId === group.id).map((node) => node.node.id) })),
        pinnedIds: () => Object.values(explore.model.nodes).filter((node) => node.pinned).map((node) => node.node.id),
        edges: () => Object.values(explore.model.edges).map(({ id, source, target, kind, properties }) => ({ id, source, target, kind, properties })),
        selectEdge: (edgeId) => focusEdge(edgeId),
        edgeClientPosition: (edgeId) => viewRef.current?.edgeClientPosition(edgeId) ?? null,
        drawnData: (id) => viewRef.current?.drawnData(id) ?? null,
        timeWindow: () => timeline.timeWindow,
        edgeIdsWithClass: (className) => viewRef.current?.edgeIdsWithClass(className) ?? [],
      }),
    [select, expand, viewRef, explore.model, focusEdge, explore.selectOnly, timeline.timeWindow],
  );

  useConnectionStyleRules(source, explore.model.styleRules, explore.edit.adoptStyleRules);

  const showFileFailure = (failure: unknown) => setNotice({ severity: 'error', text: t('desktopFiles.failed', { reason: errorText(t, toApiError(failure)) }) });
  const openWorkspaceText = async (text: string) => {
    setShown(null);
    await openWorkspace(() => workspace.load(text), 'replace');
  };

  const exportPng = (scale: number) => {
    const blob = viewRef.current?.png(scale, theme.palette.background.default);
    if (blob) void saveExport(blob, `${timestampedName('ringscope')}@${scale}x.png`, 'png').catch(showFileFailure);
  };
  const exportSvg = () => {
    const text = viewRef.current?.svg(theme.palette.background.default);
    if (text) void saveExport(new Blob([text], { type: 'image/svg+xml' }), `${timestampedName('ringscope')}.svg`, 'svg').catch(showFileFailure);
  };
  const exportCsv = () => void saveExport(new Blob([selectionCsv(explore.subgraphOf(explore.selectedIds))], { type: 'text/csv' }), `${timestampedName('ringscope-selection')}.csv`, 'csv').catch(showFileFailure);
  // The desktop shell asks where with the system's open dialog; the browser with its file input.
  const openWorkspaceFile = () => {
    if (!isDesktopShell()) return fileInput.current?.click();
    openWorkspaceDialog().then((chosen) => chosen && openWorkspaceText(chosen.text), showFileFailure);
  };

  const { selectedNode } = explore;
  const focusedEdge = focusedEdgeId ? explore.model.edges[focusedEdgeId] : undefined;
  const empty = drawnCount === 0;
  const busy = explore.task !== null || search.loading || explore.loadingNodes;
  const lastPast = explore.history.past.at(-1);

  return (
    <Box sx={{ display: 'flex', height: '100%' }}>
      <Box sx={{ width: SIDE_PANEL_WIDTH, flexShrink: 0, display: 'flex', flexDirection: 'column', borderRight: 1, borderColor: 'divider', bgcolor: 'background.paper' }}>
        <Tabs value={sideTab} onChange={(_, value: SideTab) => setSideTab(value)} variant="fullWidth" sx={{ minHeight: 40, flexShrink: 0, borderBottom: 1, borderColor: 'divider', '& .MuiTab-root': { minHeight: 40 } }}>
          <Tab value="search" label={t('canvas.tabs.search')} data-testid="tab-search" />
          <Tab value="selection" label={t('canvas.tabs.selection', { count: explore.selectedIds.length })} data-testid="tab-selection" />
          <Tab value="filters" label={filtersActive(explore.model.filters) ? t('canvas.tabs.filtersOn') : t('canvas.tabs.filters')} data-testid="tab-filters" />
          <Tab value="money" label={t('timeline.tab')} data-testid="tab-money" />
        </Tabs>
        {/* The tab keeps room for a rule being edited: the legend below gives way and scrolls instead. */}
        <Box sx={{ flex: 1, minHeight: SIDE_TAB_MIN_HEIGHT, overflowY: sideTab === 'filters' ? 'auto' : 'hidden' }}>
          {sideTab === 'money' && (
            <MoneyPanel ring={shown?.ring ?? null} timeline={timeline} followMoney={followMoney} focusedNode={selectedNode} edges={Object.values(explore.model.edges)} labelOf={(id) => explore.model.nodes[id]?.node.label ?? id} />
          )}
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
              onShowTransactions={() => setTransactionsOpen(true)}
            />
          )}
          {sideTab === 'filters' && (
            <>
              <FilterPanel filters={explore.model.filters} onChange={explore.edit.setFilters} />
              <StyleRulesPanel model={explore.model} onChange={explore.edit.setStyleRules} />
            </>
          )}
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
        <Box sx={{ px: 2, pt: 1 }}>
          <WebglDrawingSwitch on={webgl} onChange={setWebgl} />
        </Box>
        <Box sx={{ borderTop: 1, borderColor: 'divider', mt: 1, minHeight: 0, overflowY: 'auto' }}>
          <GraphLegend
            pageSize={pageSize}
            filters={explore.model.filters}
            styleRules={explore.model.styleRules}
            onEditFilters={() => setSideTab('filters')}
            namedIdentifiers={namedIdentifierTypes(Object.values(explore.model.nodes).map(({ node }) => node))}
            dense={Object.keys(explore.model.edges).length > DENSE_CANVAS_LINKS}
          />
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
          hasGroups={Object.keys(explore.model.groups).length > 0}
          onCollapseGroups={explore.edit.setGroupsCollapsed}
          onExpandSelected={() => void explore.expandSelected()}
          onSelectNeighbours={explore.edit.selectNeighbours}
          onSave={() => void workspace.save(explore.model, source).catch(showFileFailure)}
          onSaveToCase={() => setSaveViewOpen(true)}
          onOpen={openWorkspaceFile}
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
            onSelect={(nodeId, additive) => {
              setFocusedEdgeId(null);
              select(nodeId, additive);
            }}
            onSelectEdge={focusEdge}
            onExpandRequest={(nodeId) => void expand(nodeId)}
            onSelectionChange={explore.setSelectedIds}
            onNodesMoved={explore.edit.moveNodes}
            onGroupToggle={explore.edit.toggleGroup}
            webgl={webgl}
          />
          <PathFinder selected={selectedNodes} onAdd={addPaths} />
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
                  <Typography key={note} variant="body2" color="text.secondary" component="div" sx={{ overflowWrap: 'anywhere' }}>
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
        {transactionsOpen && (
          <TransactionsDrawer
            nodeIds={explore.selectedIds}
            onSelectLink={(link) => focusEdge(`${link.source}-${link.type}->${link.target}`)}
            onClose={() => setTransactionsOpen(false)}
          />
        )}
        <TimelineStrip timeline={timeline} />
      </Box>

      {focusedEdge && !selectedNode && (
        <Box sx={{ width: DETAILS_WIDTH, flexShrink: 0, borderLeft: 1, borderColor: 'divider', bgcolor: 'background.paper' }}>
          <LinkDetails
            edge={focusedEdge}
            source={explore.model.nodes[focusedEdge.source]?.node}
            target={explore.model.nodes[focusedEdge.target]?.node}
            onSelectNode={(nodeId) => {
              setFocusedEdgeId(null);
              select(nodeId);
            }}
            onClose={() => setFocusedEdgeId(null)}
          />
        </Box>
      )}

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
            accountRisk={
              <>
                <PropagatedRisk nodeId={selectedNode.id} onSelect={(nodeId) => (explore.model.nodes[nodeId] ? select(nodeId) : void runSearch(nodeId.replace(/^account:/, '')))} />
                <KnownBadPath nodeId={selectedNode.id} onAdd={addPaths} />
              </>
            }
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
      <SaveViewDialog
        open={saveViewOpen}
        defaultCaseId={shown?.caseId ?? null}
        workspace={() => toWorkspaceFile(explore.model, source, new Date())}
        onClose={() => setSaveViewOpen(false)}
        onSaved={(item, name) => {
          setSaveViewOpen(false);
          setNotice({ severity: 'success', text: t('caseViews.saved', { name, caseId: item.id }) });
        }}
      />
    </Box>
  );
}

function Overlay({ sx, children }: { sx: object; children: ReactNode }) {
  return <Box sx={{ position: 'absolute', zIndex: 1, ...sx }}>{children}</Box>;
}
