import { describe, expect, it } from 'vitest';
import { aggregateMoneyLinks, type GraphEdge, type GraphNode, type MoneyLink } from '../../../main/api';
import { addSubgraph, emptyCanvas } from '../../../renderer/graph/canvas-model';
import { edgeElement } from '../../../renderer/graph/elements';
import { MAX_MONEY_EDGE_WIDTH, MIN_MONEY_EDGE_WIDTH, moneyEdgeLabel, moneyEdgeSummary } from '../../../renderer/graph/money-edges';
import { formattersFor } from '../../../renderer/i18n/format';
import { i18n } from '../../../renderer/i18n/i18n';

const account = (id: string): GraphNode => ({ id, kind: 'account', key: id, label: id, properties: {}, riskScore: null, blacklisted: false, degree: 1 });
const transfer = (id: string, amount: number, at: string): MoneyLink => ({ id, source: 'account:A', target: 'account:B', type: 'TRANSFERRED_TO', kind: 'transfer', amount, currency: null, at });
/** A folded edge as the sources send it (graph.expand): the aggregate of its links. */
function foldedEdge(links: MoneyLink[]): GraphEdge {
  const [edge] = aggregateMoneyLinks(links);
  return { id: edge.id, source: edge.source, target: edge.target, type: edge.type, kind: edge.kind, properties: { count: edge.count, totalAmount: edge.totalAmount, firstAt: edge.firstAt, lastAt: edge.lastAt } };
}

describe('money links on the canvas', () => {
  const five = [1, 2, 3, 4, 5].map((day) => transfer(`t${day}`, 2_460, `2026-03-0${day}T10:00:00.000Z`));

  it('draws parallel transfers between two accounts as one edge, whichever end was expanded', () => {
    const edge = foldedEdge(five);
    const fromA = addSubgraph({ nodes: [account('account:A'), account('account:B')], edges: [edge] }, { anchorId: 'account:A' }).apply(emptyCanvas());
    const fromBoth = addSubgraph({ nodes: [account('account:B'), account('account:A')], edges: [foldedEdge([...five].reverse())] }, { anchorId: 'account:B' }).apply(fromA);
    expect(Object.values(fromBoth.edges)).toEqual([edge]);
    expect(moneyEdgeSummary(edge)).toEqual({ count: 5, totalAmount: 12_300, currency: null, firstAt: '2026-03-01T10:00:00.000Z', lastAt: '2026-03-05T10:00:00.000Z' });
  });

  it('labels the edge with count and total and widens it with the total', () => {
    const t = i18n.getFixedT('en');
    const label = (summary: Parameters<typeof moneyEdgeLabel>[0]) => moneyEdgeLabel(summary, t, formattersFor('en'));
    const big = edgeElement(foldedEdge(five), label);
    const small = edgeElement(foldedEdge([transfer('s', 80, '2026-03-01T10:00:00.000Z')]), label);
    expect(big.data.label).toBe('5× 12,300');
    expect(small.data.label).toBe('1× 80');
    expect(big.data.moneyWidth).toBeGreaterThan(small.data.moneyWidth!);
    expect(small.data.moneyWidth).toBeGreaterThanOrEqual(MIN_MONEY_EDGE_WIDTH);
    expect(edgeElement({ ...foldedEdge(five), properties: { count: 9, totalAmount: 1e12 } }).data.moneyWidth).toBe(MAX_MONEY_EDGE_WIDTH);
  });

  it('leaves identifier links unlabelled and at their kind width', () => {
    const element = edgeElement({ id: 'a-USES_DEVICE->d', source: 'a', target: 'd', type: 'USES_DEVICE', kind: 'identifier', properties: {} }, () => 'never');
    expect(element.data.label).toBeUndefined();
    expect(element.data.moneyWidth).toBeUndefined();
  });

  it('says "unknown" when no amount of the folded transfers is known', () => {
    const t = i18n.getFixedT('zh-CN');
    const element = edgeElement({ ...foldedEdge(five), properties: { count: 2, totalAmount: null } }, (summary) => moneyEdgeLabel(summary, t, formattersFor('zh-CN')));
    expect(element.data.label).toBe(`2 笔 ${t('money.unknown')}`);
    expect(element.data.moneyWidth).toBe(MIN_MONEY_EDGE_WIDTH);
  });
});
