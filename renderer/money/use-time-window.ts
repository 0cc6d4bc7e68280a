import { useCallback, useEffect, useMemo, useState, type RefObject } from 'react';
import type { ApiError, MoneyLink, TimeWindow } from '../../main/api';
import { useApi } from '../api/api-context';
import type { CanvasModel } from '../graph/canvas-model';
import type { GraphView } from '../graph/graph-view';
import { toApiError } from '../shared/to-api-error';
import { buildMoneyTimeIndex, edgesInWindowAmong, edgesOutsideWindow, firstPlayWindow, nextPlayWindow, type WindowMs } from './time-filter';
import { timelineBins, timeSpan, zoomAround, type TimeSpan } from './timeline';

/** Bars of the histogram: fine enough to brush a burst of a few hours in a month of data. */
const TIMELINE_BINS = 80;
/** Play moves the window by one bin this often. */
const PLAY_INTERVAL_MS = 700;
/** graph.transactions takes at most this many nodes (TransactionsInput). */
const MAX_TRANSACTION_NODES = 2_000;

/** Money edges to highlight: given by id (a flow, followed money), or those of a reason (its accounts, its window). */
export type LinkHighlight =
  | { kind: 'edges'; edgeIds: readonly string[]; currentId: string | null }
  | { kind: 'among'; nodeIds: readonly string[]; window: WindowMs };

export const toWindowMs = (window: { from: string; to: string }): WindowMs => ({ from: Date.parse(window.from), to: Date.parse(window.to) });
const toTimeWindow = (window: WindowMs): TimeWindow => ({ from: new Date(window.from).toISOString(), to: new Date(window.to).toISOString() });

/**
 * The timeline under the canvas: the money links among the drawn accounts and merchants
 * (graph.transactions, reloaded when nodes come or go), their histogram with account creations, the
 * brushed window (greying or hiding money edges outside it), play, and the money edges highlighted
 * along a flow or a reason. None of this is an undo step: looking at time does not edit the canvas.
 */
export function useTimeWindow(model: CanvasModel, viewRef: RefObject<GraphView | null>) {
  const api = useApi();
  const nodes = model.nodes;
  // Strings, so moving nodes (a new `nodes` object, the same ids and times) neither reloads nor re-bins.
  const { nodesKey, creationKey } = useMemo(() => {
    const drawn = Object.values(nodes);
    return {
      nodesKey: drawn
        .filter((entry) => entry.node.kind === 'account' || entry.node.kind === 'merchant')
        .map((entry) => entry.node.id)
        .sort()
        .join('\n'),
      creationKey: drawn.flatMap((entry) => (entry.node.kind === 'account' && typeof entry.node.properties.createdAt === 'string' ? [entry.node.properties.createdAt] : [])).join(','),
    };
  }, [nodes]);
  const [loaded, setLoaded] = useState<{ links: MoneyLink[]; truncated: boolean }>({ links: [], truncated: false });
  const [error, setError] = useState<ApiError | null>(null);
  const [window, setWindow] = useState<WindowMs | null>(null);
  const [mode, setMode] = useState<'grey' | 'hide'>('grey');
  const [playing, setPlaying] = useState(false);
  const [highlight, setHighlight] = useState<LinkHighlight | null>(null);
  /** The part of time the strip shows when zoomed on a window (null: the whole span). */
  const [zoom, setZoom] = useState<TimeSpan | null>(null);

  useEffect(() => {
    const nodeIds = nodesKey ? nodesKey.split('\n') : [];
    if (nodeIds.length === 0) {
      setLoaded({ links: [], truncated: false });
      return;
    }
    let current = true;
    api.graph.transactions({ nodeIds: nodeIds.slice(0, MAX_TRANSACTION_NODES), limit: 50_000 }).then(
      (result) => {
        if (!current) return;
        setError(null);
        setLoaded({ links: result.links, truncated: result.truncated || nodeIds.length > MAX_TRANSACTION_NODES });
      },
      (failure: unknown) => current && setError(toApiError(failure)),
    );
    return () => {
      current = false;
    };
  }, [api, nodesKey]);

  const index = useMemo(() => buildMoneyTimeIndex(loaded.links), [loaded.links]);
  const linkTimes = useMemo(() => loaded.links.map((link) => link.at), [loaded.links]);
  const whole = useMemo(() => timeSpan([...linkTimes, ...(creationKey ? creationKey.split(',') : [])]), [linkTimes, creationKey]);
  const bins = useMemo(() => timelineBins(linkTimes, creationKey ? creationKey.split(',') : [], TIMELINE_BINS, zoom ?? undefined), [linkTimes, creationKey, zoom]);
  const extent = bins.length > 0 ? { start: bins[0].start, end: bins[bins.length - 1].end } : null;

  const outside = useMemo(() => edgesOutsideWindow(index, window), [index, window]);
  useEffect(() => {
    viewRef.current?.setTimeFilter(window ? outside : null, mode);
  }, [viewRef, window, outside, mode]);

  const edges = model.edges;
  const highlightedIds = useMemo(() => {
    if (!highlight) return [];
    if (highlight.kind === 'edges') return highlight.edgeIds.filter((id) => edges[id]);
    return edgesInWindowAmong(index, Object.values(edges), highlight.nodeIds, highlight.window);
  }, [highlight, index, edges]);
  const currentId = highlight?.kind === 'edges' ? highlight.currentId : null;
  useEffect(() => {
    viewRef.current?.setLinkHighlight(highlightedIds, currentId);
  }, [viewRef, highlightedIds, currentId]);

  const binWidth = bins.length > 0 ? bins[0].end - bins[0].start : 0;
  const extentEnd = extent?.end ?? 0;
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      setWindow((current) => {
        const next = current && nextPlayWindow(current, extentEnd, binWidth);
        if (!next) setPlaying(false);
        return next ?? current;
      });
    }, PLAY_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [playing, extentEnd, binWidth]);

  const togglePlay = useCallback(() => {
    if (!extent) return;
    if (!playing && (!window || window.to >= extent.end)) setWindow(firstPlayWindow(extent.start, extent.end));
    setPlaying(!playing);
  }, [extent, playing, window]);

  /** A window chosen by hand (the brush): play stops. */
  const brush = useCallback((next: WindowMs | null) => {
    setPlaying(false);
    setWindow(next);
  }, []);

  /** Sets a window and zooms the strip on it (a reason's or a flow's few hours would be a sliver of months). */
  const focusWindow = useCallback(
    (next: WindowMs) => {
      brush(next);
      setZoom(whole ? zoomAround(next, whole) : null);
    },
    [brush, whole],
  );

  /** Back to no window, no zoom and no highlight (another ring replaced the canvas). */
  const reset = useCallback(() => {
    brush(null);
    setZoom(null);
    setHighlight(null);
  }, [brush]);

  return {
    truncated: loaded.truncated,
    error,
    dismissError: () => setError(null),
    bins,
    extent,
    window,
    /** The window as the contract takes it (graph.followMoney), null when none is set. */
    timeWindow: window ? toTimeWindow(window) : null,
    setWindow: brush,
    focusWindow,
    reset,
    zoomed: zoom !== null,
    zoomToWindow: () => window && whole && setZoom(zoomAround(window, whole)),
    zoomOut: () => setZoom(null),
    /** How many drawn money edges have a movement inside the window. */
    edgesInWindow: index.size - outside.size,
    indexedEdges: index.size,
    mode,
    setMode,
    playing,
    togglePlay,
    highlight,
    setHighlight,
  };
}

export type TimeWindowState = ReturnType<typeof useTimeWindow>;
