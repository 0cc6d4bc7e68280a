/**
 * TEST SUPPORT ONLY: the shape of `window.__ringscopeGraph` (see test-hook.ts). A separate,
 * DOM-free file so the Node-side e2e tests can import the type too.
 */
export interface GraphTestHook {
  /** Ids of the nodes on the canvas. */
  nodeIds(): string[];
  edgeCount(): number;
  /** Ids of the nodes drawn highlighted (an opened ring's members). */
  highlightedIds(): string[];
  /** Where a node is drawn in page coordinates, so a test can double-click it with the real mouse. */
  clientPosition(nodeId: string): { x: number; y: number } | null;
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
  groups(): { id: string; label: string; memberIds: string[] }[];
  /** Ids of the pinned nodes. */
  pinnedIds(): string[];
  /** The timeline's window (null when none is set). */
  timeWindow(): { from: string | null; to: string | null } | null;
  /** Ids of the drawn edges carrying a class: `time-faded`/`time-hidden` (outside the window), `money-path`/`money-step` (highlighted money). */
  edgeIdsWithClass(className: string): string[];
}
