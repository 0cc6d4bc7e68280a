import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode, Subgraph } from '../../../main/api';
import { amend, execute, HISTORY_LIMIT, redo, startHistory, undo } from '../../../renderer/graph/canvas-history';
import { communityGroups } from '../../../renderer/graph/community-groups';
import { arrangeGroups } from '../../../renderer/graph/group-arrangement';
import {
  addSubgraph,
  addWithHighlight,
  clearCanvas,
  emptyCanvas,
  groupNodes,
  moveNodes,
  neighbourIds,
  nodeFilteredOut,
  refreshNodes,
  removeNodes,
  replaceWith,
  setFilters,
  setGroupsCollapsed,
  setHidden,
  setHighlighted,
  setPinned,
  sharedIdentifierGroups,
  showAllHidden,
  ungroup,
  type CanvasCommand,
  type CanvasModel,
} from '../../../renderer/graph/canvas-model';

function account(id: string, riskScore: number | null = 0.2, blacklisted = false): GraphNode {
  return { id, kind: 'account', key: id, label: id, properties: {}, riskScore, blacklisted, degree: 2 };
}
function phone(id: string): GraphNode {
  return { id, kind: 'phone', key: id, label: id, properties: {}, riskScore: null, blacklisted: false, degree: 2 };
}
function link(source: string, target: string, kind: GraphEdge['kind'] = 'identifier'): GraphEdge {
  return { id: `${source}-${target}`, source, target, type: 'HAS_PHONE', kind, properties: {} };
}

/** A star: phone p1 shared by accounts a1..a3, plus a transfer a3 → a4. */
const star: Subgraph = {
  nodes: [phone('p1'), account('a1'), account('a2', 0.9, true), account('a3'), account('a4', null)],
  edges: [link('a1', 'p1'), link('a2', 'p1'), link('a3', 'p1'), link('a3', 'a4', 'transfer')],
};

const built = (): CanvasModel => addSubgraph(star).apply(emptyCanvas());

/** A deep copy, so a later mutation by mistake would show up as a difference. */
const snapshot = (model: CanvasModel) => structuredClone(model);

const commands: Record<string, (model: CanvasModel) => CanvasCommand> = {
  'add (expand)': () => addSubgraph({ nodes: [account('a5'), account('a6')], edges: [link('a5', 'p1'), link('a6', 'p1')] }, { anchorId: 'p1', anchorPage: { totalNeighbours: 9, nextOffset: 5 } }),
  'replace (open ring, replace)': () => replaceWith({ nodes: [account('r1'), account('r2')], edges: [] }, ['r1']),
  'add with highlight (open ring, add)': () => addWithHighlight({ nodes: [account('r1')], edges: [link('r1', 'a1', 'transfer')] }, ['r1', 'a1']),
  clear: () => clearCanvas(),
  remove: () => removeNodes(['p1']),
  hide: () => setHidden(['a1', 'a2'], true),
  'show hidden': () => showAllHidden(),
  pin: () => setPinned(['a1'], true),
  move: () => moveNodes({ a1: { x: 500, y: 500 }, a2: { x: -3, y: 4 } }),
  group: () => groupNodes([{ id: 'g1', label: 'Ring', memberIds: ['a1', 'a2'] }]),
  'group and arrange': () => groupNodes([{ id: 'g1', label: 'Ring', memberIds: ['a1', 'a2', 'p1'] }], arrangeGroups),
  ungroup: () => ungroup(['g1']),
  collapse: () => setGroupsCollapsed(['g1'], true),
  'expand a collapsed group': () => setGroupsCollapsed(['g1'], false),
  'move a collapsed group': () => moveNodes({ g1: { x: 900, y: 900 } }),
  filter: () => setFilters({ nodeKinds: ['phone'], edgeKinds: ['transfer'], riskBands: ['high'], blacklist: 'exclude', mode: 'hide' }),
  highlight: () => setHighlighted(['a3']),
};

/** The model each command runs on: something it can change. */
function startFor(name: string): CanvasModel {
  let model = built();
  if (name === 'show hidden') model = setHidden(['a1'], true).apply(model);
  if (['ungroup', 'collapse', 'expand a collapsed group', 'move a collapsed group'].includes(name)) model = groupNodes([{ id: 'g1', label: 'Ring', memberIds: ['a1', 'a2'] }]).apply(model);
  if (['expand a collapsed group', 'move a collapsed group'].includes(name)) model = setGroupsCollapsed(['g1'], true).apply(model);
  return model;
}

describe('canvas commands under undo/redo', () => {
  for (const [name, make] of Object.entries(commands)) {
    it(`${name}: changes the model, undo restores exactly the previous model, redo the next`, () => {
      const start = startFor(name);
      const before = snapshot(start);
      const history = execute(startHistory(start), make(start));
      expect(history.present).not.toEqual(before);
      const after = snapshot(history.present);
      const undone = undo(history);
      expect(undone.present).toEqual(before);
      expect(undone.present).toBe(start);
      expect(redo(undone).present).toEqual(after);
    });
  }

  it('keeps at least 100 steps and drops only the oldest beyond its limit', () => {
    let history = startHistory(built());
    const models = [history.present];
    for (let step = 0; step < HISTORY_LIMIT + 20; step++) {
      history = execute(history, moveNodes({ a1: { x: step, y: step } }));
      models.push(history.present);
    }
    expect(HISTORY_LIMIT).toBeGreaterThanOrEqual(100);
    for (let step = 0; step < HISTORY_LIMIT; step++) history = undo(history);
    expect(history.present).toBe(models[20]);
    expect(undo(history)).toBe(history);
  });

  it('does not record a command that changes nothing, and a new command drops the redo steps', () => {
    const history = execute(startHistory(built()), setPinned(['a1'], true));
    expect(execute(history, setPinned(['a1'], true))).toBe(history);
    const branched = execute(undo(history), setHidden(['a2'], true));
    expect(branched.future).toEqual([]);
  });

  it('amends fresher node data into every step without adding one', () => {
    const history = execute(startHistory(built()), setPinned(['a1'], true));
    const amended = amend(history, refreshNodes([account('a1', 0.99, true)]));
    expect(amended.past).toHaveLength(1);
    expect(amended.present.nodes.a1.node.blacklisted).toBe(true);
    expect(amended.present.nodes.a1.pinned).toBe(true);
    expect(undo(amended).present.nodes.a1.node.blacklisted).toBe(true);
  });
});

describe('canvas editing', () => {
  it('places new neighbours of an expanded node near it and keeps every drawn node where it was', () => {
    const model = moveNodes({ p1: { x: 1000, y: 1000 } }).apply(built());
    const next = commands['add (expand)'](model).apply(model);
    for (const id of Object.keys(model.nodes)) expect(next.nodes[id].position).toEqual(model.nodes[id].position);
    for (const id of ['a5', 'a6']) {
      const { x, y } = next.nodes[id].position;
      expect(Math.hypot(x - 1000, y - 1000)).toBeLessThan(250);
    }
    expect(next.nodes.p1.page).toEqual({ totalNeighbours: 9, nextOffset: 5 });
  });

  it('adds each node and link once, and drops a link whose end is neither drawn nor in the page', () => {
    const page = { nodes: [account('a5'), account('a5')], edges: [link('a5', 'p1'), link('a5', 'p1'), link('zz', 'a5')] };
    const next = addSubgraph(page, { anchorId: 'p1' }).apply(built());
    expect(Object.keys(next.edges).filter((id) => id.includes('a5'))).toEqual(['a5-p1']);
    expect(Object.keys(next.nodes)).toHaveLength(6);
  });

  it('never moves a pinned node, whatever the layout asks', () => {
    const pinned = setPinned(['a1'], true).apply(built());
    const moved = moveNodes({ a1: { x: 9, y: 9 }, a2: { x: 7, y: 7 } }).apply(pinned);
    expect(moved.nodes.a1.position).toEqual(pinned.nodes.a1.position);
    expect(moved.nodes.a2.position).toEqual({ x: 7, y: 7 });
  });

  it('removes a node with its links and drops a group left empty', () => {
    const grouped = groupNodes([{ id: 'g1', label: 'g', memberIds: ['a1'] }]).apply(built());
    const removed = removeNodes(['a1']).apply(grouped);
    expect(removed.nodes.a1).toBeUndefined();
    expect(Object.values(removed.edges).some((edge) => edge.source === 'a1' || edge.target === 'a1')).toBe(false);
    expect(removed.groups).toEqual({});
  });

  it('finds neighbours and groups accounts by the identifier they share', () => {
    const model = built();
    expect(neighbourIds(model, ['p1']).sort()).toEqual(['a1', 'a2', 'a3']);
    const specs = sharedIdentifierGroups(model, null, (identifier, members) => `${identifier.label} (${members})`);
    expect(specs).toEqual([{ id: 'group:p1', label: 'p1 (3)', memberIds: ['p1', 'a1', 'a2', 'a3'] }]);
  });

  it('groups two clusters joined by one link into two communities', () => {
    const clique = (prefix: string) => ['1', '2', '3', '4'].map((n) => account(`${prefix}${n}`));
    const nodes = [...clique('x'), ...clique('y')];
    const edges = ['x', 'y'].flatMap((p) => [['1', '2'], ['1', '3'], ['1', '4'], ['2', '3'], ['2', '4'], ['3', '4']].map(([a, b]) => link(`${p}${a}`, `${p}${b}`)));
    const model = addSubgraph({ nodes, edges: [...edges, link('x1', 'y1')] }).apply(emptyCanvas());
    const specs = communityGroups(model, null, (index, members) => `C${index} (${members})`);
    expect(specs.map((spec) => [...spec.memberIds].sort())).toEqual([['x1', 'x2', 'x3', 'x4'], ['y1', 'y2', 'y3', 'y4']]);
    expect(specs[0].label).toBe('C1 (4)');
  });

  it('filters by kind, risk band and blacklist state', () => {
    const filters = { nodeKinds: ['phone'] as const, edgeKinds: [], riskBands: ['unknown'] as const, blacklist: 'exclude' as const, mode: 'grey' as const };
    expect(nodeFilteredOut(phone('p'), filters)).toBe(true);
    expect(nodeFilteredOut(account('x', null), filters)).toBe(true);
    expect(nodeFilteredOut(account('y', 0.9, true), filters)).toBe(true);
    expect(nodeFilteredOut(account('z', 0.2), filters)).toBe(false);
  });
});
