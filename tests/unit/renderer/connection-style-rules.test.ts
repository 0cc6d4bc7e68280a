// @vitest-environment happy-dom
import { renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SourceInfo } from '../../../main/api';
import { useConnectionStyleRules } from '../../../renderer/explore/use-connection-style-rules';
import type { StyleRule } from '../../../renderer/graph/style-rules';
import { loadStyleRules, saveStyleRules, styleRulesKey } from '../../../renderer/graph/style-rules-store';

const demo: SourceInfo = { kind: 'embedded', name: 'demo', accountCount: 20_000 };
const team: SourceInfo = { kind: 'neo4j', name: 'bolt://graph.team:7687/neo4j', accountCount: null };
const rule = (id: string): StyleRule => ({ id, target: 'node', property: 'kind', channel: 'color', mapping: { type: 'categories', entries: [{ value: 'account', output: '#4E79A7' }] } });

afterEach(() => localStorage.clear());

describe('useConnectionStyleRules', () => {
  it('takes on the connected source’s rules, saves changes for it, and leaves the other connection’s rules alone', () => {
    saveStyleRules(styleRulesKey(team), [rule('team')]);
    const adopt = vi.fn();
    const { rerender } = renderHook(({ source, rules }) => useConnectionStyleRules(source, rules, adopt), { initialProps: { source: null as SourceInfo | null, rules: [] as StyleRule[] } });
    expect(adopt).not.toHaveBeenCalled();

    rerender({ source: demo, rules: [] });
    expect(adopt).toHaveBeenLastCalledWith([]);
    rerender({ source: demo, rules: [rule('mine')] });
    expect(loadStyleRules(styleRulesKey(demo))).toEqual([rule('mine')]);

    // Connecting to the team graph: the demo's rules still on the canvas are not saved as the team's.
    rerender({ source: team, rules: [rule('mine')] });
    expect(adopt).toHaveBeenLastCalledWith([rule('team')]);
    expect(loadStyleRules(styleRulesKey(team))).toEqual([rule('team')]);
    rerender({ source: team, rules: [rule('team')] });
    expect(loadStyleRules(styleRulesKey(team))).toEqual([rule('team')]);
    expect(loadStyleRules(styleRulesKey(demo))).toEqual([rule('mine')]);
  });
});
