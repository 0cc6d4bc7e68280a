/**
 * The Explore canvas as plain, immutable data: what the investigator built (nodes with positions,
 * pins, hidden marks and groups; links; filters; highlight). Every change is a `CanvasCommand`, a
 * pure function from one model to the next, so undo is restoring the previous model (see
 * canvas-history.ts) and a workspace file is this model saved. No Cytoscape, no DOM: the GraphView
 * draws whatever model it is given.
 *
 * Adding a feature (e.g. money-flow or path views) means adding a command here: a function that
 * returns `{ label, apply }`, and, if the model needs new state, a new field with its default in
 * `emptyCanvas()`. Commands must not mutate their input and must return the same object when they
 * change nothing (so history skips no-op steps).
 */
import type { EdgeKind, GraphEdge, GraphNode, NodeKind, Subgraph } from '../../main/api';
import { riskBand, type RiskBand } from './risk';
import type { StyleRule } from './style-rules';

export interface Point {
  x: number;
  y: number;
}

export interface CanvasNode {
  node: GraphNode;
  position: Point;
  /** A pinned node never moves on layout. */
  pinned: boolean;
  /** Hidden by the investigator (not by a filter): kept in the model, not drawn. */
  hidden: boolean;
  /** The group (compound node) it belongs to, or null. */
  groupId: string | null;
  /** How much of its neighbourhood is drawn; null when it was never expanded. */
  page: NeighbourPage | null;
}

/** How much of a node's neighbourhood is drawn. */
export interface NeighbourPage {
  totalNeighbours: number;
  /** Offset of the next page, or null when every neighbour is drawn. */
  nextOffset: number | null;
}

export interface CanvasGroup {
  id: string;
  label: string;
  /** Drawn as one node (its members' links re-routed to it) instead of a box around its members. */
  collapsed: boolean;
}

/** Which elements the investigator filtered out, and whether they are greyed or hidden. */
export interface CanvasFilters {
  nodeKinds: readonly NodeKind[];
  edgeKinds: readonly EdgeKind[];
  riskBands: readonly RiskBand[];
  /** 'only': everything but blacklisted nodes is filtered out; 'exclude': blacklisted ones are. */
  blacklist: 'any' | 'only' | 'exclude';
  mode: 'grey' | 'hide';
}

export interface CanvasModel {
  readonly nodes: Readonly<Record<string, CanvasNode>>;
  readonly edges: Readonly<Record<string, GraphEdge>>;
  readonly groups: Readonly<Record<string, CanvasGroup>>;
  /** Nodes (an opened ring's members) and edges (a found path) drawn highlighted. */
  readonly highlighted: readonly string[];
  readonly filters: CanvasFilters;
  /** The score of the opened ring each highlighted member belongs to (the highest, if several). */
  readonly ringScores: Readonly<Record<string, number>>;
  /** The investigator's styling rules (style-rules.ts), in the order they apply. */
  readonly styleRules: readonly StyleRule[];
}

/** What a command did, named for the undo button (i18n keys under `canvas.command`). */
export type CommandLabel = 'add' | 'replace' | 'clear' | 'remove' | 'hide' | 'show' | 'pin' | 'unpin' | 'move' | 'layout' | 'group' | 'ungroup' | 'collapse' | 'expand' | 'filter' | 'highlight' | 'open' | 'refresh' | 'style' | 'follow';

/** One undoable change. */
export interface CanvasCommand {
  readonly label: CommandLabel;
  apply(model: CanvasModel): CanvasModel;
}

export const NO_FILTERS: CanvasFilters = { nodeKinds: [], edgeKinds: [], riskBands: [], blacklist: 'any', mode: 'grey' };

export function emptyCanvas(): CanvasModel {
  return { nodes: {}, edges: {}, groups: {}, highlighted: [], filters: NO_FILTERS, ringScores: {}, styleRules: [] };
}

/** Distance from a parent to its first ring of new neighbours, and between rings. */
const RING_SPACING = 110;
/** Arc length each placed node takes on its ring. */
const NODE_SPACING = 70;

/**
 * Where new neighbours of `anchor` go: on rings around it, on the side facing away from what is
 * already drawn around it, so existing nodes keep their place and the new ones do not cover them.
 */
export function placeAround(anchor: Point, count: number, awayFrom: Point | null): Point[] {
  const facing = awayFrom ? Math.atan2(anchor.y - awayFrom.y, anchor.x - awayFrom.x) : 0;
  const arc = awayFrom ? (4 * Math.PI) / 3 : 2 * Math.PI;
  const positions: Point[] = [];
  for (let ring = 1; positions.length < count; ring++) {
    const radius = ring * RING_SPACING;
    const capacity = Math.max(1, Math.floor((arc * radius) / NODE_SPACING));
    const onRing = Math.min(capacity, count - positions.length);
    for (let index = 0; index < onRing; index++) {
      const angle = arc === 2 * Math.PI ? (2 * Math.PI * index) / onRing : facing - arc / 2 + (arc * (index + 0.5)) / onRing;
      positions.push({ x: round(anchor.x + radius * Math.cos(angle)), y: round(anchor.y + radius * Math.sin(angle)) });
    }
  }
  return positions;
}

const round = (value: number) => Math.round(value * 100) / 100;

/** The mean of `points`; null when there are none. */
export function centroid(points: readonly Point[]): Point | null {
  if (points.length === 0) return null;
  const sum = points.reduce((total, point) => ({ x: total.x + point.x, y: total.y + point.y }), { x: 0, y: 0 });
  return { x: sum.x / points.length, y: sum.y / points.length };
}

export function canvasNode(node: GraphNode, position: Point): CanvasNode {
  return { node, position, pinned: false, hidden: false, groupId: null, page: null };
}

/**
 * Adds what is not drawn yet of `subgraph`: new nodes around `anchorId` (or around the origin),
 * existing nodes keep their place (their DTO is refreshed). `anchorPage` is what the anchor now has drawn.
 */
export function addSubgraph(subgraph: Subgraph, options: { anchorId?: string | null; anchorPage?: NeighbourPage } = {}): CanvasCommand {
  return {
    label: 'add',
    apply(model) {
      const nodes: Record<string, CanvasNode> = { ...model.nodes };
      const anchor = options.anchorId ? model.nodes[options.anchorId] : undefined;
      const fresh = uniqueById(subgraph.nodes).filter((node) => !model.nodes[node.id]);
      let changed = fresh.length > 0;
      for (const node of subgraph.nodes) {
        const drawn = model.nodes[node.id];
        if (drawn && !sameNode(drawn.node, node)) {
          nodes[node.id] = { ...drawn, node };
          changed = true;
        }
      }
      const anchorPosition = anchor?.position ?? centroid(Object.values(model.nodes).map((drawn) => drawn.position)) ?? { x: 0, y: 0 };
      const drawnNeighbours = anchor
        ? subgraph.edges
            .map((edge) => (edge.source === anchor.node.id ? edge.target : edge.target === anchor.node.id ? edge.source : null))
            .flatMap((id) => (id && model.nodes[id] ? [model.nodes[id].position] : []))
        : [];
      const awayFrom = anchor ? (centroid(drawnNeighbours) ?? centroid(Object.values(model.nodes).map((drawn) => drawn.position))) : null;
      const placed = fresh.filter((node) => node.id !== options.anchorId);
      const around = placeAround(anchorPosition, placed.length, awayFrom && (awayFrom.x !== anchorPosition.x || awayFrom.y !== anchorPosition.y) ? awayFrom : null);
      const seed = fresh.find((node) => node.id === options.anchorId);
      // A searched node opened on a drawn canvas goes right of the drawing with its neighbours, not on top of what is there.
      const shift = seed && !anchor && Object.keys(model.nodes).length > 0 ? besideDrawing(model, anchorPosition, around) : { x: 0, y: 0 };
      const positions = around.map((position) => ({ x: round(position.x + shift.x), y: round(position.y + shift.y) }));
      placed.forEach((node, index) => (nodes[node.id] = canvasNode(node, positions[index])));
      if (seed) nodes[seed.id] = canvasNode(seed, { x: round(anchorPosition.x + shift.x), y: round(anchorPosition.y + shift.y) });
      const page = options.anchorPage;
      const anchored = options.anchorId ? nodes[options.anchorId] : undefined;
      if (anchored && page && (anchored.page?.nextOffset !== page.nextOffset || anchored.page?.totalNeighbours !== page.totalNeighbours)) {
        nodes[anchored.node.id] = { ...anchored, page: { ...page } };
        changed = true;
      }
      const edges: Record<string, GraphEdge> = { ...model.edges };
      for (const edge of subgraph.edges) {
        if (edges[edge.id] || !nodes[edge.source] || !nodes[edge.target]) continue;
        edges[edge.id] = edge;
        changed = true;
      }
      return changed ? { ...model, nodes, edges } : model;
    },
  };
}

/** A new canvas with the investigator's settings (filters, styling rules) kept. */
function blankCanvas(model: CanvasModel): CanvasModel {
  return { ...emptyCanvas(), filters: model.filters, styleRules: model.styleRules };
}

/** `scores` with every highlighted id given `ringScore`, keeping a higher score a node already has. */
function withRingScore(scores: Readonly<Record<string, number>>, ids: readonly string[], ringScore: number | null): Readonly<Record<string, number>> {
  if (ringScore === null || ids.length === 0) return scores;
  const next = { ...scores };
  for (const id of ids) next[id] = Math.max(next[id] ?? ringScore, ringScore);
  return next;
}

/**
 * How far to move a node placed at `centre` with its new neighbours at `around` so all of them are
 * right of the drawing; a little lower too, so its links to drawn nodes do not run along a row of them.
 */
function besideDrawing(model: CanvasModel, centre: Point, around: readonly Point[]): Point {
  const reach = Math.max(0, ...around.map((position) => Math.hypot(position.x - centre.x, position.y - centre.y)));
  const rightEdge = Math.max(...Object.values(model.nodes).map((drawn) => drawn.position.x));
  return { x: rightEdge + reach + RING_SPACING - centre.x, y: (reach + RING_SPACING) / 2 };
}

/** Replaces everything drawn with `subgraph` (an opened ring scoring `ringScore`), highlighting `highlightIds`. */
export function replaceWith(subgraph: Subgraph, highlightIds: readonly string[], ringScore: number | null = null): CanvasCommand {
  return {
    label: 'replace',
    apply: (model) => {
      const added = addSubgraph(subgraph).apply(blankCanvas(model));
      const highlighted = highlightIds.filter((id) => added.nodes[id]);
      return { ...added, highlighted, ringScores: withRingScore({}, highlighted, ringScore) };
    },
  };
}

/** Adds `subgraph` to what is drawn (an opened ring added to the investigation), highlighting its members too. */
export function addWithHighlight(subgraph: Subgraph, highlightIds: readonly string[], ringScore: number | null = null): CanvasCommand {
  return {
    label: 'add',
    apply: (model) => {
      const added = addSubgraph(subgraph).apply(model);
      const members = highlightIds.filter((id) => added.nodes[id]);
      const highlighted = [...new Set([...added.highlighted, ...members])];
      const ringScores = withRingScore(added.ringScores, members, ringScore);
      return added === model && highlighted.length === model.highlighted.length && ringScores === model.ringScores ? model : { ...added, highlighted, ringScores };
    },
  };
}

export function clearCanvas(): CanvasCommand {
  return { label: 'clear', apply: (model) => (Object.keys(model.nodes).length === 0 ? model : blankCanvas(model)) };
}

/** Removes nodes, their links, their highlight, and groups left empty. */
export function removeNodes(ids: readonly string[]): CanvasCommand {
  return {
    label: 'remove',
    apply(model) {
      const doomed = new Set(ids.filter((id) => model.nodes[id]));
      if (doomed.size === 0) return model;
      const nodes = Object.fromEntries(Object.entries(model.nodes).filter(([id]) => !doomed.has(id)));
      const edges = Object.fromEntries(Object.entries(model.edges).filter(([, edge]) => !doomed.has(edge.source) && !doomed.has(edge.target)));
      return withoutEmptyGroups({ ...model, nodes, edges, highlighted: model.highlighted.filter((id) => nodes[id] || edges[id]) });
    },
  };
}

/** Hides or shows nodes (not a filter: the investigator's own choice). */
export function setHidden(ids: readonly string[], hidden: boolean): CanvasCommand {
  return { label: hidden ? 'hide' : 'show', apply: (model) => updateNodes(model, ids, (node) => (node.hidden === hidden ? node : { ...node, hidden })) };
}

export function showAllHidden(): CanvasCommand {
  return {
    label: 'show',
    apply: (model) => updateNodes(model, Object.keys(model.nodes), (node) => (node.hidden ? { ...node, hidden: false } : node)),
  };
}

export function setPinned(ids: readonly string[], pinned: boolean): CanvasCommand {
  return { label: pinned ? 'pin' : 'unpin', apply: (model) => updateNodes(model, ids, (node) => (node.pinned === pinned ? node : { ...node, pinned })) };
}

/**
 * Moves nodes (a layout, a drag). Pinned nodes stay where they are: a pin is a promise that
 * nothing but the investigator moves it, and dragging a pinned node is prevented by the view.
 */
export function moveNodes(positions: Readonly<Record<string, Point>>, label: CommandLabel = 'move'): CanvasCommand {
  return {
    label,
    apply: (model) => {
      const wanted = { ...positions, ...collapsedGroupMoves(model, positions) };
      return updateNodes(model, Object.keys(wanted), (node) => {
        const to = wanted[node.node.id];
        return node.pinned || (node.position.x === to.x && node.position.y === to.y) ? node : { ...node, position: { x: to.x, y: to.y } };
      });
    },
  };
}

/** A collapsed group is drawn at its members' centre: moving it (by its id) moves its members with it. */
function collapsedGroupMoves(model: CanvasModel, positions: Readonly<Record<string, Point>>): Record<string, Point> {
  const moves: Record<string, Point> = {};
  for (const [groupId, to] of Object.entries(positions)) {
    if (!model.groups[groupId]?.collapsed) continue;
    const from = groupCentre(model, groupId)!;
    for (const member of groupMembers(model, groupId)) moves[member.node.id] = { x: round(member.position.x + to.x - from.x), y: round(member.position.y + to.y - from.y) };
  }
  return moves;
}

/** The nodes in a group, in the model's order. */
export function groupMembers(model: CanvasModel, groupId: string): CanvasNode[] {
  return Object.values(model.nodes).filter((node) => node.groupId === groupId);
}

/** Where a collapsed group is drawn: its members' centre. */
export function groupCentre(model: CanvasModel, groupId: string): Point | null {
  return centroid(groupMembers(model, groupId).map((member) => member.position));
}

/** Whether a node is drawn as itself, not folded into a collapsed group. */
export function inCollapsedGroup(model: CanvasModel, node: CanvasNode): boolean {
  return node.groupId !== null && model.groups[node.groupId]?.collapsed === true;
}

/** A group to make: its id, what it is called and who is in it. */
export interface GroupSpec {
  id: string;
  label: string;
  memberIds: readonly string[];
}

/**
 * Puts nodes into groups (compound nodes); a node leaves the group it was in. `arrange` (see
 * group-arrangement.ts) then packs each new group's members together and moves other nodes out
 * of its box, in the same undo step.
 */
export function groupNodes(specs: readonly GroupSpec[], arrange?: (model: CanvasModel, groupIds: readonly string[]) => Record<string, Point>): CanvasCommand {
  return {
    label: 'group',
    apply(model) {
      const usable = specs.map((spec) => ({ ...spec, memberIds: spec.memberIds.filter((id) => model.nodes[id] && !inCollapsedGroup(model, model.nodes[id])) })).filter((spec) => spec.memberIds.length > 0 && !model.groups[spec.id]);
      if (usable.length === 0) return model;
      const groups = { ...model.groups };
      const nodes = { ...model.nodes };
      for (const spec of usable) {
        groups[spec.id] = { id: spec.id, label: spec.label, collapsed: false };
        for (const id of spec.memberIds) nodes[id] = { ...nodes[id], groupId: spec.id };
      }
      const grouped = withoutEmptyGroups({ ...model, nodes, groups });
      return arrange ? moveNodes(arrange(grouped, usable.map((spec) => spec.id).filter((id) => grouped.groups[id]))).apply(grouped) : grouped;
    },
  };
}

/** Folds groups into one node each (`collapsed`), or unfolds them back into boxes around their members. */
export function setGroupsCollapsed(groupIds: readonly string[], collapsed: boolean): CanvasCommand {
  return {
    label: collapsed ? 'collapse' : 'expand',
    apply(model) {
      const changing = groupIds.filter((id) => model.groups[id] && model.groups[id].collapsed !== collapsed);
      if (changing.length === 0) return model;
      const groups = { ...model.groups };
      for (const id of changing) groups[id] = { ...groups[id], collapsed };
      return { ...model, groups };
    },
  };
}

/** Dissolves groups; their members stay where they are. */
export function ungroup(groupIds: readonly string[]): CanvasCommand {
  return {
    label: 'ungroup',
    apply(model) {
      const dissolved = new Set(groupIds.filter((id) => model.groups[id]));
      if (dissolved.size === 0) return model;
      const groups = Object.fromEntries(Object.entries(model.groups).filter(([id]) => !dissolved.has(id)));
      const members = Object.values(model.nodes).filter((node) => node.groupId && dissolved.has(node.groupId));
      return { ...updateNodes(model, members.map((node) => node.node.id), (node) => ({ ...node, groupId: null })), groups };
    },
  };
}

export function setFilters(filters: CanvasFilters): CanvasCommand {
  return { label: 'filter', apply: (model) => (sameFilters(model.filters, filters) ? model : { ...model, filters }) };
}

export function setHighlighted(ids: readonly string[]): CanvasCommand {
  return {
    label: 'highlight',
    apply: (model) => {
      const highlighted = ids.filter((id) => model.nodes[id]);
      return highlighted.length === model.highlighted.length && highlighted.every((id, index) => model.highlighted[index] === id) ? model : { ...model, highlighted };
    },
  };
}

/** Fresher DTOs for nodes already drawn (e.g. blacklisted since an approval); not an undo step. */
export function refreshNodes(fresh: readonly GraphNode[]): CanvasCommand {
  const byId = new Map(fresh.map((node) => [node.id, node]));
  return { label: 'refresh', apply: (model) => updateNodes(model, [...byId.keys()], (drawn) => (sameNode(drawn.node, byId.get(drawn.node.id)!) ? drawn : { ...drawn, node: byId.get(drawn.node.id)! })) };
}

/** Whether a filter takes this node out (greyed or hidden, as the filters' mode says). */
export function nodeFilteredOut(node: GraphNode, filters: CanvasFilters): boolean {
  if (filters.nodeKinds.includes(node.kind)) return true;
  if (node.kind === 'account' && filters.riskBands.includes(riskBand(node.riskScore))) return true;
  if (filters.blacklist === 'only' && !node.blacklisted) return true;
  if (filters.blacklist === 'exclude' && node.blacklisted) return true;
  return false;
}

export function edgeFilteredOut(edge: GraphEdge, filters: CanvasFilters): boolean {
  return filters.edgeKinds.includes(edge.kind);
}

/** Whether any filter is on (the legend says so). */
export function filtersActive(filters: CanvasFilters): boolean {
  return filters.nodeKinds.length + filters.edgeKinds.length + filters.riskBands.length > 0 || filters.blacklist !== 'any';
}

/** Ids of the nodes linked to any of `ids` (not including them). */
export function neighbourIds(model: CanvasModel, ids: readonly string[]): string[] {
  const from = new Set(ids);
  const found = new Set<string>();
  for (const edge of Object.values(model.edges)) {
    if (from.has(edge.source) && !from.has(edge.target)) found.add(edge.target);
    if (from.has(edge.target) && !from.has(edge.source)) found.add(edge.source);
  }
  return [...found];
}

/**
 * Groups by shared identifier: each identifier node on the canvas linked to two or more accounts
 * becomes a group with those accounts, the most shared first; a node joins only its first group.
 * `among` limits it to some nodes (the selection).
 */
export function sharedIdentifierGroups(model: CanvasModel, among: readonly string[] | null, labelOf: (identifier: GraphNode, members: number) => string): GroupSpec[] {
  const allowed = among ? new Set(among) : null;
  const accountsOf = new Map<string, Set<string>>();
  for (const edge of Object.values(model.edges)) {
    if (edge.kind !== 'identifier') continue;
    const [identifier, account] = model.nodes[edge.source]?.node.kind === 'account' ? [edge.target, edge.source] : [edge.source, edge.target];
    if (model.nodes[account]?.node.kind !== 'account' || model.nodes[identifier]?.node.kind === 'account') continue;
    if (allowed && (!allowed.has(account) || !allowed.has(identifier))) continue;
    accountsOf.set(identifier, (accountsOf.get(identifier) ?? new Set()).add(account));
  }
  const taken = new Set<string>();
  const specs: GroupSpec[] = [];
  for (const [identifier, accounts] of [...accountsOf].sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0]))) {
    const members = [identifier, ...accounts].filter((id) => !taken.has(id));
    if (members.length < 3 || taken.has(identifier)) continue;
    members.forEach((id) => taken.add(id));
    specs.push({ id: `group:${identifier}`, label: labelOf(model.nodes[identifier].node, members.length - 1), memberIds: members });
  }
  return specs;
}

function updateNodes(model: CanvasModel, ids: readonly string[], update: (node: CanvasNode) => CanvasNode): CanvasModel {
  let nodes: Record<string, CanvasNode> | null = null;
  for (const id of ids) {
    const current = model.nodes[id];
    if (!current) continue;
    const next = update(current);
    if (next === current) continue;
    nodes ??= { ...model.nodes };
    nodes[id] = next;
  }
  return nodes ? { ...model, nodes } : model;
}

function withoutEmptyGroups(model: CanvasModel): CanvasModel {
  const used = new Set(Object.values(model.nodes).map((node) => node.groupId));
  const empty = Object.keys(model.groups).filter((id) => !used.has(id));
  return empty.length === 0 ? model : { ...model, groups: Object.fromEntries(Object.entries(model.groups).filter(([id]) => used.has(id))) };
}

function uniqueById(nodes: readonly GraphNode[]): GraphNode[] {
  return [...new Map(nodes.map((node) => [node.id, node])).values()];
}

function sameNode(a: GraphNode, b: GraphNode): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function sameFilters(a: CanvasFilters, b: CanvasFilters): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
