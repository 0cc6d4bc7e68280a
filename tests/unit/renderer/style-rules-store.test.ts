// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { StyleRule } from '../../../renderer/graph/style-rules';
import { loadStyleRules, saveStyleRules, styleRulesKey } from '../../../renderer/graph/style-rules-store';

const rule: StyleRule = { id: 'r', target: 'edge', property: 'totalAmount', channel: 'color', mapping: { type: 'ranges', ranges: [{ min: 1000, max: null, output: '#E15759' }] } };

afterEach(() => localStorage.clear());

describe('styling rules follow the connection', () => {
  it('keeps each connection’s rules apart', () => {
    const team = styleRulesKey({ kind: 'neo4j', name: 'bolt://graph.team:7687/neo4j' });
    const demo = styleRulesKey({ kind: 'embedded', name: 'demo' });
    saveStyleRules(team, [rule]);
    expect(loadStyleRules(team)).toEqual([rule]);
    expect(loadStyleRules(demo)).toEqual([]);
    saveStyleRules(team, []);
    expect(localStorage.getItem(team)).toBeNull();
  });

  it('ignores saved text that is not valid rules instead of failing the canvas', () => {
    const key = styleRulesKey({ kind: 'embedded', name: 'demo' });
    localStorage.setItem(key, '{not json');
    expect(loadStyleRules(key)).toEqual([]);
    localStorage.setItem(key, JSON.stringify([{ ...rule, channel: 'border' }]));
    expect(loadStyleRules(key)).toEqual([]);
  });
});
