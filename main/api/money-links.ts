/**
 * Pure functions over money links (no Node, no DOM), shared by the core and the renderer: the time
 * window filter and the folding of parallel transfers between two accounts into one drawn edge.
 */
import type { MoneyLink, TimeWindow } from './money';

/** True when the link's time lies in the half-open window [from, to); a link of unknown time is outside any bounded window. */
export function inTimeWindow(link: Pick<MoneyLink, 'at'>, window: TimeWindow | null): boolean {
  if (!window || (window.from === null && window.to === null)) return true;
  const at = link.at === null ? Number.NaN : Date.parse(link.at);
  if (Number.isNaN(at)) return false;
  return (window.from === null || at >= Date.parse(window.from)) && (window.to === null || at < Date.parse(window.to));
}

/** The links inside the window, in their order. */
export function linksInTimeWindow<T extends Pick<MoneyLink, 'at'>>(links: readonly T[], window: TimeWindow | null): T[] {
  return links.filter((link) => inTimeWindow(link, window));
}

/** Parallel money links of one type and direction between two nodes, as one edge. */
export interface AggregatedMoneyEdge {
  /** The same id graph.expand gives the folded edge: `<source>-<type>-><target>`. */
  id: string;
  source: string;
  target: string;
  type: string;
  kind: MoneyLink['kind'];
  count: number;
  /** Sum of the known amounts; null when no amount is known. */
  totalAmount: number | null;
  /** One currency when all known ones agree, 'mixed' when they differ, null when none is known. */
  currency: string | null;
  firstAt: string | null;
  lastAt: string | null;
  /** The folded links' ids, oldest first, for the details panel's list. */
  linkIds: string[];
}

const timeOf = (link: MoneyLink) => (link.at === null ? Number.NaN : Date.parse(link.at));

/**
 * Folds parallel links (same source, type and target) into one edge with count, total and first and
 * last time, so five transfers from A to B draw as one edge whose width can follow the total.
 * Edges come in the order of their first link.
 */
export function aggregateMoneyLinks(links: readonly MoneyLink[]): AggregatedMoneyEdge[] {
  const edges = new Map<string, AggregatedMoneyEdge & { times: { id: string; at: number }[] }>();
  for (const link of links) {
    const id = `${link.source}-${link.type}->${link.target}`;
    let edge = edges.get(id);
    if (!edge) {
      edge = { id, source: link.source, target: link.target, type: link.type, kind: link.kind, count: 0, totalAmount: null, currency: null, firstAt: null, lastAt: null, linkIds: [], times: [] };
      edges.set(id, edge);
    }
    edge.count++;
    if (link.amount !== null) edge.totalAmount = Math.round(((edge.totalAmount ?? 0) + link.amount) * 100) / 100;
    if (link.currency !== null) edge.currency = edge.currency === null || edge.currency === link.currency ? link.currency : 'mixed';
    const at = timeOf(link);
    if (!Number.isNaN(at)) {
      if (edge.firstAt === null || at < Date.parse(edge.firstAt)) edge.firstAt = link.at;
      if (edge.lastAt === null || at > Date.parse(edge.lastAt)) edge.lastAt = link.at;
    }
    edge.times.push({ id: link.id, at });
  }
  return [...edges.values()].map(({ times, ...edge }) => ({
    ...edge,
    // Unknown times last, so the list reads oldest first.
    linkIds: [...times].sort((a, b) => (Number.isNaN(a.at) ? 1 : Number.isNaN(b.at) ? -1 : a.at - b.at)).map((entry) => entry.id),
  }));
}
