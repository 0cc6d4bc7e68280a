import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiError, GraphNode, ProgressEvent, Subgraph } from '../../main/api';
import { useApi } from '../api/api-context';
import { amend, execute, extendLastStep, redo as redoStep, startHistory, undo as undoStep, type CanvasHistory } from '../graph/canvas-history';
import {
  addSubgraph,
  addWithHighlight,
  clearCanvas,
  emptyCanvas,
  groupNodes,
  moveNodes,
  neighbourIds,
  refreshNodes,
  removeNodes,
  replaceWith,
  setFilters,
  setGroupsCollapsed,
  setHidden,
  setHighlighted,
  setPinned,
  sharedIdentifierGroups,
  showAllHidden,
  ungroup,
  type CanvasCommand,
  type CanvasFilters,
  type CanvasModel,
  type Point,
} from '../graph/canvas-model';
import { communityGroups } from '../graph/community-groups';
import { arrangeGroups } from '../graph/group-arrangement';
import type { GraphView, LayoutKind } from '../graph/graph-view';
import { setStyleRules, type StyleRule } from '../graph/style-rules';
import { toApiError } from '../shared/to-api-error';
import { openSavedCanvas, type OpenMode } from './open-saved-canvas';

export type { NeighbourPage } from '../graph/canvas-model';

/** The most nodes graph.subgraph draws at once. */
export const MAX_SHOWN_NODES = 2_000;

/** The expand call in flight, with the latest progress event for its task. */
export interface ExpandTask {
  taskId: string;
  nodeId: string;
  label: string;
  progress: ProgressEvent | null;
}

/** A layout in progress (large ones run in a worker), with its progress and a way to stop it. */
export interface LayoutTask {
  kind: LayoutKind;
  fraction: number;
  cancel(): void;
}

export type { OpenMode };

/**
 * The Explore canvas's state: the canvas model and its undo history, the selection, the expand
 * call and the layout in flight. Every change to what is drawn is a command (canvas-model.ts);
 * the GraphView only draws the present model.
 */
export function useExploreGraph(pageSize: number) {
  const api = useApi();
  const viewRef = useRef<GraphView | null>(null);
  const taskRef = useRef<ExpandTask | null>(null);
  const historyRef = useRef<CanvasHistory>(startHistory(emptyCanvas()));
  const [history, setHistory] = useState<CanvasHistory>(historyRef.current);
  const [task, setTask] = useState<ExpandTask | null>(null);
  const [layoutTask, setLayoutTask] = useState<LayoutTask | null>(null);
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [selectedIds, setSelectedIds] = useState<string[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [loadingNodes, setLoadingNodes] = useState(false);

  useEffect(
    () => api.events.onProgress((event) => setTask((current) => (current?.taskId === event.taskId ? { ...current, progress: event } : current))),
    [api],
  );

  const commit = useCallback((next: CanvasHistory) => {
    if (next === historyRef.current) return;
    historyRef.current = next;
    viewRef.current?.render(next.present);
    setHistory(next);
  }, []);

  /** Runs one command as an undo step. */
  const run = useCallback((command: CanvasCommand) => commit(execute(historyRef.current, command)), [commit]);
  const undo = useCallback(() => commit(undoStep(historyRef.current)), [commit]);
  const redo = useCallback(() => commit(redoStep(historyRef.current)), [commit]);
  const model = (): CanvasModel => historyRef.current.present;

  /** Focuses one node (details panel) and selects it, or adds it to the selection. */
  const select = useCallback((nodeId: string | null, additive = false) => {
    setFocusedId(nodeId);
    if (!additive) viewRef.current?.setSelection(nodeId ? [nodeId] : [], nodeId);
  }, []);

  const selectOnly = useCallback((nodeIds: readonly string[]) => {
    viewRef.current?.setSelection(nodeIds);
    setFocusedId(nodeIds.length === 1 ? nodeIds[0] : null);
  }, []);

  /**
   * Draws the next page of a node's neighbours (the first page if none is drawn yet). `seed` is
   * the node itself when it is not on the canvas yet (opened from a search hit).
   */
  const expand = useCallback(
    async (nodeId: string, seed?: GraphNode) => {
      const drawn = model().nodes[nodeId];
      // One expand at a time keeps progress and Cancel unambiguous; a fully drawn node has nothing to add.
      if (taskRef.current || (drawn?.page && drawn.page.nextOffset === null)) return;
      const started: ExpandTask = { taskId: `expand-${crypto.randomUUID()}`, nodeId, label: seed?.label ?? drawn?.node.label ?? nodeId, progress: null };
      taskRef.current = started;
      setTask(started);
      setError(null);
      try {
        const page = await api.graph.expand({ nodeId, limit: pageSize, offset: drawn?.page?.nextOffset ?? 0, taskId: started.taskId });
        run(addSubgraph({ nodes: seed ? [seed, ...page.nodes] : page.nodes, edges: page.edges }, { anchorId: nodeId, anchorPage: { totalNeighbours: page.totalNeighbours, nextOffset: page.nextOffset } }));
        // Existing nodes stay where they are; the view moves only when new ones landed off screen.
        if (seed) viewRef.current?.fit();
        else viewRef.current?.reveal(page.nodes.map((node) => node.id));
      } catch (failure) {
        setError(toApiError(failure));
      } finally {
        taskRef.current = null;
        setTask(null);
      }
    },
    [api, pageSize, run],
  );

  /** Expands every selected node, one after the other. */
  const expandSelected = useCallback(async () => {
    for (const nodeId of viewRef.current?.selectedIds() ?? []) await expand(nodeId);
  }, [expand]);

  useEffect(() => {
    viewRef.current?.setPageSize(pageSize);
  }, [pageSize]);

  /** Draws the given nodes and the links among them, instead of or beside what is drawn, highlighting some (an opened ring scoring `ringScore`). */
  const show = useCallback(
    async (nodeIds: readonly string[], highlightIds: readonly string[], mode: OpenMode = 'replace', ringScore: number | null = null) => {
      setLoadingNodes(true);
      setError(null);
      try {
        const subgraph = await api.graph.subgraph({ nodeIds: nodeIds.slice(0, MAX_SHOWN_NODES), includeSharedIdentifiers: true });
        if (mode === 'replace') select(null);
        const drawnBefore = new Set(Object.keys(model().nodes));
        run(mode === 'replace' ? replaceWith(subgraph, highlightIds, ringScore) : addWithHighlight(subgraph, highlightIds, ringScore));
        const fresh = subgraph.nodes.map((node) => node.id).filter((id) => !drawnBefore.has(id));
        const positions = fresh.length > 0 ? await viewRef.current?.layout('force', mode === 'replace' ? null : fresh, () => undefined).result : null;
        // Opening and laying out is one step: a single undo goes back to the canvas before.
        if (positions) commit(extendLastStep(historyRef.current, moveNodes(positions, 'layout')));
        viewRef.current?.fit();
      } catch (failure) {
        setError(toApiError(failure));
      } finally {
        setLoadingNodes(false);
      }
    },
    [api, commit, run, select],
  );

  /** Puts a search hit on the canvas with its first page of neighbours, and selects it. */
  const open = useCallback(
    async (node: GraphNode) => {
      if (!model().nodes[node.id]) await expand(node.id, node);
      select(node.id);
    },
    [expand, select],
  );

  const cancel = useCallback(() => {
    const running = taskRef.current;
    // The expand call itself then fails with 'cancelled', which is what the user sees.
    if (running) api.tasks.cancel({ taskId: running.taskId }).catch(() => undefined);
  }, [api]);

  /** Lays out every node, or only the selected ones when `onSelection`; pinned nodes stay put. */
  const layout = useCallback(
    async (kind: LayoutKind, onSelection: boolean) => {
      const view = viewRef.current;
      if (!view) return;
      const scope = onSelection ? view.selectedIds() : null;
      if (scope && scope.length === 0) return;
      const running = view.layout(kind, scope, (fraction) => setLayoutTask((current) => (current ? { ...current, fraction } : current)));
      setLayoutTask({ kind, fraction: 0, cancel: running.cancel });
      try {
        const positions = await running.result;
        if (positions) {
          run(moveNodes(positions, 'layout'));
          if (!scope) view.fit();
        }
      } catch (failure) {
        setError(toApiError(failure));
      } finally {
        setLayoutTask(null);
      }
    },
    [run],
  );

  const attachView = useCallback((view: GraphView | null) => {
    viewRef.current = view;
    if (view) {
      view.setPageSize(pageSizeRef.current);
      view.render(historyRef.current.present);
    }
  }, []);
  // A ref, so attachView stays stable (a new onReady would make GraphCanvas rebuild Cytoscape).
  const pageSizeRef = useRef(pageSize);
  pageSizeRef.current = pageSize;

  const selection = () => viewRef.current?.selectedIds() ?? [];

  const edit = useMemo(
    () => ({
      selectAll: () => selectOnly(viewRef.current?.visibleNodeIds() ?? []),
      selectNeighbours: () => selectOnly([...new Set([...selection(), ...neighbourIds(model(), selection())])]),
      invertSelection: () => {
        const chosen = new Set(selection());
        selectOnly((viewRef.current?.visibleNodeIds() ?? []).filter((id) => !chosen.has(id)));
      },
      hideSelected: () => {
        run(setHidden(selection(), true));
        setFocusedId(null);
      },
      removeSelected: () => {
        run(removeNodes(selection()));
        setFocusedId(null);
      },
      showHidden: () => run(showAllHidden()),
      pinSelected: (pinned: boolean) => run(setPinned(selection(), pinned)),
      groupSelected: (label: string) => run(groupNodes([{ id: `group:${crypto.randomUUID()}`, label, memberIds: selection() }], arrangeGroups)),
      groupBySharedIdentifier: (labelOf: (identifier: GraphNode, members: number) => string) => {
        const chosen = selection();
        run(groupNodes(sharedIdentifierGroups(model(), chosen.length > 1 ? chosen : null, labelOf), arrangeGroups));
      },
      groupByCommunity: (labelOf: (index: number, members: number) => string) => {
        const chosen = selection();
        run(groupNodes(communityGroups(model(), chosen.length > 1 ? chosen : null, labelOf), arrangeGroups));
      },
      ungroupSelected: () => run(ungroup(viewRef.current?.selectedGroupIds() ?? [])),
      /** Collapses (or expands) the selected groups, or every group when none is selected. */
      setGroupsCollapsed: (collapsed: boolean) => {
        const chosen = viewRef.current?.selectedGroupIds() ?? [];
        run(setGroupsCollapsed(chosen.length > 0 ? chosen : Object.keys(model().groups), collapsed));
      },
      toggleGroup: (groupId: string) => run(setGroupsCollapsed([groupId], !model().groups[groupId]?.collapsed)),
      moveNodes: (positions: Record<string, Point>) => run(moveNodes(positions)),
      setFilters: (filters: CanvasFilters) => run(setFilters(filters)),
      setStyleRules: (rules: readonly StyleRule[]) => run(setStyleRules(rules)),
      /** The connection's saved rules, taken on without an undo step (nothing the investigator did). */
      adoptStyleRules: (rules: readonly StyleRule[]) => commit(amend(historyRef.current, setStyleRules(rules))),
      dismissHighlight: () => run(setHighlighted([])),
      clear: () => {
        run(clearCanvas());
        select(null);
      },
      /** Puts a saved model on the canvas, instead of or beside what is drawn, as one undoable step. */
      load: (loaded: CanvasModel, mode: OpenMode = 'replace') => {
        run(openSavedCanvas(loaded, mode));
        select(null);
        viewRef.current?.fit();
      },
    }),
    [commit, run, select, selectOnly],
  );

  /** Fresher data for drawn nodes (the details answer): not an undo step. */
  const refresh = useCallback((nodes: readonly GraphNode[]) => commit(amend(historyRef.current, refreshNodes(nodes))), [commit]);

  const controls = useMemo(
    () => ({
      fit: () => viewRef.current?.fit(),
      zoomIn: () => viewRef.current?.zoomIn(),
      zoomOut: () => viewRef.current?.zoomOut(),
    }),
    [],
  );

  const present = history.present;
  const nodeCount = Object.keys(present.nodes).length;
  return {
    attachView,
    viewRef,
    model: present,
    history,
    canUndo: history.past.length > 0,
    canRedo: history.future.length > 0,
    undo,
    redo,
    run,
    focusedId,
    selectedNode: focusedId ? (present.nodes[focusedId]?.node ?? null) : null,
    selectedIds,
    setSelectedIds,
    select,
    selectOnly,
    expand,
    expandSelected,
    open,
    show,
    refresh,
    edit,
    layout,
    layoutTask,
    loadingNodes,
    cancel,
    controls,
    task,
    counts: { nodes: nodeCount, edges: Object.keys(present.edges).length, hidden: Object.values(present.nodes).filter((node) => node.hidden).length },
    error,
    dismissError: () => setError(null),
    subgraphOf: (nodeIds: readonly string[]): Subgraph => ({
      nodes: nodeIds.flatMap((id) => (present.nodes[id] ? [present.nodes[id].node] : [])),
      edges: Object.values(present.edges).filter((edge) => nodeIds.includes(edge.source) && nodeIds.includes(edge.target)),
    }),
  };
}
