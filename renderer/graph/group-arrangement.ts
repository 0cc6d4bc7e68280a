/**
 * Where nodes go after grouping: each new group's members are packed around their centre (the
 * first member, e.g. the shared identifier, in the middle), and every box that then overlaps
 * another (another group, or a node outside the group) is pushed out of the way. Without it a
 * group's box would stretch over nodes that are not in it and its title would sit on a
 * neighbour's label. Pinned nodes never move, and a group with a pinned member moves only by packing its other members.
 */
import { centroid, groupCentre, groupMembers, inCollapsedGroup, placeAround, type CanvasModel, type CanvasNode, type Point } from './canvas-model';

/** Half the width a node takes with its label, and how far it reaches above and below its centre (the label hangs below). */
const NODE_HALF_WIDTH = 50;
const NODE_ABOVE = 26;
const NODE_BELOW = 44;
/** The group box's padding (graph-style.ts) and title line above it. */
const BOX_PADDING = 18;
const TITLE_HEIGHT = 22;
/** Room left between boxes. */
const GAP = 16;
const MAX_PUSHES = 200;

interface Rect {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Something that moves as a whole: a group with its members, or one node on its own. */
interface Block {
  ids: string[];
  rect: Rect;
  movable: boolean;
  dx: number;
  dy: number;
}

/** New positions by node id for the nodes that move once `groupIds` (just made) are arranged. */
export function arrangeGroups(model: CanvasModel, groupIds: readonly string[]): Record<string, Point> {
  const positions: Record<string, Point> = {};
  const drawn = Object.values(model.nodes).filter((node) => !node.hidden && !inCollapsedGroup(model, node));
  for (const groupId of groupIds) Object.assign(positions, packedMembers(drawn.filter((node) => node.groupId === groupId)));
  const at = (node: CanvasNode) => positions[node.node.id] ?? node.position;

  const blocks: Block[] = [];
  const byGroup = new Map<string, CanvasNode[]>();
  for (const node of drawn) {
    if (node.groupId) byGroup.set(node.groupId, [...(byGroup.get(node.groupId) ?? []), node]);
    else blocks.push({ ids: [node.node.id], rect: nodeRect(at(node)), movable: !node.pinned, dx: 0, dy: 0 });
  }
  for (const members of byGroup.values()) {
    const rect = members.map((member) => nodeRect(at(member))).reduce(union);
    blocks.push({ ids: members.map((member) => member.node.id), rect: { x1: rect.x1 - BOX_PADDING, y1: rect.y1 - BOX_PADDING - TITLE_HEIGHT, x2: rect.x2 + BOX_PADDING, y2: rect.y2 + BOX_PADDING }, movable: !members.some((member) => member.pinned), dx: 0, dy: 0 });
  }
  for (const group of Object.values(model.groups)) {
    const centre = group.collapsed ? groupCentre(model, group.id) : null;
    const members = groupMembers(model, group.id);
    if (centre) blocks.push({ ids: members.map((member) => member.node.id), rect: nodeRect(centre), movable: !members.some((member) => member.pinned), dx: 0, dy: 0 });
  }

  // Fixed blocks first, then the new groups (largest first), the other groups, and single nodes:
  // an earlier block keeps its place and a later one that overlaps it moves away.
  const fresh = new Set(groupIds);
  const rank = (block: Block) => (!block.movable ? 0 : block.ids.length > 1 && block.ids.some((id) => fresh.has(model.nodes[id].groupId ?? '')) ? 1 : block.ids.length > 1 ? 2 : 3);
  const ordered = blocks.sort((a, b) => rank(a) - rank(b) || b.ids.length - a.ids.length);
  const placed: Block[] = [];
  for (const block of ordered) {
    // Nodes outside any group that already overlapped one another stay as they were: only boxes push.
    const obstacles = (other: Block) => block.ids.length > 1 || other.ids.length > 1 || other.dx !== 0 || other.dy !== 0;
    for (let push = 0; push < MAX_PUSHES && block.movable; push++) {
      const hit = placed.find((other) => obstacles(other) && overlaps(shifted(block), shifted(other)));
      if (!hit) break;
      const [mx, my] = escape(shifted(block), shifted(hit));
      block.dx += mx;
      block.dy += my;
    }
    placed.push(block);
  }
  for (const block of placed) {
    if (block.dx === 0 && block.dy === 0) continue;
    for (const id of block.ids) {
      const from = at(model.nodes[id]);
      positions[id] = { x: round(from.x + block.dx), y: round(from.y + block.dy) };
    }
  }
  return positions;
}

/** The members packed on rings around their centre, the first in the middle, each keeping its bearing from the centre. */
function packedMembers(members: readonly CanvasNode[]): Record<string, Point> {
  const movable = members.filter((member) => !member.pinned);
  if (movable.length === 0) return {};
  const centre = centroid(members.map((member) => member.position))!;
  const [middle, ...rest] = movable;
  const bearing = (node: CanvasNode) => Math.atan2(node.position.y - centre.y, node.position.x - centre.x);
  const ringed = [...rest].sort((a, b) => bearing(a) - bearing(b));
  const spots = placeAround(centre, ringed.length, null);
  const positions: Record<string, Point> = { [middle.node.id]: { x: round(centre.x), y: round(centre.y) } };
  ringed.forEach((member, index) => (positions[member.node.id] = spots[index]));
  return positions;
}

function nodeRect({ x, y }: Point): Rect {
  return { x1: x - NODE_HALF_WIDTH, y1: y - NODE_ABOVE, x2: x + NODE_HALF_WIDTH, y2: y + NODE_BELOW };
}

function union(a: Rect, b: Rect): Rect {
  return { x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1), x2: Math.max(a.x2, b.x2), y2: Math.max(a.y2, b.y2) };
}

function shifted(block: Block): Rect {
  return { x1: block.rect.x1 + block.dx, y1: block.rect.y1 + block.dy, x2: block.rect.x2 + block.dx, y2: block.rect.y2 + block.dy };
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x1 < b.x2 + GAP && b.x1 < a.x2 + GAP && a.y1 < b.y2 + GAP && b.y1 < a.y2 + GAP;
}

/** The shortest move that takes `a` clear of `b` (with the gap), left, right, up or down. */
function escape(a: Rect, b: Rect): [number, number] {
  const moves: [number, number][] = [
    [b.x1 - GAP - a.x2, 0],
    [b.x2 + GAP - a.x1, 0],
    [0, b.y1 - GAP - a.y2],
    [0, b.y2 + GAP - a.y1],
  ];
  return moves.reduce((best, move) => (Math.abs(move[0] + move[1]) < Math.abs(best[0] + best[1]) ? move : best));
}

const round = (value: number) => Math.round(value * 100) / 100;
