/**
 * BENCH ONLY (`npm run bench -- canvas`): the renderer's canvas modules in a bare page, driven by
 * tests/bench/canvas.ts through `window.canvasBench`. Plain Cytoscape with the same elements and
 * stylesheet is the baseline in the same page.
 */
import cytoscape from 'cytoscape';
import type { GraphEdge, GraphNode, Subgraph } from '../../../main/api';
import { execute, startHistory, undo } from '../../../renderer/graph/canvas-history';
import { addSubgraph, emptyCanvas, moveNodes, type CanvasModel } from '../../../renderer/graph/canvas-model';
import { edgeElement, nodeElement } from '../../../renderer/graph/elements';
import { DENSE_CANVAS_LINKS, graphStylesheet, type GraphPalette } from '../../../renderer/graph/graph-style';
import { GraphView } from '../../../renderer/graph/graph-view';

const PALETTE: GraphPalette = { background: '#F5F7FA', text: '#455A64', selection: '#1565C0', blacklist: '#7F1D1D', highlight: '#F59E0B', fontFamily: 'sans-serif' };
const IGNORE = () => undefined;
const EVENTS = { onSelect: IGNORE, onExpandRequest: IGNORE, onSelectionChange: IGNORE, onNodesMoved: IGNORE, onGroupToggle: IGNORE };
const LABELS = { hubCount: String, groupMembers: String };

/** A seeded random graph: `nodes` accounts and identifiers, `edges` links, positions spread on a square. */
function randomGraph(nodes: number, edges: number, seed: number): { subgraph: Subgraph; positions: Record<string, { x: number; y: number }> } {
  let state = seed >>> 0;
  const random = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const graphNodes: GraphNode[] = [];
  const positions: Record<string, { x: number; y: number }> = {};
  const side = Math.sqrt(nodes) * 90;
  for (let index = 0; index < nodes; index++) {
    const account = index % 3 !== 0;
    const id = `${account ? 'account' : 'device'}:${index}`;
    graphNodes.push({ id, kind: account ? 'account' : 'device', key: id, label: account ? `U${String(index).padStart(7, '0')}` : `dev-${index}`, properties: {}, riskScore: account ? random() : null, blacklisted: account && random() < 0.02, degree: 4 });
    positions[id] = { x: Math.round(random() * side), y: Math.round(random() * side) };
  }
  const graphEdges: GraphEdge[] = [];
  const seen = new Set<string>();
  while (graphEdges.length < edges) {
    const a = Math.floor(random() * nodes);
    const b = Math.floor(random() * nodes);
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    graphEdges.push({ id: `e${graphEdges.length}`, source: graphNodes[a].id, target: graphNodes[b].id, type: 'LINK', kind: graphEdges.length % 4 === 0 ? 'transfer' : 'identifier', properties: {} });
  }
  return { subgraph: { nodes: graphNodes, edges: graphEdges }, positions };
}

function modelOf(nodes: number, edges: number, seed: number): CanvasModel {
  const { subgraph, positions } = randomGraph(nodes, edges, seed);
  return moveNodes(positions).apply(addSubgraph(subgraph).apply(emptyCanvas()));
}

const container = () => document.getElementById('canvas')!;
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
/** After two frames the first one with the graph has been painted. */
const painted = async () => {
  await nextFrame();
  await nextFrame();
};

/** Main-thread tasks over 50 ms (the browser's long tasks), with when they started. */
const longTasks: { startTime: number; duration: number }[] = [];
new PerformanceObserver((list) => list.getEntries().forEach((entry) => longTasks.push({ startTime: entry.startTime, duration: entry.duration }))).observe({ type: 'longtask', buffered: false });
interface PaintTimes {
  firstPaintSeconds: number;
  interactiveSeconds: number;
}

/** Seconds since `started` to the first painted frame, and to the frame that answers a wheel zoom on the middle of the canvas (a user's first gesture). */
async function paintTimes(started: number): Promise<PaintTimes> {
  await painted();
  const firstPaintSeconds = (performance.now() - started) / 1000;
  const target = container().querySelector('canvas') ?? container();
  const box = container().getBoundingClientRect();
  target.dispatchEvent(new WheelEvent('wheel', { deltaY: -120, clientX: box.left + box.width / 2, clientY: box.top + box.height / 2, bubbles: true, cancelable: true }));
  await painted();
  return { firstPaintSeconds, interactiveSeconds: (performance.now() - started) / 1000 };
}
const idle = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const canvasBench = {
  /**
   * Seconds the worker force layout of a nodes/edges graph takes and the longest main-thread task
   * meanwhile; milliseconds to draw its result (to the next frame) and the longest task doing so.
   */
  async layout(nodes: number, edges: number): Promise<{ seconds: number; applyMs: number; maxTaskMs: number; maxApplyTaskMs: number; moved: number }> {
    const view = new GraphView(container(), PALETTE, EVENTS, LABELS);
    const model = modelOf(nodes, edges, 7);
    view.render(model);
    await painted();
    // Long tasks are reported late: let the first paint's settle, then count only those that start during the layout.
    await idle(1_000);
    const started = performance.now();
    const positions = await view.layout('force', null, IGNORE).result;
    const laidOut = performance.now();
    view.render(moveNodes(positions ?? {}, 'layout').apply(model));
    await nextFrame();
    const finished = performance.now();
    await idle(500);
    const longest = (from: number, to: number) => Math.max(0, ...longTasks.filter((task) => task.startTime >= from && task.startTime <= to).map((task) => task.duration));
    view.destroy();
    return { seconds: (laidOut - started) / 1000, applyMs: finished - laidOut, maxTaskMs: longest(started, laidOut), maxApplyTaskMs: longest(laidOut, finished), moved: Object.keys(positions ?? {}).length };
  },

  /**
   * Seconds from nothing to the first painted frame of a nodes/edges graph through RingScope's
   * canvas (`webgl`: Cytoscape's WebGL renderer), and on to the frame painted in answer to the
   * first wheel zoom (time to interactive).
   */
  async ringscopeFirstPaint(nodes: number, edges: number, webgl = false): Promise<PaintTimes> {
    const model = modelOf(nodes, edges, 11);
    const started = performance.now();
    const view = new GraphView(container(), PALETTE, EVENTS, LABELS, { webgl });
    view.render(model);
    view.fit(undefined, false);
    const times = await paintTimes(started);
    view.destroy();
    return times;
  },

  /** The same for plain Cytoscape with the same elements, positions and stylesheet. */
  async plainFirstPaint(nodes: number, edges: number): Promise<PaintTimes> {
    const model = modelOf(nodes, edges, 11);
    const started = performance.now();
    const elements = [
      ...Object.values(model.nodes).map((drawn) => ({ ...nodeElement(drawn.node), position: { ...drawn.position } })),
      ...Object.values(model.edges).map((edge) => edgeElement(edge)),
    ];
    // The stylesheet RingScope ends up with for this many links (straight links above DENSE_CANVAS_LINKS).
    const style = graphStylesheet(PALETTE, { dense: edges > DENSE_CANVAS_LINKS });
    const cy = cytoscape({ container: container(), style, elements, layout: { name: 'preset' }, minZoom: 0.05, maxZoom: 4 });
    const times = await paintTimes(started);
    cy.destroy();
    return times;
  },

  /** Whether this browser can draw WebGL 2 at all (headless Chromium may fall back to software). */
  webglRenderer(): string | null {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return null;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    return info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : 'webgl2';
  },

  /** Milliseconds to undo an expand that added `added` nodes (model step and redraw, to the next frame). */
  async undoExpand(added: number): Promise<number> {
    const view = new GraphView(container(), PALETTE, EVENTS, LABELS);
    const base = modelOf(50, 80, 3);
    let history = startHistory(base);
    view.render(base);
    const hub = Object.keys(base.nodes)[0];
    const page = randomGraph(added, 0, 5).subgraph;
    const nodesAdded = page.nodes.map((node) => ({ ...node, id: `new-${node.id}` }));
    history = execute(history, addSubgraph({ nodes: nodesAdded, edges: nodesAdded.map((node, index) => ({ id: `new-e${index}`, source: hub, target: node.id, type: 'LINK', kind: 'identifier', properties: {} })) }, { anchorId: hub }));
    view.render(history.present);
    await painted();
    const started = performance.now();
    history = undo(history);
    view.render(history.present);
    await nextFrame();
    const ms = performance.now() - started;
    view.destroy();
    return ms;
  },
};

(window as unknown as { canvasBench: typeof canvasBench }).canvasBench = canvasBench;
