import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode } from '../../../main/api';
import { execute, startHistory, undo } from '../../../renderer/graph/canvas-history';
import { addSubgraph, emptyCanvas, replaceWith } from '../../../renderer/graph/canvas-model';
import { nodeElement } from '../../../renderer/graph/elements';
import { evaluateStyleRules, proposeStyleRule, ruleStyleData, setStyleRules, StyleRule } from '../../../renderer/graph/style-rules';

const account = (id: string, riskScore: number | null, properties: GraphNode['properties'] = {}): GraphNode => ({ id, kind: 'account', key: id, label: id, properties, riskScore, blacklisted: false, degree: 3 });
const transfer: GraphEdge = { id: 'a-T->b', source: 'a', target: 'b', type: 'TRANSFERRED_TO', kind: 'transfer', properties: { count: 3, totalAmount: 900 } };

const byChannel: StyleRule = { id: 'c', target: 'node', property: 'channel', channel: 'color', mapping: { type: 'categories', entries: [{ value: 'app', output: '#4E79A7' }, { value: 'web', output: '#F28E2B' }] } };
const bySize: StyleRule = { id: 's', target: 'node', property: 'riskScore', channel: 'size', mapping: { type: 'ranges', ranges: [{ min: null, max: 0.5, output: 20 }, { min: 0.5, max: null, output: 50 }] } };

describe('styling rules', () => {
  it('maps a category to its colour and a number to the range that holds it, [min, max)', () => {
    expect(evaluateStyleRules([byChannel, bySize], 'node', account('a', 0.2, { channel: 'web' }))).toEqual({ color: '#F28E2B', size: 20 });
    expect(evaluateStyleRules([byChannel, bySize], 'node', account('a', 0.5, { channel: 'app' }))).toEqual({ color: '#4E79A7', size: 50 });
  });

  it('leaves the default look where the value is unknown or listed nowhere', () => {
    expect(evaluateStyleRules([byChannel, bySize], 'node', account('a', null, { channel: 'kiosk' }))).toEqual({});
    expect(ruleStyleData([byChannel], 'node', account('a', null))).toEqual({});
  });

  it('lets a later rule on the same channel win, and applies node rules to nodes only', () => {
    const red: StyleRule = { ...byChannel, id: 'red', mapping: { type: 'categories', entries: [{ value: 'web', output: '#FF0000' }] } };
    expect(evaluateStyleRules([byChannel, red], 'node', account('a', null, { channel: 'web' })).color).toBe('#FF0000');
    expect(evaluateStyleRules([byChannel], 'edge', transfer)).toEqual({});
  });

  it('styles links by their folded totals', () => {
    const wide: StyleRule = { id: 'w', target: 'edge', property: 'totalAmount', channel: 'size', mapping: { type: 'ranges', ranges: [{ min: 500, max: null, output: 8 }] } };
    expect(ruleStyleData([wide], 'edge', transfer)).toEqual({ ruleSize: 8 });
  });

  it('proposes four ranges for numbers and one colour per category, most frequent first', () => {
    const ranges = proposeStyleRule('r', 'node', 'riskScore', 'color', [0, 0.2, 0.4, 0.8, null]);
    expect(ranges?.mapping).toEqual({
      type: 'ranges',
      ranges: [
        { min: null, max: 0.2, output: '#B4A7D6' },
        { min: 0.2, max: 0.4, output: '#8E7CC3' },
        { min: 0.4, max: 0.6, output: '#674EA7' },
        { min: 0.6, max: null, output: '#351C75' },
      ],
    });
    const categories = proposeStyleRule('k', 'node', 'channel', 'border', ['web', 'app', 'web']);
    expect(categories?.mapping.type === 'categories' && categories.mapping.entries.map((entry) => entry.value)).toEqual(['web', 'app']);
    expect(StyleRule.safeParse(categories).success).toBe(true);
    expect(proposeStyleRule('n', 'node', 'channel', 'color', [null, undefined])).toBeNull();
  });

  it('refuses a colour where a size belongs and a border on links', () => {
    expect(StyleRule.safeParse({ ...bySize, mapping: { type: 'ranges', ranges: [{ min: null, max: null, output: '#FF0000' }] } }).success).toBe(false);
    expect(StyleRule.safeParse({ ...byChannel, target: 'edge', channel: 'border' }).success).toBe(false);
  });

  it('is one undo step: undo brings back the rules before the change', () => {
    const drawn = startHistory(addSubgraph({ nodes: [account('a', 0.1)], edges: [] }).apply(emptyCanvas()));
    const added = execute(drawn, setStyleRules([byChannel]));
    const changed = execute(added, setStyleRules([byChannel, bySize]));
    expect(changed.past.at(-1)?.label).toBe('style');
    expect(undo(changed).present.styleRules).toEqual([byChannel]);
    expect(undo(undo(changed)).present.styleRules).toEqual([]);
    // Setting the same rules again is no step at all.
    expect(execute(changed, setStyleRules([byChannel, bySize]))).toBe(changed);
  });
});

describe('ring members are coloured by the higher of their own risk and the ring score', () => {
  it('draws a low-risk member of a 0.93 ring as high risk, and an outsider by its own score', () => {
    const model = replaceWith({ nodes: [account('m', 0.12), account('o', 0.12)], edges: [] }, ['m'], 0.93).apply(emptyCanvas());
    expect(model.ringScores).toEqual({ m: 0.93 });
    expect(nodeElement(model.nodes.m.node, 50, String, model.ringScores.m).classes).toContain('risk-high');
    expect(nodeElement(model.nodes.o.node, 50, String, model.ringScores.o ?? null).classes).toContain('risk-low');
    // A member riskier than its ring keeps its own score.
    expect(nodeElement(account('x', 0.97), 50, String, 0.5).data.riskScore).toBe(0.97);
  });
});
