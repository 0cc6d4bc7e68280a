import { describe, expect, it } from 'vitest';
import type { GraphNode, MoneyLink } from '../../../main/api';
import { execute, startHistory, undo } from '../../../renderer/graph/canvas-history';
import { addSubgraph, emptyCanvas, moveNodes } from '../../../renderer/graph/canvas-model';
import { followMoneyCommand } from '../../../renderer/money/follow-money';

const account = (id: string): GraphNode => ({ id, kind: 'account', key: id, label: id, properties: {}, riskScore: null, blacklisted: false, degree: null });
const transfer = (id: string, source: string, target: string, at: string): MoneyLink => ({ id, source, target, type: 'TRANSFERRED_TO', kind: 'transfer', amount: 50, currency: null, at });

describe('follow the money on the canvas', () => {
  const drawn = moveNodes({ a: { x: 0, y: 0 }, b: { x: 400, y: 0 } }).apply(addSubgraph({ nodes: [account('a'), account('b')], edges: [] }).apply(emptyCanvas()));
  const found = {
    nodes: [account('a'), account('c'), account('d')],
    links: [transfer('1', 'a', 'c', '2026-03-01T10:00:00Z'), transfer('2', 'a', 'c', '2026-03-01T11:00:00Z'), transfer('3', 'c', 'd', '2026-03-01T12:00:00Z')],
  };

  it('adds the nodes found near the node followed and the money edges folded, leaving drawn nodes where they were', () => {
    const after = followMoneyCommand(found, 'a').apply(drawn);
    expect(after.nodes.a.position).toEqual({ x: 0, y: 0 });
    expect(after.nodes.b.position).toEqual({ x: 400, y: 0 });
    for (const id of ['c', 'd']) {
      const { x, y } = after.nodes[id].position;
      // The expand placement: on rings around the parent, not on top of it.
      expect(Math.hypot(x, y)).toBeGreaterThan(50);
      expect(Math.hypot(x, y)).toBeLessThan(400);
    }
    expect(Object.keys(after.edges).sort()).toEqual(['a-TRANSFERRED_TO->c', 'c-TRANSFERRED_TO->d']);
    expect(after.edges['a-TRANSFERRED_TO->c'].properties).toMatchObject({ count: 2, totalAmount: 100 });
  });

  it('is one undo step named for what it did', () => {
    const history = execute(startHistory(drawn), followMoneyCommand(found, 'a'));
    expect(history.past.at(-1)?.label).toBe('follow');
    expect(undo(history).present).toBe(drawn);
  });

  it('changes nothing when the money found is already drawn', () => {
    const once = followMoneyCommand(found, 'a').apply(drawn);
    expect(followMoneyCommand(found, 'a').apply(once)).toBe(once);
  });
});
