/**
 * BENCH AND TEST ONLY: the canvas with 20,000 money links in a bare page, and the timeline's brush
 * filter, driven through `window.timelineBench` by tests/bench/timeline.ts (`npm run bench -- timeline`)
 * and by tests/e2e/dense-money-links.spec.ts (what the money layer draws).
 */
import cytoscape from 'cytoscape';
import type { GraphEdge, GraphNode, MoneyLink } from '../../../main/api';
import { addSubgraph, emptyCanvas, moveNodes } from '../../../renderer/graph/canvas-model';
import { edgeElement, nodeElement } from '../../../renderer/graph/elements';
import { DENSE_CANVAS_LINKS, graphStylesheet, type GraphPalette } from '../../../renderer/graph/graph-style';
import { GraphView } from '../../../renderer/graph/graph-view';
import { buildMoneyTimeIndex, edgesOutsideWindow } from '../../../renderer/money/time-filter';
import type { MoneyLayerState, MoneyLayerStates, TimelineBench } from './api';

const PALETTE: GraphPalette = { background: '#F5F7FA', text: '#455A64', selection: '#1565C0', blacklist: '#7F1D1D', highlight: '#F59E0B', fontFamily: 'sans-serif' };
const IGNORE = () => undefined;
const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 1);

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
/**
 * Waits until the page is idle: a second of frames each within `frameMs` of the one before. After a
 * first drawing Cytoscape keeps building node textures for seconds, whenever it has not drawn for a
 * while, and repaints the whole scene after each batch. Bounded.
 */
async function idle(frameMs = 50, limitMs = 60_000): Promise<void> {
  const started = performance.now();
  let previous = performance.now();
  let quiet = 0;
  while (quiet < 60 && performance.now() - started < limitMs) {
    await nextFrame();
    const now = performance.now();
    quiet = now - previous <= frameMs ? quiet + 1 : 0;
    previous = now;
  }
}

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

/** Pixels with any ink on one of the canvases in the page (`data-id` as Cytoscape and the money layer name them). */
function inkedPixels(canvasId: string): number {
  const canvas = document.querySelector<HTMLCanvasElement>(`canvas[data-id="${canvasId}"]`)!;
  const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
  let inked = 0;
  for (let alpha = 3; alpha < pixels.length; alpha += 4) if (pixels[alpha] > 0) inked++;
  return inked;
}

/** Where the window starts at brush move `move`: back and forth over the span, as a hand drags a brush. */
function brushStart(move: number, stepShare: number, travel: number): number {
  const sweep = (move * stepShare) % 2;
  return START + (sweep <= 1 ? sweep : 2 - sweep) * travel;
}

const timelineBench: TimelineBench = {
  /**
   * What the money layer draws on a dense canvas (`links` money links) with no window, a window
   * greying and then hiding the links outside it, and the window cleared; and, on a canvas of
   * `smallLinks` links, whether Cytoscape greys them itself (by class) instead. Leaves the dense
   * canvas drawn with the window set.
   */
  async moneyLayerStates(accounts: number, links: number, smallLinks: number): Promise<MoneyLayerStates> {
    const days = 90;
    const view = new GraphView(document.getElementById('canvas')!, PALETTE, { onSelect: IGNORE, onExpandRequest: IGNORE, onSelectionChange: IGNORE, onNodesMoved: IGNORE, onGroupToggle: IGNORE }, { hubCount: String, groupMembers: String });
    const { model, moneyLinks } = moneyGraph(accounts, links, days, 7);
    view.render(model);
    view.fit(undefined, false);
    await painted();
    const state = async (): Promise<MoneyLayerState> => {
      await painted();
      return { ...view.moneyLayerCounts(), frontInk: inkedPixels('money-links'), backdropInk: inkedPixels('money-links-backdrop') };
    };
    const index = buildMoneyTimeIndex(moneyLinks);
    const outside = edgesOutsideWindow(index, { from: START, to: START + 0.2 * days * DAY });
    const none = await state();
    view.setTimeFilter(outside, 'grey');
    const grey = await state();
    view.setTimeFilter(outside, 'hide');
    const hide = await state();
    view.setTimeFilter(null, 'grey');
    const cleared = await state();

    const small = moneyGraph(accounts, smallLinks, days, 7);
    view.render(small.model);
    const smallOutside = edgesOutsideWindow(buildMoneyTimeIndex(small.moneyLinks), { from: START, to: START + 0.2 * days * DAY });
    view.setTimeFilter(smallOutside, 'grey');
    await painted();
    const result = { outside: outside.size, states: { none, grey, hide, cleared }, small: { active: view.moneyLayerCounts().active, outside: smallOutside.size, greyedByClass: view.edgeIdsWithClass('time-faded').length } };
    // The page is left showing the dense canvas with the window greying the rest, for a screenshot.
    view.render(model);
    view.setTimeFilter(outside, 'grey');
    await painted();
    return result;
  },

  /**
   * Milliseconds from setting the first window (the canvas hands its money links to the time layer)
   * to the painted canvas; then, from each brush move (a window of `widthShare` of the span, moved by
   * `stepShare` each time) to the canvas painted with the links outside greyed: the filter (binary
   * search per edge) plus the layer's redraw plus the frame. Also the filter alone.
   */
  async brush(accounts: number, links: number, moves: number, widthShare: number, stepShare: number): ReturnType<TimelineBench['brush']> {
    const view = new GraphView(document.getElementById('canvas')!, PALETTE, { onSelect: IGNORE, onExpandRequest: IGNORE, onSelectionChange: IGNORE, onNodesMoved: IGNORE, onGroupToggle: IGNORE }, { hubCount: String, groupMembers: String });
    const days = 90;
    const { model, moneyLinks } = moneyGraph(accounts, links, days, 13);
    view.render(model);
    view.fit(undefined, false);
    await idle();
    const index = buildMoneyTimeIndex(moneyLinks);
    const moveMs: number[] = [];
    const filterMs: number[] = [];
    const greyed: number[] = [];
    const width = widthShare * days * DAY;
    const setStarted = performance.now();
    const first = brushStart(0, stepShare, days * DAY - width);
    view.setTimeFilter(edgesOutsideWindow(index, { from: first, to: first + width }), 'grey');
    await painted();
    const windowSetMs = performance.now() - setStarted;
    // The brush is grabbed after the window appeared, as a hand does.
    await idle();
    for (let move = 1; move <= moves; move++) {
      const from = brushStart(move, stepShare, days * DAY - width);
      const started = performance.now();
      const outside = edgesOutsideWindow(index, { from, to: from + width });
      filterMs.push(performance.now() - started);
      view.setTimeFilter(outside, 'grey');
      await painted();
      moveMs.push(performance.now() - started);
      // What the canvas shows: on this dense canvas the money layer fades the links outside the window.
      greyed.push(view.moneyLayerCounts().faded);
    }
    view.destroy();
    return { windowSetMs, moveMs, filterMs, greyed };
  },

  /**
   * The same brush moves on plain Cytoscape with the same elements, positions and stylesheet, the
   * links outside the window greyed by class in one batch that touches only the links whose state
   * changed: what a brush costs when Cytoscape draws the money links itself.
   */
  async plainCytoscapeBrush(accounts: number, links: number, moves: number, widthShare: number, stepShare: number): Promise<number[]> {
    const days = 90;
    const { model, moneyLinks } = moneyGraph(accounts, links, days, 13);
    const elements = [
      ...Object.values(model.nodes).map((drawn) => ({ ...nodeElement(drawn.node), position: { ...drawn.position } })),
      ...Object.values(model.edges).map((edge) => edgeElement(edge)),
    ];
    const cy = cytoscape({ container: document.getElementById('canvas')!, style: graphStylesheet(PALETTE, { dense: links > DENSE_CANVAS_LINKS }), elements, layout: { name: 'preset' }, minZoom: 0.05, maxZoom: 4 });
    cy.fit(undefined, 48);
    await idle();
    const index = buildMoneyTimeIndex(moneyLinks);
    const width = widthShare * days * DAY;
    let greyed = new Set<string>();
    const moveMs: number[] = [];
    for (let move = 0; move <= moves; move++) {
      const from = brushStart(move, stepShare, days * DAY - width);
      const started = performance.now();
      const outside = edgesOutsideWindow(index, { from, to: from + width });
      cy.batch(() => {
        for (const id of outside) if (!greyed.has(id)) cy.getElementById(id).addClass('time-faded');
        for (const id of greyed) if (!outside.has(id)) cy.getElementById(id).removeClass('time-faded');
      });
      greyed = outside;
      await painted();
      // Move 0 sets the first window, as in `brush`.
      if (move === 0) await idle();
      else moveMs.push(performance.now() - started);
    }
    cy.destroy();
    return moveMs;
  },
};

(window as unknown as { timelineBench: TimelineBench }).timelineBench = timelineBench;
