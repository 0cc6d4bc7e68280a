import cytoscape, { type Core, type LayoutOptions, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import svg from 'cytoscape-svg';
import type { GraphEdge, GraphNode } from '../../main/api';
import { centroid, edgeFilteredOut, emptyCanvas, groupCentre, inCollapsedGroup, nodeFilteredOut, type CanvasModel, type CanvasNode, type Point } from './canvas-model';
import { DEFAULT_NEIGHBOUR_PAGE_SIZE, edgeElement, nodeElement, type HubCountLabel } from './elements';
import type { MoneyEdgeLabel } from './money-edges';
import { runForceLayoutInWorker, type ForceLayoutRun } from './force-layout';
import { DENSE_CANVAS_LINKS, graphStylesheet, type GraphPalette } from './graph-style';
import { riskBand } from './risk';
import { foldReroutedLinks, type ReroutedLink } from './rerouted-links';
import { ruleStyleData, RULE_STYLE_KEYS } from './style-rules';
import { MoneyLinkLayer } from './money-link-layer';

let extensionsRegistered = false;
function registerExtensions(): void {
  // Cytoscape warns when an extension is registered twice (hot reload, several views).
  if (extensionsRegistered) return;
  cytoscape.use(fcose);
  cytoscape.use(svg);
  extensionsRegistered = true;
}

export interface GraphViewEvents {
  /** A node was tapped (id; `additive` with Shift/Ctrl/Cmd held) or the background was tapped (null). */
  onSelect(nodeId: string | null, additive: boolean): void;
  /** A node was double-tapped: the user wants its neighbours. */
  onExpandRequest(nodeId: string): void;
  /** The set of selected nodes changed (taps, box selection). */
  onSelectionChange(nodeIds: string[]): void;
  /** The user dragged nodes to new places. */
  onNodesMoved(positions: Record<string, Point>): void;
  /** A group was double-tapped: the user wants it collapsed, or expanded again. */
  onGroupToggle(groupId: string): void;
  /** A link was tapped: the details panel shows it. */
  onSelectEdge?(edgeId: string): void;
}

/** What the canvas writes on its elements, in the investigator's language. */
export interface CanvasLabels {
  /** A hub's neighbour count, on its second label line. */
  hubCount: HubCountLabel;
  /** How many nodes a collapsed group holds, on its second label line. */
  groupMembers(count: number): string;
  /** A folded money link's count and total (without it, money links carry no label). */
  moneyEdge?: MoneyEdgeLabel;
}

export interface GraphViewOptions {
  /**
   * Draw with Cytoscape's (experimental) WebGL renderer: faster panning and zooming of thousands of
   * nodes on a real GPU, slower than the 2D canvas without one. Fixed for the view's lifetime.
   */
  webgl?: boolean;
}

export const LAYOUT_KINDS = ['force', 'concentric', 'hierarchy', 'circle', 'grid'] as const;
export type LayoutKind = (typeof LAYOUT_KINDS)[number];

/** Above this many nodes the force layout runs in a Web Worker (ForceAtlas2) instead of fcose on the UI thread. */
export const WORKER_LAYOUT_THRESHOLD = 300;

const ZOOM_STEP = 1.25;
const LAYOUT_PADDING = 48;
/** Fitting a handful of nodes would blow them up to poster size; past this zoom, fit only centres. */
const MAX_FIT_ZOOM = 1.4;
const RISK_RING: Record<ReturnType<typeof riskBand>, number> = { high: 3, medium: 2, low: 1, unknown: 0 };

/** A layout in progress; `result` resolves with the new positions, or null when cancelled. */
export interface LayoutRun {
  result: Promise<Record<string, Point> | null>;
  cancel(): void;
}

/**
 * The imperative wrapper around one Cytoscape instance. It draws a CanvasModel (render), reports
 * what the user does (taps, drags, selection), and computes layouts; it never changes the model
 * itself. The instance never enters React state, so a re-render never redraws the graph.
 */
export class GraphView {
  private readonly cy: Core;
  private model: CanvasModel = emptyCanvas();
  /** Neighbours per expand: nodes with more are drawn as collapsed hubs. */
  private pageSize: number = DEFAULT_NEIGHBOUR_PAGE_SIZE;
  private selectionReport: number | null = null;
  private palette: GraphPalette;
  /** Whether the canvas holds more than DENSE_CANVAS_LINKS links (drawn straight, without arrowheads). */
  private dense = false;
  /** Ids of the links drawn re-routed to collapsed groups. */
  private foldedLinkIds = new Set<string>();
  /** Money edges with no movement in the timeline's window, and whether they are greyed or hidden (not part of the undoable model: a brush move is not an edit). */
  private timeFiltered: ReadonlySet<string> = new Set();
  private timeFilterMode: 'grey' | 'hide' = 'grey';
  /** Whether the timeline has a window set. */
  private timeWindowSet = false;
  /** On a dense canvas the money edges are drawn on a layer of their own (see money-link-layer.ts). */
  private readonly moneyLayer: MoneyLinkLayer;
  /** True while a PNG or SVG is drawn: the money layer is not part of Cytoscape's picture. */
  private exportingPicture = false;
  /** Money edges highlighted along a flow or a reason's window, and the flow step shown now. */
  private linkHighlight: { ids: ReadonlySet<string>; currentId: string | null } = { ids: new Set(), currentId: null };

  constructor(
    container: HTMLElement,
    palette: GraphPalette,
    events: GraphViewEvents,
    private readonly labels: CanvasLabels,
    options: GraphViewOptions = {},
  ) {
    this.palette = palette;
    registerExtensions();
    this.cy = cytoscape({
      container,
      webgl: options.webgl ?? false,
      style: graphStylesheet(palette),
      minZoom: 0.05,
      maxZoom: 4,
      // With panning on, a box is drawn with Shift (or Ctrl/Cmd) held while dragging the background.
      boxSelectionEnabled: true,
      selectionType: 'single',
    });
    this.moneyLayer = new MoneyLinkLayer(this.cy, MONEY_EDGES);
    this.cy.on('tap', 'node', (event) => {
      // A group (its box or collapsed node) is selected for collapse, expand or ungroup, but it is no graph node to show details of.
      if (this.model.groups[event.target.id()]) return;
      const original = event.originalEvent as MouseEvent | undefined;
      events.onSelect(event.target.id(), Boolean(original && (original.shiftKey || original.ctrlKey || original.metaKey)));
    });
    this.cy.on('tap', 'edge', (event) => {
      // A link re-routed to a collapsed group stands for several: there is no one link to show.
      const id = event.target.id();
      // A money link the window hides is still a (transparent) Cytoscape edge under the money layer, but not there for the investigator.
      const hiddenByWindow = this.moneyOnLayer && this.timeFilterMode === 'hide' && this.timeFiltered.has(id);
      if (!this.foldedLinkIds.has(id) && !hiddenByWindow) events.onSelectEdge?.(id);
    });
    this.cy.on('tap', (event) => {
      if (event.target === this.cy) events.onSelect(null, false);
    });
    this.cy.on('dbltap', 'node', (event) => {
      const target = event.target as NodeSingular;
      // A group's box or collapsed node folds or unfolds the group; any other node asks for its neighbours.
      if (this.model.groups[target.id()]) events.onGroupToggle(target.id());
      else events.onExpandRequest(target.id());
    });
    this.cy.on('select unselect', 'node', () => {
      // One report per burst (a box selection selects many nodes one by one).
      if (this.selectionReport !== null) return;
      this.selectionReport = window.setTimeout(() => {
        this.selectionReport = null;
        events.onSelectionChange(this.selectedIds());
      }, 0);
    });
    this.cy.on('select unselect', 'edge', () => this.moneyLayer.invalidate());
    this.cy.on('dragfree', 'node', (event) => {
      const dragged = event.target as NodeSingular;
      const moved = dragged.isParent() ? dragged.descendants() : dragged.selected() ? this.cy.nodes(':selected') : dragged;
      const positions: Record<string, Point> = {};
      moved.forEach((node) => {
        // A collapsed group's node moves with its members (see moveNodes).
        if (this.model.nodes[node.id()] || this.model.groups[node.id()]?.collapsed) positions[node.id()] = roundPoint(node.position());
      });
      events.onNodesMoved(positions);
    });
  }

  /**
   * Draws `model`, touching only what differs from the model drawn before: moving a thousand nodes
   * changes their positions and nothing else, and an undone expand removes its nodes in one call,
   * so Cytoscape restyles only the elements that changed.
   */
  render(model: CanvasModel): void {
    const previous = this.model;
    this.model = model;
    const restyleAll = previous.highlighted !== model.highlighted || previous.filters !== model.filters || previous.ringScores !== model.ringScores || previous.styleRules !== model.styleRules;
    const groupsChanged = previous.groups !== model.groups;
    // The stylesheet for this many links first, so links about to be added are styled once.
    if (previous.edges !== model.edges) this.setDense(Object.keys(model.edges).length > DENSE_CANVAS_LINKS);
    this.cy.batch(() => {
      if (groupsChanged) this.addGroups(model);
      if (previous.nodes !== model.nodes || groupsChanged || restyleAll) this.renderNodes(previous, model, restyleAll);
      if (previous.edges !== model.edges || groupsChanged || restyleAll) this.renderEdges(previous, model, restyleAll);
      if (previous.nodes !== model.nodes || groupsChanged) this.renderCollapsedGroups(model);
      if (groupsChanged) this.removeGroups(previous, model);
    });
    this.moneyLayer.invalidate();
  }

  /** Switches between drawing links curved with arrowheads and, on a dense canvas, straight and plain. */
  private setDense(dense: boolean): void {
    if (dense === this.dense) return;
    this.dense = dense;
    this.applyStylesheet();
    this.moveTimeFilterBetweenLayers();
  }

  /** Money edges on a dense canvas are drawn by the money layer (see money-link-layer.ts). */
  private get moneyOnLayer(): boolean {
    return this.dense && !this.exportingPicture;
  }

  /** Exports draw Cytoscape's scene alone: the money edges go back to it for the time of `draw`. */
  private withMoneyDrawnByCytoscape<T>(draw: () => T): T {
    if (!this.moneyOnLayer) return draw();
    this.exportingPicture = true;
    this.applyStylesheet();
    this.moveTimeFilterBetweenLayers();
    try {
      return draw();
    } finally {
      this.exportingPicture = false;
      this.applyStylesheet();
      this.moveTimeFilterBetweenLayers();
    }
  }

  private applyStylesheet(): void {
    this.cy.style(graphStylesheet(this.palette, { dense: this.dense, moneyOnLayer: this.moneyOnLayer }));
    this.moneyLayer.invalidate();
  }

  /** After the money layer took over the money edges or handed them back: the window's classes, and the layer shown or not. */
  private moveTimeFilterBetweenLayers(): void {
    this.restyleMoneyEdges(this.timeFiltered);
    if (this.moneyOnLayer) this.moneyLayer.show(this.timeWindowSet ? this.timeFiltered : null, this.timeFilterMode);
    else this.moneyLayer.hide();
  }

  private addGroups(model: CanvasModel): void {
    for (const group of Object.values(model.groups)) {
      if (this.cy.getElementById(group.id).empty()) this.cy.add({ group: 'nodes', data: { id: group.id, label: group.label }, classes: 'canvas-group' });
    }
  }

  private removeGroups(previous: CanvasModel, model: CanvasModel): void {
    for (const id of Object.keys(previous.groups)) {
      if (model.groups[id]) continue;
      const drawn = this.cy.getElementById(id);
      // Removing a compound node removes its children: move them out first.
      drawn.children().move({ parent: null });
      drawn.remove();
    }
  }

  private renderNodes(previous: CanvasModel, model: CanvasModel, restyleAll: boolean): void {
    const gone: string[] = Object.keys(previous.nodes).filter((id) => !model.nodes[id]);
    const additions: cytoscape.ElementDefinition[] = [];
    for (const [id, current] of Object.entries(model.nodes)) {
      const before = previous.nodes[id];
      const wasDrawn = before !== undefined && !inCollapsedGroup(previous, before);
      if (inCollapsedGroup(model, current)) {
        if (wasDrawn) gone.push(id);
        continue;
      }
      if (!wasDrawn) {
        const element = this.nodeElementFor(current);
        additions.push({ group: 'nodes', data: { ...element.data, parent: current.groupId ?? undefined }, position: { ...current.position }, classes: this.classesFor(current, element.classes), locked: current.pinned });
      } else if (before !== current || restyleAll) {
        this.updateNode(before, current, restyleAll);
      }
    }
    this.removeByIds(gone);
    this.cy.add(additions);
  }

  /**
   * Applies to one drawn node only what changed: data, position, group, pin, classes. A move (a
   * layout of a thousand nodes) sets positions and nothing else, so nothing is restyled.
   */
  private updateNode(before: CanvasNode, current: CanvasNode, restyle: boolean): void {
    // Moving a node into or out of a group re-creates its element: move first, then look it up.
    if (before.groupId !== current.groupId) this.cy.getElementById(current.node.id).move({ parent: current.groupId });
    const drawn = this.cy.getElementById(current.node.id);
    const element = before.node !== current.node || restyle || before.pinned !== current.pinned || before.hidden !== current.hidden || before.page !== current.page ? this.nodeElementFor(current) : null;
    if (before.node !== current.node || restyle) setData(drawn, element!.data);
    if (before.position.x !== current.position.x || before.position.y !== current.position.y) {
      // A pinned node is locked in Cytoscape, which ignores positions set on a locked node.
      if (before.pinned) drawn.unlock();
      drawn.position({ ...current.position });
      if (before.pinned && current.pinned) drawn.lock();
    }
    if (before.pinned !== current.pinned) {
      if (current.pinned) drawn.lock();
      else drawn.unlock();
    }
    if (element) drawn.classes(this.classesFor(current, element.classes));
  }

  /**
   * Links whose both ends are drawn are drawn as themselves; a link with an end in a collapsed
   * group is re-routed to the group's node, one link per pair of drawn ends with the count on it.
   */
  private renderEdges(previous: CanvasModel, model: CanvasModel, restyleAll: boolean): void {
    const gone = previous.edges === model.edges ? [] : Object.keys(previous.edges).filter((id) => !model.edges[id]);
    const additions: cytoscape.ElementDefinition[] = [];
    const rerouted: { source: string; target: string; kind: GraphEdge['kind'] }[] = [];
    for (const [id, edge] of Object.entries(model.edges)) {
      const [source, target] = [this.drawnEnd(edge.source), this.drawnEnd(edge.target)];
      const drawn = this.cy.getElementById(id);
      if (source !== edge.source || target !== edge.target) {
        if (drawn.nonempty()) gone.push(id);
        if (source !== target) rerouted.push({ source, target, kind: edge.kind });
        continue;
      }
      if (drawn.nonempty() && !restyleAll) continue;
      const element = edgeElement(edge, this.labels.moneyEdge);
      Object.assign(element.data, ruleStyleData(model.styleRules, 'edge', edge));
      const faded = edgeFilteredOut(edge, model.filters) || [edge.source, edge.target].some((end) => nodeFilteredOut(model.nodes[end].node, model.filters));
      const classes = `${element.classes}${faded ? (model.filters.mode === 'hide' ? ' filtered-hidden' : ' faded') : ''}${model.highlighted.includes(id) ? ' highlighted' : ''}`;
      if (drawn.empty()) additions.push({ ...element, classes });
      else {
        setData(drawn, element.data);
        drawn.classes(classes);
      }
    }
    this.removeByIds(gone);
    this.cy.add(additions);
    this.renderFoldedLinks(foldReroutedLinks(rerouted));
    // Links just drawn or restyled keep the timeline's window and highlight.
    this.restyleMoneyEdges(new Set([...this.timeFiltered, ...this.linkHighlight.ids]));
  }

  private renderFoldedLinks(folded: readonly ReroutedLink[]): void {
    const wanted = new Map(folded.map((link) => [link.id, link]));
    this.removeByIds([...this.foldedLinkIds].filter((id) => !wanted.has(id)));
    this.foldedLinkIds = new Set(wanted.keys());
    const additions: cytoscape.ElementDefinition[] = [];
    for (const link of folded) {
      const drawn = this.cy.getElementById(link.id);
      if (drawn.empty()) additions.push(link.element);
      else if (drawn.data('count') !== link.count) drawn.data({ label: link.element.data.label, count: link.count });
    }
    this.cy.add(additions);
  }

  /** A collapsed group is one node at its members' centre, labelled with how many it holds. */
  private renderCollapsedGroups(model: CanvasModel): void {
    const collapsed = Object.values(model.groups).filter((group) => group.collapsed);
    for (const group of Object.values(model.groups)) this.cy.getElementById(group.id).toggleClass('collapsed', group.collapsed);
    const members = new Map<string, CanvasNode[]>(collapsed.map((group) => [group.id, []]));
    if (collapsed.length > 0) for (const node of Object.values(model.nodes)) if (node.groupId) members.get(node.groupId)?.push(node);
    for (const group of Object.values(model.groups)) {
      const drawn = this.cy.getElementById(group.id);
      const inside = members.get(group.id);
      const label = inside ? `${group.label}\n${this.labels.groupMembers(inside.length)}` : group.label;
      if (drawn.data('label') !== label) drawn.data('label', label);
      if (inside) drawn.position(centroid(inside.map((node) => node.position))!);
    }
  }

  /** Removes, in one call, the drawn elements with these ids (an undone expand removes a thousand at once). */
  private removeByIds(ids: readonly string[]): void {
    if (ids.length === 0) return;
    const doomed = this.cy.collection();
    for (const id of ids) doomed.merge(this.cy.getElementById(id));
    this.cy.remove(doomed);
  }

  /** The node's element with its ring score and the styling rules' look. */
  private nodeElementFor(current: CanvasNode) {
    const element = nodeElement(current.node, this.pageSize, this.labels.hubCount, this.model.ringScores[current.node.id] ?? null);
    return { ...element, data: { ...element.data, ...ruleStyleData(this.model.styleRules, 'node', current.node) } };
  }

  /**
   * Greys or hides the money edges outside the timeline's window (`outside` null: no window set).
   * Only edges whose state changes are restyled, in one batch; on a dense canvas the money layer
   * redraws the money edges instead, so a brush move never repaints Cytoscape's whole scene.
   */
  setTimeFilter(outside: ReadonlySet<string> | null, mode: 'grey' | 'hide'): void {
    const before = this.timeFiltered;
    const modeChanged = mode !== this.timeFilterMode;
    this.timeFiltered = outside ?? new Set();
    this.timeFilterMode = mode;
    this.timeWindowSet = outside !== null;
    if (this.moneyOnLayer) this.moneyLayer.show(outside, mode);
    else this.restyleMoneyEdges(modeChanged ? new Set([...before, ...this.timeFiltered]) : symmetricDifference(before, this.timeFiltered));
  }

  /** How the money layer draws the money edges now: in their own look, faded, and whether it is on at all (tests and benches). */
  moneyLayerCounts(): { active: boolean; inside: number; faded: number } {
    return { active: this.moneyLayer.isActive, ...(this.moneyLayer.isActive ? this.moneyLayer.drawnCounts() : { inside: 0, faded: 0 }) };
  }

  /** Highlights money edges (a cycle, a fan-in, a reason's payments), `currentId` the most (the step shown now). */
  setLinkHighlight(ids: readonly string[], currentId: string | null = null): void {
    const before = this.linkHighlight;
    this.linkHighlight = { ids: new Set(ids), currentId };
    this.restyleMoneyEdges(new Set([...before.ids, ...ids, ...(before.currentId ? [before.currentId] : []), ...(currentId ? [currentId] : [])]));
    this.moneyLayer.invalidate();
  }

  /** Ids of the drawn edges that carry a class (e2e checks what the timeline greyed or highlighted). */
  edgeIdsWithClass(className: string): string[] {
    return this.cy.edges(`.${className}`).map((edge) => edge.id());
  }

  private restyleMoneyEdges(ids: ReadonlySet<string>): void {
    this.cy.batch(() => {
      for (const id of ids) {
        const drawn = this.cy.getElementById(id);
        if (drawn.empty()) continue;
        for (const className of MONEY_CLASSES) drawn.removeClass(className);
        const classes = this.moneyClasses(id).trim();
        if (classes) drawn.addClass(classes);
      }
    });
  }

  private moneyClasses(edgeId: string): string {
    let classes = '';
    if (this.timeFiltered.has(edgeId) && !this.moneyOnLayer) classes += this.timeFilterMode === 'hide' ? ' time-hidden' : ' time-faded';
    if (this.linkHighlight.ids.has(edgeId)) classes += ' money-path';
    if (this.linkHighlight.currentId === edgeId) classes += ' money-step';
    return classes;
  }

  private classesFor(current: CanvasNode, base: string): string {
    const classes = [base];
    if (current.page?.nextOffset != null) classes.push('has-more');
    if (current.pinned) classes.push('pinned');
    if (current.hidden) classes.push('hidden-by-user');
    if (this.model.highlighted.includes(current.node.id)) classes.push('highlighted');
    if (nodeFilteredOut(current.node, this.model.filters)) classes.push(this.model.filters.mode === 'hide' ? 'filtered-hidden' : 'faded');
    return classes.join(' ');
  }

  setPageSize(pageSize: number): void {
    this.pageSize = pageSize;
    const model = this.model;
    this.model = emptyCanvas();
    this.cy.elements().remove();
    this.render(model);
  }

  /** Selects exactly these nodes (one node from a tap or a list, all, neighbours, invert…). */
  setSelection(nodeIds: readonly string[], focusId: string | null = null): void {
    this.cy.batch(() => {
      this.cy.elements(':selected').unselect();
      for (const id of nodeIds) this.cy.getElementById(id).select();
    });
    if (!focusId) return;
    const node = this.cy.getElementById(focusId);
    if (node.empty()) return;
    const extent = this.cy.extent();
    const { x, y } = node.position();
    if (x < extent.x1 || x > extent.x2 || y < extent.y1 || y > extent.y2) this.cy.animate({ center: { eles: node } }, { duration: 250 });
  }

  /** Marks one link as the selected link (a row of the transactions table); selected nodes stay selected. */
  selectEdge(edgeId: string): void {
    this.cy.batch(() => {
      this.cy.edges(':selected').unselect();
      this.cy.getElementById(edgeId).select();
    });
  }

  /** An element's drawn data (scalars only) and classes, for the e2e test hook; null when it is not drawn. */
  drawnData(id: string): { data: Record<string, string | number | boolean | null>; classes: string[] } | null {
    const element = this.cy.getElementById(id);
    if (element.empty()) return null;
    const data = Object.fromEntries(Object.entries(element.data() as Record<string, unknown>).filter((entry): entry is [string, string | number | boolean | null] => entry[1] === null || typeof entry[1] !== 'object'));
    return { data, classes: element.classes() };
  }

  /** Where a link's midpoint is drawn, in page coordinates; null when it is not drawn. */
  edgeClientPosition(edgeId: string): { x: number; y: number } | null {
    const edge = this.cy.getElementById(edgeId);
    if (edge.empty() || !edge.isEdge()) return null;
    const rendered = edge.renderedMidpoint();
    const box = this.cy.container()!.getBoundingClientRect();
    return { x: box.left + rendered.x, y: box.top + rendered.y };
  }

  selectedIds(): string[] {
    return this.cy.nodes(':selected').filter((node) => Boolean(this.model.nodes[node.id()])).map((node) => node.id());
  }

  /** Groups selected themselves (box or collapsed node) or through a selected member. */
  selectedGroupIds(): string[] {
    const ids = this.cy.nodes(':selected').map((node) => (this.model.groups[node.id()] ? node.id() : this.model.nodes[node.id()]?.groupId));
    return [...new Set(ids.filter((id): id is string => Boolean(id)))];
  }

  /** The DTO behind a drawn node, for the details panel. */
  node(nodeId: string): GraphNode | undefined {
    return this.model.nodes[nodeId]?.node;
  }

  /** Ids of the nodes drawn (visible), not hidden by the investigator or a filter. */
  visibleNodeIds(): string[] {
    return this.cy.nodes(':visible').filter((node) => Boolean(this.model.nodes[node.id()])).map((node) => node.id());
  }

  /** Where a node is drawn, in page (client) coordinates; null when it is not on the canvas. */
  clientPosition(nodeId: string): { x: number; y: number } | null {
    const element = this.cy.getElementById(nodeId);
    if (element.empty()) return null;
    const rendered = element.renderedPosition();
    const box = this.cy.container()!.getBoundingClientRect();
    return { x: box.left + rendered.x, y: box.top + rendered.y };
  }

  /** The box a node or group takes on screen with its label, in page (client) coordinates; null when it is not drawn. */
  clientBox(elementId: string): { x1: number; y1: number; x2: number; y2: number } | null {
    const element = this.cy.getElementById(elementId);
    if (element.empty() || !element.visible()) return null;
    const box = element.renderedBoundingBox({ includeLabels: true });
    const page = this.cy.container()!.getBoundingClientRect();
    return { x1: page.left + box.x1, y1: page.top + box.y1, x2: page.left + box.x2, y2: page.top + box.y2 };
  }

  /** Shows the whole graph (or `nodeIds`), without zooming in past MAX_FIT_ZOOM. */
  fit(nodeIds?: readonly string[], animate = true): void {
    const wanted = nodeIds ? new Set(nodeIds) : null;
    const elements = wanted ? this.cy.nodes().filter((node) => wanted.has(node.id())) : this.cy.elements(':visible');
    if (elements.empty()) return;
    const box = elements.boundingBox();
    const zoomToFit = Math.min((this.cy.width() - 2 * LAYOUT_PADDING) / Math.max(box.w, 1), (this.cy.height() - 2 * LAYOUT_PADDING) / Math.max(box.h, 1));
    const level = Math.max(this.cy.minZoom(), Math.min(MAX_FIT_ZOOM, zoomToFit));
    const pan = { x: this.cy.width() / 2 - level * (box.x1 + box.w / 2), y: this.cy.height() / 2 - level * (box.y1 + box.h / 2) };
    this.cy.stop();
    if (animate) this.cy.animate({ zoom: level, pan }, { duration: 250 });
    else this.cy.viewport({ zoom: level, pan });
  }

  zoomIn(): void {
    this.zoomBy(ZOOM_STEP);
  }

  zoomOut(): void {
    this.zoomBy(1 / ZOOM_STEP);
  }

  /**
   * Computes a layout of every node (or of `onlyIds`) without changing the model: the caller turns
   * the result into a command. Pinned nodes keep their places. Large force layouts run in a worker.
   */
  layout(kind: LayoutKind, onlyIds: readonly string[] | null, onProgress: (fraction: number) => void): LayoutRun {
    const scope = new Set(onlyIds ?? this.drawnNodes().map((node) => node.id));
    const inScope = this.cy.nodes().filter((node) => scope.has(node.id()) && !node.isParent());
    if (kind === 'force' && inScope.length > WORKER_LAYOUT_THRESHOLD) return this.workerForceLayout(scope, onProgress);
    const before = new Map(this.cy.nodes().map((node) => [node.id(), { ...node.position() }]));
    const pinned = inScope.filter((node) => this.model.nodes[node.id()]?.pinned);
    const movable = inScope.filter((node) => !this.model.nodes[node.id()]?.pinned);
    const selection = onlyIds !== null;
    const boundingBox = selection ? inScope.boundingBox() : undefined;
    const options = this.layoutOptions(kind, inScope, pinned, boundingBox);
    const eles = kind === 'force' ? inScope.union(inScope.parents()).union(inScope.edgesWith(inScope)) : movable.union(movable.edgesWith(movable));
    this.cy.batch(() => {
      eles.unlock();
      eles.layout(options).run();
      pinned.lock();
    });
    const positions: Record<string, Point> = {};
    movable.forEach((node) => {
      positions[node.id()] = roundPoint(node.position());
    });
    // Back to the drawn model: the caller's command moves the nodes when it is run (and undone).
    this.cy.batch(() => {
      for (const [id, position] of before) {
        const node = this.cy.getElementById(id);
        if (node.nonempty() && !node.isParent()) {
          const locked = node.locked();
          node.unlock();
          node.position(position);
          if (locked) node.lock();
        }
      }
    });
    return { result: Promise.resolve(positions), cancel: () => undefined };
  }

  private layoutOptions(kind: LayoutKind, nodes: cytoscape.NodeCollection, pinned: cytoscape.NodeCollection, boundingBox: cytoscape.BoundingBox12 | cytoscape.BoundingBoxWH | undefined): LayoutOptions {
    const common = { animate: false, fit: false, boundingBox, nodeDimensionsIncludeLabels: true, padding: LAYOUT_PADDING };
    switch (kind) {
      case 'force':
        return {
          name: 'fcose',
          ...common,
          quality: 'default',
          randomize: !boundingBox && pinned.empty(),
          idealEdgeLength: 80,
          nodeRepulsion: 9000,
          nodeSeparation: 90,
          numIter: 2500,
          fixedNodeConstraint: pinned.map((node) => ({ nodeId: node.id(), position: { ...node.position() } })),
        } as LayoutOptions;
      case 'concentric':
        // The riskiest accounts in the middle; identifiers and unscored accounts on the outside.
        return {
          name: 'concentric',
          ...common,
          concentric: (node: NodeSingular) => (node.data('kind') === 'account' ? RISK_RING[riskBand(node.data('riskScore') as number | null)] : 0),
          levelWidth: () => 1,
          minNodeSpacing: 24,
        } as LayoutOptions;
      case 'hierarchy': {
        const selected = nodes.filter((node) => node.selected());
        const highlighted = nodes.filter((node) => this.model.highlighted.includes(node.id()));
        const roots = selected.nonempty() ? selected : highlighted.nonempty() ? highlighted : nodes.slice(0, 1);
        return { name: 'breadthfirst', ...common, roots, directed: false, spacingFactor: 1.1 } as LayoutOptions;
      }
      case 'circle':
        return { name: 'circle', ...common, avoidOverlap: true } as LayoutOptions;
      case 'grid':
        return { name: 'grid', ...common, avoidOverlap: true, condense: true } as LayoutOptions;
    }
  }

  private workerForceLayout(scope: Set<string>, onProgress: (fraction: number) => void): ForceLayoutRun {
    const nodes = this.drawnNodes();
    const run = runForceLayoutInWorker(
      {
        ids: nodes.map((node) => node.id),
        positions: nodes.map((node) => node.position),
        fixed: nodes.map((node) => node.pinned || !scope.has(node.id)),
        edges: Object.values(this.model.edges).map((edge) => [this.drawnEnd(edge.source), this.drawnEnd(edge.target)] as const),
      },
      onProgress,
    );
    return {
      result: run.result.then((positions) => positions && Object.fromEntries(Object.entries(positions).filter(([id]) => scope.has(id) && !this.model.nodes[id]?.pinned))),
      cancel: run.cancel,
    };
  }

  /** What is drawn as a node: nodes outside collapsed groups, and each collapsed group at its members' centre. */
  private drawnNodes(): { id: string; position: Point; pinned: boolean }[] {
    const nodes = Object.values(this.model.nodes)
      .filter((node) => !inCollapsedGroup(this.model, node))
      .map((node) => ({ id: node.node.id, position: node.position, pinned: node.pinned }));
    const groups = Object.values(this.model.groups)
      .filter((group) => group.collapsed)
      .map((group) => ({ id: group.id, position: groupCentre(this.model, group.id)!, pinned: false }));
    return [...nodes, ...groups];
  }

  /** The node a link's end is drawn at: itself, or the collapsed group it is folded into. */
  private drawnEnd(nodeId: string): string {
    const node = this.model.nodes[nodeId];
    return inCollapsedGroup(this.model, node) ? node.groupId! : nodeId;
  }

  setPalette(palette: GraphPalette): void {
    this.palette = palette;
    this.applyStylesheet();
  }

  /** The drawing as a PNG (whole graph) at `scale` times its size on screen at zoom 1. */
  png(scale: number, background: string): Blob {
    // Synchronous, so the download starts inside the click that asked for it (browsers block later ones).
    return this.withMoneyDrawnByCytoscape(() => this.cy.png({ output: 'blob', full: true, scale, bg: background, maxWidth: 16_384, maxHeight: 16_384 }));
  }

  /** The drawing as SVG text (whole graph). */
  svg(background: string): string {
    // cytoscape-svg's canvas shim cannot clip an icon to its node, draw the rounded polygons or a
    // text outline: export with unclipped icons (they sit inside their nodes), plain polygons and
    // plain labels, then restore the canvas's own look.
    const nodes = this.cy.nodes();
    this.cy.batch(() => {
      nodes.forEach((node) => {
        const shape = node.style('shape') as string;
        node.style({ 'background-clip': 'none', 'text-outline-width': 0, ...(shape.startsWith('round-') && shape !== 'round-rectangle' ? { shape: shape.slice('round-'.length) } : {}) });
      });
    });
    try {
      return this.withMoneyDrawnByCytoscape(() => (this.cy as unknown as { svg(options: { full: boolean; scale: number; bg: string }): string }).svg({ full: true, scale: 1, bg: background }));
    } finally {
      nodes.removeStyle('background-clip text-outline-width shape');
    }
  }

  /** Tells Cytoscape its container changed size (a panel opened or closed), keeping the view centred. */
  resize(): void {
    const before = { width: this.cy.width(), height: this.cy.height() };
    // A fit still animating (the first draw, while the details panel slides open) counts as all in
    // view: its target was computed for the old width and would leave nodes under the panel.
    const wasAllInView = this.cy.animated() || this.allInView();
    this.cy.resize();
    this.cy.panBy({ x: (this.cy.width() - before.width) / 2, y: (this.cy.height() - before.height) / 2 });
    // A side panel opened: what was all in view stays all in view (zooming out if it must).
    if (wasAllInView && !this.allInView()) this.fit(undefined, false);
  }

  /** Brings `nodeIds` into view (zooming out to the whole graph) when some of them are off screen. */
  reveal(nodeIds: readonly string[]): void {
    const extent = this.cy.extent();
    const offScreen = nodeIds.some((id) => {
      const node = this.cy.getElementById(id);
      if (node.empty()) return false;
      const box = node.boundingBox();
      return box.x1 < extent.x1 || box.x2 > extent.x2 || box.y1 < extent.y1 || box.y2 > extent.y2;
    });
    if (offScreen) this.fit();
  }

  private allInView(): boolean {
    const elements = this.cy.elements(':visible');
    if (elements.empty()) return true;
    const box = elements.boundingBox();
    const extent = this.cy.extent();
    return box.x1 >= extent.x1 && box.x2 <= extent.x2 && box.y1 >= extent.y1 && box.y2 <= extent.y2;
  }

  destroy(): void {
    if (this.selectionReport !== null) window.clearTimeout(this.selectionReport);
    this.moneyLayer.destroy();
    this.cy.destroy();
  }

  private zoomBy(factor: number): void {
    const level = Math.min(this.cy.maxZoom(), Math.max(this.cy.minZoom(), this.cy.zoom() * factor));
    this.cy.animate({ zoom: { level, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } } }, { duration: 150 });
  }
}

/** Sets an element's data, removing the styling-rule fields it no longer has (data() only merges). */
function setData(element: cytoscape.CollectionReturnValue, data: Record<string, unknown>): void {
  element.data(data);
  const stale = RULE_STYLE_KEYS.filter((key) => data[key] === undefined && element.data(key) !== undefined);
  if (stale.length > 0) element.removeData(stale.join(' '));
}

const MONEY_CLASSES = ['time-hidden', 'time-faded', 'money-path', 'money-step'] as const;
/** The drawn money edges (folded transfers and payments carry their width). */
const MONEY_EDGES = 'edge[moneyWidth]';

function symmetricDifference(a: ReadonlySet<string>, b: ReadonlySet<string>): Set<string> {
  const changed = new Set<string>();
  for (const id of a) if (!b.has(id)) changed.add(id);
  for (const id of b) if (!a.has(id)) changed.add(id);
  return changed;
}

function roundPoint({ x, y }: Point): Point {
  return { x: Math.round(x * 100) / 100, y: Math.round(y * 100) / 100 };
}
