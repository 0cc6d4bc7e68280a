/**
 * BENCH ONLY (`npm run bench -- timeline`): the canvas with 20,000 money links in a bare page, and the
 * timeline's brush filter driven by tests/bench/timeline.ts through `window.timelineBench`.
 */
import type { GraphEdge, GraphNode, MoneyLink } from '../../../main/api';
import { addSubgraph, emptyCanvas, moveNodes } from '../../../renderer/graph/canvas-model';
import type { GraphPalette } from '../../../renderer/graph/graph-style';
import { GraphView } from '../../../renderer/graph/graph-view';
import { buildMoneyTimeIndex, edgesOutsideWindow } from '../../../renderer/money/time-filter';

const PALETTE: GraphPalette = { background: '#F5F7FA', text: '#455A64', selection: '#1565C0', blacklist: '#7F1D1D', highlight: '#F59E0B', fontFamily: 'sans-serif' };
const IGNORE = () => undefined;
const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 1);

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
/** After two frames the frame with the change has been painted. */
const painted = async () => {
  await nextFrame();
  await nextFrame();
};

/** `accounts` accounts and `links` transfers (one drawn edge each) at seeded random times over `days` days. */
function moneyGraph(accounts: number, links: number, days: number, seed: number) {
  let state = seed >>> 0;
  const random = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const nodes: GraphNode[] = [];
  const positions: Record<string, { x: number; y: number }> = {};
  const side = Math.sqrt(accounts) * 90;
  for (let index = 0; index < accounts; index++) {
    const id = `account:${index}`;
    nodes.push({ id, kind: 'account', key: id, label: `U${String(index).padStart(7, '0')}`, properties: {}, riskScore: random(), blacklisted: false, degree: 4 });
    positions[id] = { x: Math.round(random() * side), y: Math.round(random() * side) };
  }
  const moneyLinks: MoneyLink[] = [];
  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  while (edges.length < links) {
    const a = Math.floor(random() * accounts);
    const b = Math.floor(random() * accounts);
    const id = `account:${a}-TRANSFERRED_TO->account:${b}`;
    if (a === b || seen.has(id)) continue;
    seen.add(id);
    const at = new Date(START + Math.floor(random() * days * DAY)).toISOString();
    moneyLinks.push({ id: `t${edges.length}`, source: `account:${a}`, target: `account:${b}`, type: 'TRANSFERRED_TO', kind: 'transfer', amount: 100, currency: null, at });
    edges.push({ id, source: `account:${a}`, target: `account:${b}`, type: 'TRANSFERRED_TO', kind: 'transfer', properties: { count: 1, totalAmount: 100, firstAt: at, lastAt: at } });
  }
  return { model: moveNodes(positions).apply(addSubgraph({ nodes, edges }).apply(emptyCanvas())), moneyLinks };
}

const timelineBench = {
  /**
   * Milliseconds from each brush move (a window of `widthShare` of the span, moved by `stepShare`
   * each time) to the canvas painted with the links outside greyed: the filter (binary search per
   * edge) plus the batched restyle plus the frame. Also the filter alone.
   */
  async brush(accounts: number, links: number, moves: number, widthShare: number, stepShare: number): Promise<{ moveMs: number[]; filterMs: number[]; greyed: number[]; redrawMs: number[] }> {
    const view = new GraphView(document.getElementById('canvas')!, PALETTE, { onSelect: IGNORE, onExpandRequest: IGNORE, onSelectionChange: IGNORE, onNodesMoved: IGNORE, onGroupToggle: IGNORE }, { hubCount: String, groupMembers: String });
    const days = 90;
    const { model, moneyLinks } = moneyGraph(accounts, links, days, 13);
    view.render(model);
    view.fit(undefined, false);
    await painted();
    const index = buildMoneyTimeIndex(moneyLinks);
    const moveMs: number[] = [];
    const filterMs: number[] = [];
    const greyed: number[] = [];
    const width = widthShare * days * DAY;
    for (let move = 0; move < moves; move++) {
      // Back and forth over the span, as a hand drags a brush.
      const sweep = (move * stepShare) % 2;
      const from = START + (sweep <= 1 ? sweep : 2 - sweep) * (days * DAY - width);
      const started = performance.now();
      const outside = edgesOutsideWindow(index, { from, to: from + width });
      filterMs.push(performance.now() - started);
      view.setTimeFilter(outside, 'grey');
      await painted();
      moveMs.push(performance.now() - started);
      greyed.push(outside.size);
    }
    // The same canvas redrawn after a change to one edge: what any redraw of 20,000 links costs here.
    const redrawMs: number[] = [];
    const someEdge = Object.keys(model.edges)[0];
    for (let move = 0; move < Math.min(moves, 20); move++) {
      const started = performance.now();
      view.setLinkHighlight(move % 2 === 0 ? [someEdge] : []);
      await painted();
      redrawMs.push(performance.now() - started);
    }
    view.destroy();
    return { moveMs, filterMs, greyed, redrawMs };
  },
};

(window as unknown as { timelineBench: typeof timelineBench }).timelineBench = timelineBench;
