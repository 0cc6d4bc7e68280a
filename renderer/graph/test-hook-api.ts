/**
 * TEST SUPPORT ONLY: the shape of `window.__ringscopeGraph` (see test-hook.ts). A separate,
 * DOM-free file so the Node-side e2e tests can import the type too.
 */
export interface GraphTestHook {
  /** Ids of the nodes on the canvas. */
  nodeIds(): string[];
  edgeCount(): number;
  /** Ids of the edges on the canvas. */
  edgeIds(): string[];
  /** Ids of the nodes drawn highlighted (an opened ring's members, a found path). */
  highlightedIds(): string[];
  /** Ids of the edges drawn highlighted (a found path). */
  highlightedEdgeIds(): string[];
  /** Selects exactly these nodes, as a box selection would. */
  selectMany(nodeIds: string[]): void;
  /** Where a node is drawn in page coordinates, so a test can double-click it with the real mouse. */
  clientPosition(nodeId: string): { x: number; y: number } | null;
  /** The box a node or group takes on screen with its label, in page coordinates; null when it is not drawn. */
  clientBox(elementId: string): { x1: number; y1: number; x2: number; y2: number } | null;
  /** Selects a node as a tap would (opens the details panel). */
  select(nodeId: string): void;
  /** Expands a node as a double-click would; resolves when its neighbours are drawn. */
  expand(nodeId: string): Promise<void>;
  /** Ids of the selected nodes. */
  selectedIds(): string[];
  /** Ids of the nodes drawn and visible (not hidden by the investigator or a filter). */
  visibleNodeIds(): string[];
  /** Where the canvas model keeps a node, in graph coordinates; null when it is not on the canvas. */
  modelPosition(nodeId: string): { x: number; y: number } | null;
  /** The groups on the canvas with their members. */
  groups(): { id: string; label: string; collapsed: boolean; memberIds: string[] }[];
  /** Ids of the pinned nodes. */
  pinnedIds(): string[];
  /** The links on the canvas as the model keeps them (folded money links carry count and totalAmount). */
  edges(): { id: string; source: string; target: string; kind: string; properties: Record<string, string | number | boolean | null> }[];
  /** Shows a link in the details panel and marks it selected, as a transactions row does (selected nodes stay selected). */
  selectEdge(edgeId: string): void;
  /** Where a link's midpoint is drawn in page coordinates; null when it is not drawn. */
  edgeClientPosition(edgeId: string): { x: number; y: number } | null;
  /** A drawn node's or link's Cytoscape data (scalars: label, moneyWidth, riskScore, ruleColor…) and classes. */
  drawnData(id: string): { data: Record<string, string | number | boolean | null>; classes: string[] } | null;
  /** The timeline's window (null when none is set). */
  timeWindow(): { from: string | null; to: string | null } | null;
  /** Ids of the drawn edges carrying a class: `time-faded`/`time-hidden` (outside the window), `money-path`/`money-step` (highlighted money). */
  edgeIdsWithClass(className: string): string[];
}
