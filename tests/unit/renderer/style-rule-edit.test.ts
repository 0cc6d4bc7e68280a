import { describe, expect, it } from 'vitest';
import { StyleRule } from '../../../main/api';
import { draftOf, ruleFromDraft, withBound, withOutput, withRule } from '../../../renderer/graph/style-rule-edit';
import { proposeStyleRule } from '../../../renderer/graph/style-rules';

const byChannel: StyleRule = { id: 'c', target: 'node', property: 'channel', channel: 'color', mapping: { type: 'categories', entries: [{ value: 'app', output: '#4E79A7' }, { value: 'web', output: '#F28E2B' }] } };
const byRisk: StyleRule = {
  id: 'r',
  target: 'node',
  property: 'riskScore',
  channel: 'color',
  mapping: { type: 'ranges', ranges: [{ min: null, max: 0.3, output: '#B4A7D6' }, { min: 0.3, max: 0.7, output: '#8E7CC3' }, { min: 0.7, max: null, output: '#351C75' }] },
};
const bySize: StyleRule = { id: 's', target: 'edge', property: 'totalAmount', channel: 'size', mapping: { type: 'ranges', ranges: [{ min: null, max: 1000, output: 2 }, { min: 1000, max: null, output: 6 }] } };

describe('editing a styling rule', () => {
  it('changes the colour of one category value and keeps the others', () => {
    const edited = ruleFromDraft(byChannel, withOutput(draftOf(byChannel), 1, '#e15759'));
    expect(edited).toEqual({ rule: { ...byChannel, mapping: { type: 'categories', entries: [{ value: 'app', output: '#4E79A7' }, { value: 'web', output: '#e15759' }] } }, issues: [] });
  });

  it('moves a shared bound: the next range starts where the edited one now ends', () => {
    const draft = withBound(draftOf(byRisk), 0, 'max', '0.25');
    expect(draft.bounds.map(({ min, max }) => [min, max])).toEqual([['', '0.25'], ['0.25', '0.7'], ['0.7', '']]);
    const { rule } = ruleFromDraft(byRisk, withOutput(draft, 2, '#000000'));
    expect(rule?.mapping).toEqual({ type: 'ranges', ranges: [{ min: null, max: 0.25, output: '#B4A7D6' }, { min: 0.25, max: 0.7, output: '#8E7CC3' }, { min: 0.7, max: null, output: '#000000' }] });
    expect(StyleRule.safeParse(rule).success).toBe(true);
  });

  it('leaves a gap between ranges a gap: moving one side of it moves that side only', () => {
    const gapped: StyleRule = { ...byRisk, mapping: { type: 'ranges', ranges: [{ min: null, max: 0.3, output: '#B4A7D6' }, { min: 0.5, max: null, output: '#351C75' }] } };
    const draft = withBound(draftOf(gapped), 1, 'min', '0.6');
    expect(draft.bounds.map(({ min, max }) => [min, max])).toEqual([['', '0.3'], ['0.6', '']]);
    expect(ruleFromDraft(gapped, draft).rule?.mapping).toMatchObject({ ranges: [{ min: null, max: 0.3 }, { min: 0.6, max: null }] });
    // Pushed below the end of the range before, it overlaps it.
    expect(ruleFromDraft(gapped, withBound(draft, 1, 'min', '0.2'))).toEqual({ rule: null, issues: [{ index: 1, code: 'overlap' }] });
    // An empty bound is an open end: the first range can get a lower bound and lose it again.
    expect(ruleFromDraft(byRisk, withBound(draftOf(byRisk), 0, 'min', '-1')).rule?.mapping).toMatchObject({ ranges: [{ min: -1, max: 0.3 }, {}, {}] });
  });

  it('refuses empty, overlapping, unordered ranges and bounds that are no number, naming the range', () => {
    // The edited max pulls the next min along past the next max: range 2 holds nothing, range 3 overlaps range 1.
    expect(ruleFromDraft(byRisk, withBound(draftOf(byRisk), 0, 'max', '0.9')).issues).toEqual([{ index: 1, code: 'empty' }, { index: 2, code: 'overlap' }]);
    const unordered: StyleRule = { ...bySize, mapping: { type: 'ranges', ranges: [{ min: 10, max: 20, output: 2 }, { min: 0, max: 5, output: 6 }] } };
    expect(ruleFromDraft(unordered, draftOf(unordered)).issues).toEqual([{ index: 1, code: 'order' }]);
    expect(ruleFromDraft(byRisk, withBound(draftOf(byRisk), 1, 'max', '0,5')).issues).toEqual([{ index: 1, code: 'notANumber' }, { index: 2, code: 'notANumber' }]);
  });

  it('edits the size of a range and refuses a size the canvas cannot draw', () => {
    expect(ruleFromDraft(bySize, withOutput(draftOf(bySize), 1, '8')).rule?.mapping).toMatchObject({ ranges: [{ output: 2 }, { output: 8 }] });
    expect(ruleFromDraft(bySize, withOutput(draftOf(bySize), 1, '500')).issues).toEqual([{ index: 1, code: 'size' }]);
    expect(ruleFromDraft(bySize, withOutput(draftOf(bySize), 0, '')).issues).toEqual([{ index: 0, code: 'size' }]);
    expect(ruleFromDraft(byChannel, withOutput(draftOf(byChannel), 0, 'red')).issues).toEqual([{ index: 0, code: 'colour' }]);
  });

  it('an unchanged draft gives back the same rule, and the edited rule replaces its old self in place', () => {
    expect(ruleFromDraft(byRisk, draftOf(byRisk)).rule).toEqual(byRisk);
    const { rule } = ruleFromDraft(byChannel, withOutput(draftOf(byChannel), 0, '#000000'));
    expect(withRule([byRisk, byChannel, bySize], rule!).map((each) => each.id)).toEqual(['r', 'c', 's']);
    expect(withRule([byRisk, byChannel, bySize], rule!)[1]).toBe(rule);
  });
});

describe('the contract refuses ranges that cannot stand', () => {
  it('refuses overlapping ranges in a saved rule, and proposes none that hold nothing', () => {
    const overlapping = { ...byRisk, mapping: { type: 'ranges', ranges: [{ min: null, max: 0.5, output: '#B4A7D6' }, { min: 0.3, max: null, output: '#8E7CC3' }] } };
    expect(StyleRule.safeParse(overlapping).success).toBe(false);
    expect(StyleRule.safeParse(byRisk).success).toBe(true);
    // Amounts close together rounded to three digits would give ranges like [1000, 1000).
    const proposed = proposeStyleRule('p', 'edge', 'totalAmount', 'color', [1000, 1001, 1002, 1003]);
    expect(StyleRule.safeParse(proposed).success).toBe(true);
  });
});
