/**
 * Editing a styling rule's outputs (the colour or size of each category value or range) and the
 * bounds of its ranges. The editor works on a draft holding the text as typed; `ruleFromDraft` turns
 * it into a rule, or into the issues that stop it, so the canvas only ever gets a valid rule.
 */
import { HexColor, styleRangeIssues, type StyleRangeIssue } from '../../main/api';
import type { StyleRule } from './style-rules';

/** What the editor shows: one output per entry or range (a colour, or a size as typed), and each range's bounds as typed ('' = open). */
export interface StyleRuleDraft {
  readonly outputs: readonly string[];
  /** Empty for a category rule. */
  readonly bounds: readonly { readonly min: string; readonly max: string }[];
}

/** Why a draft is no rule yet; `index` is the entry or range (from 0). */
export interface StyleDraftIssue {
  index: number;
  code: StyleRangeIssue['code'] | 'notANumber' | 'size' | 'colour';
}

const boundText = (bound: number | null) => (bound === null ? '' : String(bound));

export function draftOf(rule: StyleRule): StyleRuleDraft {
  if (rule.mapping.type === 'categories') return { outputs: rule.mapping.entries.map((entry) => String(entry.output)), bounds: [] };
  return { outputs: rule.mapping.ranges.map((range) => String(range.output)), bounds: rule.mapping.ranges.map((range) => ({ min: boundText(range.min), max: boundText(range.max) })) };
}

export function withOutput(draft: StyleRuleDraft, index: number, output: string): StyleRuleDraft {
  return { ...draft, outputs: draft.outputs.map((current, at) => (at === index ? output : current)) };
}

/**
 * Sets one bound. Where two ranges meet (one's max is the next one's min) moving the bound moves
 * both, as moving a fence between two fields does; a gap between ranges stays a gap.
 */
export function withBound(draft: StyleRuleDraft, index: number, end: 'min' | 'max', text: string): StyleRuleDraft {
  const neighbour = end === 'max' ? index + 1 : index - 1;
  const shared = draft.bounds[neighbour] !== undefined && draft.bounds[neighbour][end === 'max' ? 'min' : 'max'] === draft.bounds[index][end];
  return {
    ...draft,
    bounds: draft.bounds.map((bounds, at) => {
      if (at === index) return { ...bounds, [end]: text };
      if (at === neighbour && shared) return { ...bounds, [end === 'max' ? 'min' : 'max']: text };
      return bounds;
    }),
  };
}

/** A bound as typed: '' is an open end, anything else must be a plain number (no grouping commas). */
function parseBound(text: string): number | null | undefined {
  if (text.trim() === '') return null;
  const number = Number(text);
  return Number.isFinite(number) ? number : undefined;
}

/** The rule the draft describes, or the issues that stop it (then `rule` is null). */
export function ruleFromDraft(rule: StyleRule, draft: StyleRuleDraft): { rule: StyleRule; issues: [] } | { rule: null; issues: StyleDraftIssue[] } {
  const issues: StyleDraftIssue[] = [];
  const outputs = draft.outputs.map((text, index) => {
    if (rule.channel !== 'size') {
      if (!HexColor.safeParse(text).success) issues.push({ index, code: 'colour' });
      return text;
    }
    const size = text.trim() === '' ? Number.NaN : Number(text);
    if (!(size >= 1 && size <= 120)) issues.push({ index, code: 'size' });
    return size;
  });
  let candidate: StyleRule;
  if (rule.mapping.type === 'categories') {
    candidate = { ...rule, mapping: { type: 'categories', entries: rule.mapping.entries.map((entry, index) => ({ value: entry.value, output: outputs[index] })) } };
  } else {
    const ranges = draft.bounds.map(({ min, max }, index) => {
      const [low, high] = [parseBound(min), parseBound(max)];
      if (low === undefined || high === undefined) issues.push({ index, code: 'notANumber' });
      return { min: low ?? null, max: high ?? null, output: outputs[index] };
    });
    // Order and overlap only mean something once every bound is a number.
    if (issues.every((issue) => issue.code !== 'notANumber')) issues.push(...styleRangeIssues(ranges));
    candidate = { ...rule, mapping: { type: 'ranges', ranges } };
  }
  return issues.length > 0 ? { rule: null, issues: issues.sort((a, b) => a.index - b.index) } : { rule: candidate, issues: [] };
}

/** The rules with the edited one in place of its old self (same id), order kept. */
export function withRule(rules: readonly StyleRule[], edited: StyleRule): StyleRule[] {
  return rules.map((rule) => (rule.id === edited.id ? edited : rule));
}
