import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiError, GraphNode, ProgressEvent } from '../../main/api';
import { useApi } from '../api/api-context';
import type { GraphView } from '../graph/graph-view';
import { toApiError } from '../shared/to-api-error';

/** Neighbours fetched per expand call: hubs are paged, never drawn whole. */
/** The most nodes graph.subgraph draws at once. */
const MAX_SHOWN_NODES = 2_000;

/** How much of a node's neighbourhood is drawn. */
export interface NeighbourPage {
  totalNeighbours: number;
  /** Offset of the next page, or null when every neighbour is drawn. */
  nextOffset: number | null;
}

/** The expand call in flight, with the latest progress event for its task. */
export interface ExpandTask {
  taskId: string;
  nodeId: string;
  label: string;
  progress: ProgressEvent | null;
}

/**
 * The Explore screen's graph state: which node is selected, which pages of which neighbourhoods
 * are drawn, and the expand call in flight. The drawing itself lives in the GraphView.
 */
/** The Explore canvas's state; `pageSize` neighbours are loaded per expand (more make a node a hub). */
export function useExploreGraph(pageSize: number) {
  const api = useApi();
  const viewRef = useRef<GraphView | null>(null);
  const taskRef = useRef<ExpandTask | null>(null);
  const pagesRef = useRef<Record<string, NeighbourPage>>({});
  const [task, setTask] = useState<ExpandTask | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [pages, setPages] = useState<Record<string, NeighbourPage>>({});
  const [counts, setCounts] = useState({ nodes: 0, edges: 0 });
  const [error, setError] = useState<ApiError | null>(null);
  const [loadingNodes, setLoadingNodes] = useState(false);

  useEffect(
    () => api.events.onProgress((event) => setTask((current) => (current?.taskId === event.taskId ? { ...current, progress: event } : current))),
    [api],
  );

  const updatePages = (next: Record<string, NeighbourPage>) => {
    pagesRef.current = next;
    setPages(next);
  };

  const select = useCallback((nodeId: string | null) => {
    setSelectedId(nodeId);
    viewRef.current?.select(nodeId);
  }, []);

  /**
   * Draws the next page of a node's neighbours (the first page if none is drawn yet). `seed` is
   * the node itself when it is not on the canvas yet (opened from a search hit).
   */
  const expand = useCallback(
    async (nodeId: string, seed?: GraphNode) => {
      const view = viewRef.current;
      const drawn = pagesRef.current[nodeId];
      // One expand at a time keeps progress and Cancel unambiguous; a fully drawn node has nothing to add.
      if (!view || taskRef.current || (drawn && drawn.nextOffset === null)) return;
      const started: ExpandTask = {
        taskId: `expand-${crypto.randomUUID()}`,
        nodeId,
        label: seed?.label ?? view.node(nodeId)?.label ?? nodeId,
        progress: null,
      };
      taskRef.current = started;
      setTask(started);
      setError(null);
      try {
        const page = await api.graph.expand({ nodeId, limit: pageSize, offset: drawn?.nextOffset ?? 0, taskId: started.taskId });
        if (viewRef.current !== view) return;
        view.merge({ nodes: seed ? [seed, ...page.nodes] : page.nodes, edges: page.edges }, nodeId);
        view.setHasMore(nodeId, page.nextOffset !== null);
        updatePages({ ...pagesRef.current, [nodeId]: { totalNeighbours: page.totalNeighbours, nextOffset: page.nextOffset } });
        setCounts({ nodes: view.nodeIds().length, edges: view.edgeCount() });
      } catch (failure) {
        setError(toApiError(failure));
      } finally {
        taskRef.current = null;
        setTask(null);
      }
    },
    [api, pageSize],
  );

  // A ref, so attachView stays stable (a new onReady would make GraphCanvas rebuild Cytoscape).
  const pageSizeRef = useRef(pageSize);
  useEffect(() => {
    pageSizeRef.current = pageSize;
    viewRef.current?.setPageSize(pageSize);
  }, [pageSize]);

  /**
   * Replaces the canvas with the given nodes and the edges among them, highlighting some of them
   * (a ring's members opened from the Rings screen).
   */
  const show = useCallback(
    async (nodeIds: readonly string[], highlightIds: readonly string[]) => {
      const view = viewRef.current;
      if (!view) return;
      setLoadingNodes(true);
      setError(null);
      try {
        const subgraph = await api.graph.subgraph({ nodeIds: nodeIds.slice(0, MAX_SHOWN_NODES), includeSharedIdentifiers: true });
        if (viewRef.current !== view) return;
        view.clear();
        updatePages({});
        select(null);
        view.merge(subgraph, subgraph.nodes[0]?.id ?? '');
        view.setHighlighted(highlightIds);
        setCounts({ nodes: view.nodeIds().length, edges: view.edgeCount() });
      } catch (failure) {
        setError(toApiError(failure));
      } finally {
        setLoadingNodes(false);
      }
    },
    [api, select],
  );

  /** Puts a search hit on the canvas with its first page of neighbours, and selects it. */
  const open = useCallback(
    async (node: GraphNode) => {
      if (!viewRef.current?.node(node.id)) await expand(node.id, node);
      select(node.id);
    },
    [expand, select],
  );

  const cancel = useCallback(() => {
    const running = taskRef.current;
    // The expand call itself then fails with 'cancelled', which is what the user sees.
    if (running) api.tasks.cancel({ taskId: running.taskId }).catch(() => undefined);
  }, [api]);

  const clear = useCallback(() => {
    viewRef.current?.clear();
    updatePages({});
    setCounts({ nodes: 0, edges: 0 });
    setError(null);
    select(null);
  }, [select]);

  const attachView = useCallback((view: GraphView | null) => {
    viewRef.current = view;
    view?.setPageSize(pageSizeRef.current);
  }, []);

  const controls = useMemo(
    () => ({
      fit: () => viewRef.current?.fit(),
      zoomIn: () => viewRef.current?.zoomIn(),
      zoomOut: () => viewRef.current?.zoomOut(),
      relayout: () => viewRef.current?.relayout(),
      clear,
    }),
    [clear],
  );

  return {
    attachView,
    viewRef,
    selectedId,
    selectedNode: selectedId ? (viewRef.current?.node(selectedId) ?? null) : null,
    select,
    expand,
    open,
    show,
    loadingNodes,
    cancel,
    controls,
    task,
    pages,
    counts,
    error,
    dismissError: () => setError(null),
  };
}
