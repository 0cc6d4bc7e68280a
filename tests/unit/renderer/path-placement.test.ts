import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode } from '../../../main/api';
import { execute, startHistory, undo } from '../../../renderer/graph/canvas-history';
import { addSubgraph, emptyCanvas, removeNodes, type CanvasModel } from '../../../renderer/graph/canvas-model';
import { addPaths, placePathNodes } from '../../../renderer/graph/path-placement';

const node = (id: string, kind: GraphNode['kind'] = 'account'): GraphNode => ({ id, kind, key: id, label: id, properties: {}, riskScore: null, blacklisted: false, degree: 1 });
const edge = (source: string, target: string, kind: GraphEdge['kind'] = 'identifier'): GraphEdge => ({ id: `${source}>${target}`, source, target, type: 'USES_DEVICE', kind, properties: {} });

/** Two accounts drawn 400 apart, as the investigator left them. */
function drawnPair(): CanvasModel {
  const model = addSubgraph({ nodes: [node('account:A'), node('account:B')], edges: [] }).apply(emptyCanvas());
  return { ...model, nodes: { 'account:A': { ...model.nodes['account:A'], position: { x: 0, y: 0 } }, 'account:B': { ...model.nodes['account:B'], position: { x: 400, y: 0 } } } };
}

// A shares device D1 with B; a second shortest path goes through phone P1.
const viaDevice = { nodeIds: ['account:A', 'device:1', 'account:B'], edgeIds: ['account:A>device:1', 'account:B>device:1'] };
const viaPhone = { nodeIds: ['account:A', 'phone:1', 'account:B'], edgeIds: ['account:A>phone:1', 'account:B>phone:1'] };
const found = {
  paths: [viaDevice, viaPhone],
  nodes: [node('account:A'), node('device:1', 'device'), node('account:B'), node('phone:1', 'phone')],
  edges: [edge('account:A', 'device:1'), edge('account:B', 'device:1'), edge('account:A', 'phone:1'), edge('account:B', 'phone:1')],
};

describe('adding a found path to the canvas', () => {
  it('leaves every drawn node where it was and puts the new ones between the ends, each path on its own lane', () => {
    const before = drawnPair();
    const after = addPaths(found).apply(before);
    expect(after.nodes['account:A'].position).toEqual({ x: 0, y: 0 });
    expect(after.nodes['account:B'].position).toEqual({ x: 400, y: 0 });
    expect(after.nodes['device:1'].position).toEqual({ x: 200, y: 0 });
    // The second shortest path runs beside the first, not on top of it.
    expect(after.nodes['phone:1'].position.x).toBe(200);
    expect(Math.abs(after.nodes['phone:1'].position.y)).toBeGreaterThanOrEqual(60);
  });

  it('highlights exactly the path nodes and edges, replacing an earlier highlight, and one undo removes it all', () => {
    const before = { ...drawnPair(), highlighted: ['account:A'] };
    const history = execute(startHistory(before), addPaths({ ...found, paths: [viaDevice] }));
    expect([...history.present.highlighted].sort()).toEqual(['account:A', 'account:A>device:1', 'account:B', 'account:B>device:1', 'device:1']);
    // Nodes only on the unchosen path are not added.
    expect(history.present.nodes['phone:1']).toBeUndefined();
    expect(Object.keys(history.present.edges).sort()).toEqual(['account:A>device:1', 'account:B>device:1']);
    expect(undo(history).present).toBe(before);
  });

  it('draws a path to an account not on the canvas onward from the drawn end, away from the rest of the drawing', () => {
    const drawn = { 'account:A': { x: 0, y: 0 }, 'account:X': { x: -300, y: 0 } };
    const positions = placePathNodes(drawn, [{ nodeIds: ['account:A', 'device:9', 'account:Z'], edgeIds: ['e1', 'e2'] }]);
    expect(positions['device:9'].x).toBeGreaterThan(0);
    expect(positions['account:Z'].x).toBeGreaterThan(positions['device:9'].x);
    expect(positions['account:A']).toBeUndefined();
  });

  it('places a path on an empty canvas from the origin', () => {
    const positions = placePathNodes({}, [viaDevice]);
    expect(positions['account:A']).toEqual({ x: 0, y: 0 });
    expect(new Set(Object.values(positions).map((p) => `${p.x},${p.y}`)).size).toBe(3);
  });

  it('drops the highlight of path edges when a node they join is removed', () => {
    const withPath = addPaths({ ...found, paths: [viaDevice] }).apply(drawnPair());
    const removed = removeNodes(['device:1']).apply(withPath);
    expect([...removed.highlighted].sort()).toEqual(['account:A', 'account:B']);
  });
});

describe('opening a searched account on a drawn canvas', () => {
  it('puts it and its neighbours right of the drawing instead of on top of the first account', () => {
    const first = addSubgraph({ nodes: [node('account:A'), node('device:1', 'device')], edges: [edge('account:A', 'device:1')] }, { anchorId: 'account:A' }).apply(emptyCanvas());
    const second = addSubgraph({ nodes: [node('account:B'), node('device:1', 'device'), node('phone:2', 'phone')], edges: [edge('account:B', 'device:1'), edge('account:B', 'phone:2')] }, { anchorId: 'account:B' }).apply(first);
    const rightOfFirst = Math.max(...Object.values(first.nodes).map((drawn) => drawn.position.x));
    expect(second.nodes['account:A'].position).toEqual(first.nodes['account:A'].position);
    expect(second.nodes['device:1'].position).toEqual(first.nodes['device:1'].position);
    expect(second.nodes['account:B'].position.x).toBeGreaterThan(rightOfFirst);
    expect(second.nodes['phone:2'].position.x).toBeGreaterThan(rightOfFirst);
  });
});

describe('placing path nodes clear of what is drawn', () => {
  it('moves a new node off a drawn node that sits where the path would put it', () => {
    const drawn = { 'account:A': { x: 0, y: 0 }, 'merchant:M': { x: 240, y: 0 }, 'account:X': { x: -300, y: 0 } };
    const positions = placePathNodes(drawn, [{ nodeIds: ['account:A', 'ip:1', 'account:Z'], edgeIds: ['e1', 'e2'] }]);
    for (const placed of Object.values(positions)) {
      for (const other of Object.values(drawn)) expect(Math.hypot(placed.x - other.x, placed.y - other.y)).toBeGreaterThanOrEqual(60);
    }
  });
});
