import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode } from '../../../main/api';
import { execute, startHistory, undo } from '../../../renderer/graph/canvas-history';
import { addSubgraph, emptyCanvas, groupCentre, groupNodes, moveNodes, setGroupsCollapsed, setPinned, ungroup, type CanvasModel, type Point } from '../../../renderer/graph/canvas-model';
import { arrangeGroups } from '../../../renderer/graph/group-arrangement';

function account(id: string): GraphNode {
  return { id, kind: 'account', key: id, label: id, properties: {}, riskScore: 0.4, blacklisted: false, degree: 1 };
}
const link = (source: string, target: string): GraphEdge => ({ id: `${source}-${target}`, source, target, type: 'TRANSFERRED_TO', kind: 'transfer', properties: {} });

/** Ten accounts in a row, 120 px apart: members m0..m4 on every other spot, outsiders o0..o4 between them. */
function row(): CanvasModel {
  const ids = Array.from({ length: 10 }, (_, index) => (index % 2 === 0 ? `m${index / 2}` : `o${(index - 1) / 2}`));
  const model = addSubgraph({ nodes: ids.map(account), edges: ids.slice(1).map((id, index) => link(ids[index], id)) }).apply(emptyCanvas());
  return moveNodes(Object.fromEntries(ids.map((id, index) => [id, { x: index * 120, y: 0 }]))).apply(model);
}
const members = ['m0', 'm1', 'm2', 'm3', 'm4'];
const outsiders = ['o0', 'o1', 'o2', 'o3', 'o4'];

/** The group's box as drawn: members' centres with room for the node, its label and the title. */
function box(model: CanvasModel, groupId: string) {
  const points = Object.values(model.nodes).filter((node) => node.groupId === groupId).map((node) => node.position);
  return { x1: Math.min(...points.map((p) => p.x)) - 68, x2: Math.max(...points.map((p) => p.x)) + 68, y1: Math.min(...points.map((p) => p.y)) - 66, y2: Math.max(...points.map((p) => p.y)) + 62 };
}
const inside = (point: Point, area: ReturnType<typeof box>) => point.x > area.x1 && point.x < area.x2 && point.y > area.y1 && point.y < area.y2;

describe('collapsible groups', () => {
  const grouped = groupNodes([{ id: 'g', label: 'Ring', memberIds: members }]).apply(row());

  it('collapses a group into one node and expands it back to exactly the model before', () => {
    const collapsed = setGroupsCollapsed(['g'], true).apply(grouped);
    expect(collapsed.groups.g.collapsed).toBe(true);
    expect(collapsed.nodes).toBe(grouped.nodes);
    expect(setGroupsCollapsed(['g'], false).apply(collapsed)).toEqual(grouped);
    expect(setGroupsCollapsed(['g'], true).apply(collapsed)).toBe(collapsed);
  });

  it('undo of a collapse restores the exact model, and ungrouping a collapsed group shows its members', () => {
    const history = execute(startHistory(grouped), setGroupsCollapsed(['g'], true));
    expect(history.past.at(-1)?.label).toBe('collapse');
    expect(undo(history).present).toBe(grouped);
    const ungrouped = ungroup(['g']).apply(history.present);
    expect(ungrouped.groups).toEqual({});
    expect(Object.values(ungrouped.nodes).every((node) => node.groupId === null)).toBe(true);
  });

  it('moving a collapsed group moves its members with it (expanding shows them where it was dropped)', () => {
    const collapsed = setGroupsCollapsed(['g'], true).apply(grouped);
    const centre = groupCentre(collapsed, 'g')!;
    const moved = moveNodes({ g: { x: centre.x + 100, y: centre.y - 50 } }).apply(collapsed);
    for (const id of members) expect(moved.nodes[id].position).toEqual({ x: grouped.nodes[id].position.x + 100, y: grouped.nodes[id].position.y - 50 });
    for (const id of outsiders) expect(moved.nodes[id]).toBe(collapsed.nodes[id]);
  });
});

describe('grouping re-layout', () => {
  it('packs the members together and moves every other node out of the group box', () => {
    const before = row();
    const arranged = groupNodes([{ id: 'g', label: 'Ring', memberIds: members }], arrangeGroups).apply(before);
    const area = box(arranged, 'g');
    expect(area.x2 - area.x1).toBeLessThan(before.nodes.m4.position.x - before.nodes.m0.position.x);
    for (const id of outsiders) expect(inside(arranged.nodes[id].position, area), id).toBe(false);
  });

  it('never moves a pinned node, member or not', () => {
    const pinned = setPinned(['m0', 'o2'], true).apply(row());
    const arranged = groupNodes([{ id: 'g', label: 'Ring', memberIds: members }], arrangeGroups).apply(pinned);
    expect(arranged.nodes.m0.position).toEqual(pinned.nodes.m0.position);
    expect(arranged.nodes.o2.position).toEqual(pinned.nodes.o2.position);
    expect(arranged.nodes.m2.position).not.toEqual(pinned.nodes.m2.position);
  });

  it('keeps two new groups out of each other’s boxes, and one undo puts everything back', () => {
    const start = row();
    const specs = [
      { id: 'g1', label: 'A', memberIds: ['m0', 'o1', 'm3'] },
      { id: 'g2', label: 'B', memberIds: ['o0', 'm2', 'o3', 'm4'] },
    ];
    const history = execute(startHistory(start), groupNodes(specs, arrangeGroups));
    const [first, second] = [box(history.present, 'g1'), box(history.present, 'g2')];
    expect(first.x2 <= second.x1 || second.x2 <= first.x1 || first.y2 <= second.y1 || second.y2 <= first.y1).toBe(true);
    for (const id of ['m1', 'o2', 'o4']) {
      expect(inside(history.present.nodes[id].position, first), id).toBe(false);
      expect(inside(history.present.nodes[id].position, second), id).toBe(false);
    }
    expect(undo(history).present).toBe(start);
  });
});
