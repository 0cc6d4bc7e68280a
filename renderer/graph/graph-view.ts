import cytoscape, { type Core, type LayoutOptions } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { GraphNode, Subgraph } from '../../main/api';
import { DEFAULT_NEIGHBOUR_PAGE_SIZE, elementsToAdd, nodeElement } from './elements';
import { graphStylesheet, type GraphPalette } from './graph-style';

let fcoseRegistered = false;
function registerFcose(): void {
  // Cytoscape warns when an extension is registered twice (hot reload, several views).
  if (fcoseRegistered) return;
  cytoscape.use(fcose);
  fcoseRegistered = true;
}

export interface GraphViewEvents {
  /** A node was tapped (id) or the background was tapped (null). */
  onSelect(nodeId: string | null): void;
  /** A node was double-tapped: the user wants its neighbours. */
  onExpandRequest(nodeId: string): void;
}

const ZOOM_STEP = 1.25;
const LAYOUT_PADDING = 48;
/** Fitting a handful of nodes would blow them up to poster size; past this zoom, fit only centres. */
const MAX_FIT_ZOOM = 1.4;

/**
 * The imperative wrapper around one Cytoscape instance. React owns the DOM container and calls
 * these methods; the instance itself never enters React state, so a re-render never redraws the graph.
 */
export class GraphView {
  private readonly cy: Core;
  private layout: cytoscape.Layouts | null = null;
  private layoutRunning = false;

  constructor(container: HTMLElement, palette: GraphPalette, events: GraphViewEvents) {
    registerFcose();
    this.cy = cytoscape({
      container,
      style: graphStylesheet(palette),
      minZoom: 0.1,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: 'single',
    });
    this.cy.on('tap', 'node', (event) => events.onSelect(event.target.id()));
    this.cy.on('tap', (event) => {
      if (event.target === this.cy) events.onSelect(null);
    });
    this.cy.on('dbltap', 'node', (event) => events.onExpandRequest(event.target.id()));
  }

  /**
   * Adds the nodes and edges of `subgraph` that are not drawn yet, then lays the graph out again.
   * New nodes start next to `anchorId` and existing nodes start where they are, so the picture
   * grows around the expanded node instead of being reshuffled. Returns the number of nodes added.
   */
  merge(subgraph: Subgraph, anchorId: string): number {
    const firstDraw = this.cy.nodes().length === 0;
    const anchor = this.cy.getElementById(anchorId);
    const origin = anchor.nonempty() ? anchor.position() : { x: 0, y: 0 };
    // Nodes drawn before come back with current data (e.g. blacklisted since an approval).
    this.refresh(subgraph.nodes);
    const additions = elementsToAdd(subgraph, { hasElement: (id) => this.cy.getElementById(id).nonempty() }, this.pageSize);
    const newNodes = additions.filter((element) => element.group === 'nodes');
    const spread = 30 + 4 * Math.sqrt(newNodes.length);
    this.cy.add(
      additions.map((element) =>
        element.group === 'nodes'
          ? { ...element, position: { x: origin.x + (Math.random() - 0.5) * spread, y: origin.y + (Math.random() - 0.5) * spread } }
          : element,
      ),
    );
    if (newNodes.length > 0) this.runLayout(firstDraw);
    return newNodes.length;
  }

  /** Neighbours per expand: nodes with more are drawn as collapsed hubs. */
  private pageSize: number = DEFAULT_NEIGHBOUR_PAGE_SIZE;

  setPageSize(pageSize: number): void {
    this.pageSize = pageSize;
    this.refresh(this.cy.nodes().map((drawn) => drawn.data('node') as GraphNode));
  }

  /** Redraws already-drawn nodes from fresher DTOs, keeping their paging and highlight marks. */
  refresh(nodes: readonly GraphNode[]): void {
    for (const node of nodes) {
      const drawn = this.cy.getElementById(node.id);
      if (drawn.empty()) continue;
      const element = nodeElement(node, this.pageSize);
      const kept = ['has-more', 'highlighted'].filter((mark) => drawn.hasClass(mark));
      drawn.data(element.data);
      drawn.classes([element.classes, ...kept].join(' '));
    }
  }

  /** Marks a node whose neighbours are only partly drawn (hubs are paged). */
  setHasMore(nodeId: string, hasMore: boolean): void {
    this.cy.getElementById(nodeId).toggleClass('has-more', hasMore);
  }

  /** Marks exactly these nodes as highlighted (e.g. a ring's members); ids not drawn are ignored. */
  setHighlighted(nodeIds: readonly string[]): void {
    this.cy.nodes('.highlighted').removeClass('highlighted');
    for (const nodeId of nodeIds) this.cy.getElementById(nodeId).addClass('highlighted');
  }

  highlightedIds(): string[] {
    return this.cy.nodes('.highlighted').map((node) => node.id());
  }

  /** Selects one node (or none) and brings it into view if it is off screen. */
  select(nodeId: string | null): void {
    this.cy.$(':selected').unselect();
    if (!nodeId) return;
    const node = this.cy.getElementById(nodeId);
    if (node.empty()) return;
    node.select();
    // A running layout ends with a fit that shows every node; centring now would fight it.
    if (this.layoutRunning) return;
    const extent = this.cy.extent();
    const { x, y } = node.position();
    if (x < extent.x1 || x > extent.x2 || y < extent.y1 || y > extent.y2) this.cy.animate({ center: { eles: node } }, { duration: 250 });
  }

  /** The DTO behind a drawn node, for the details panel. */
  node(nodeId: string): GraphNode | undefined {
    const element = this.cy.getElementById(nodeId);
    return element.nonempty() ? (element.data('node') as GraphNode) : undefined;
  }

  nodeIds(): string[] {
    return this.cy.nodes().map((node) => node.id());
  }

  edgeCount(): number {
    return this.cy.edges().length;
  }

  /** Where a node is drawn, in page (client) coordinates; null when it is not on the canvas. */
  clientPosition(nodeId: string): { x: number; y: number } | null {
    const element = this.cy.getElementById(nodeId);
    if (element.empty()) return null;
    const rendered = element.renderedPosition();
    const box = this.cy.container()!.getBoundingClientRect();
    return { x: box.left + rendered.x, y: box.top + rendered.y };
  }

  /** Shows the whole graph, without zooming in past MAX_FIT_ZOOM. */
  fit(): void {
    const elements = this.cy.elements();
    if (elements.empty()) return;
    const box = elements.boundingBox();
    const zoomToFit = Math.min(
      (this.cy.width() - 2 * LAYOUT_PADDING) / Math.max(box.w, 1),
      (this.cy.height() - 2 * LAYOUT_PADDING) / Math.max(box.h, 1),
    );
    const level = Math.max(this.cy.minZoom(), Math.min(MAX_FIT_ZOOM, zoomToFit));
    const pan = { x: this.cy.width() / 2 - level * (box.x1 + box.w / 2), y: this.cy.height() / 2 - level * (box.y1 + box.h / 2) };
    this.cy.stop();
    this.cy.animate({ zoom: level, pan }, { duration: 250 });
  }

  zoomIn(): void {
    this.zoomBy(ZOOM_STEP);
  }

  zoomOut(): void {
    this.zoomBy(1 / ZOOM_STEP);
  }

  /** Lays the whole graph out from scratch. */
  relayout(): void {
    this.runLayout(true);
  }

  clear(): void {
    this.stopLayout();
    this.cy.elements().remove();
  }

  setPalette(palette: GraphPalette): void {
    this.cy.style(graphStylesheet(palette));
  }

  /** Tells Cytoscape its container changed size (a panel opened or closed), keeping the view centred. */
  resize(): void {
    const before = { width: this.cy.width(), height: this.cy.height() };
    this.cy.resize();
    this.cy.panBy({ x: (this.cy.width() - before.width) / 2, y: (this.cy.height() - before.height) / 2 });
  }

  destroy(): void {
    this.stopLayout();
    this.cy.destroy();
  }

  /** Stops the running layout without its end-of-layout fit. */
  private stopLayout(): void {
    const running = this.layout;
    this.layout = null;
    this.layoutRunning = false;
    running?.stop();
  }

  private zoomBy(factor: number): void {
    const level = Math.min(this.cy.maxZoom(), Math.max(this.cy.minZoom(), this.cy.zoom() * factor));
    this.cy.animate({ zoom: { level, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } } }, { duration: 150 });
  }

  private runLayout(fromScratch: boolean): void {
    this.stopLayout();
    const options = {
      name: 'fcose',
      // Incremental runs keep current positions as the start (fcose requires 'proof' quality for that).
      quality: fromScratch ? 'default' : 'proof',
      randomize: fromScratch,
      animate: true,
      animationDuration: 450,
      // Fitting is done once the layout stops, with a zoom cap (see fit()).
      fit: false,
      nodeDimensionsIncludeLabels: true,
      idealEdgeLength: 80,
      nodeRepulsion: 9000,
      nodeSeparation: 90,
      numIter: 2500,
    } as LayoutOptions;
    const layout = this.cy.layout(options);
    layout.one('layoutstop', () => {
      if (this.layout !== layout) return;
      this.layoutRunning = false;
      this.fit();
    });
    this.layout = layout;
    this.layoutRunning = true;
    layout.run();
  }
}
