/**
 * Styling rules: the investigator colours, sizes or borders nodes and links by any property
 * (a value → colour table for categories, ranges for numbers). Rules are plain data, part of the
 * canvas model (so a change is an undoable command and a workspace saves them) and evaluated here
 * by pure functions the GraphView and the legend share.
 */
import type { GraphEdge, GraphNode, PropertyValue, StyleChannel, StyleRule, StyleTarget } from '../../main/api';
import type { CanvasCommand } from './canvas-model';

// The rules' schema is part of the workspace format (main/api/workspace.ts): a case's views keep them too.
export { STYLE_CHANNELS, STYLE_TARGETS, StyleRule, StyleRules, type StyleChannel, type StyleTarget } from '../../main/api';

/** What the rules give one element; a channel no rule matched is left to the default look. */
export interface RuleStyle {
  color?: string;
  size?: number;
  border?: string;
}

const NODE_FIELDS = ['kind', 'riskScore', 'degree', 'blacklisted'] as const;
const EDGE_FIELDS = ['kind', 'type'] as const;

/** The value a rule reads: a built-in field first, else the element's property of that name. */
export function styleValue(element: GraphNode | GraphEdge, target: StyleTarget, property: string): PropertyValue | undefined {
  const fields: readonly string[] = target === 'node' ? NODE_FIELDS : EDGE_FIELDS;
  if (fields.includes(property)) return (element as unknown as Record<string, PropertyValue>)[property];
  return element.properties[property];
}

/** The output of one rule for a value, or undefined when no entry or range holds it. */
export function ruleOutput(rule: StyleRule, value: PropertyValue | undefined): string | number | undefined {
  if (value === undefined || value === null) return undefined;
  if (rule.mapping.type === 'categories') return rule.mapping.entries.find((entry) => entry.value === String(value))?.output;
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  if (Number.isNaN(number)) return undefined;
  return rule.mapping.ranges.find((range) => (range.min === null || number >= range.min) && (range.max === null || number < range.max))?.output;
}

/** The look the rules give an element; a later rule on the same channel wins. */
export function evaluateStyleRules(rules: readonly StyleRule[], target: StyleTarget, element: GraphNode | GraphEdge): RuleStyle {
  const style: RuleStyle = {};
  for (const rule of rules) {
    if (rule.target !== target) continue;
    const output = ruleOutput(rule, styleValue(element, target, rule.property));
    if (output === undefined) continue;
    if (rule.channel === 'size' && typeof output === 'number') style.size = output;
    else if (rule.channel === 'color' && typeof output === 'string') style.color = output;
    else if (rule.channel === 'border' && typeof output === 'string') style.border = output;
  }
  return style;
}

/** The Cytoscape data fields the stylesheet reads a rule's look from (graph-style.ts). */
export const RULE_STYLE_KEYS = ['ruleColor', 'ruleSize', 'ruleBorder'] as const;

/** The rules' look of an element as Cytoscape data (absent fields leave the default look). */
export function ruleStyleData(rules: readonly StyleRule[], target: StyleTarget, element: GraphNode | GraphEdge): Partial<Record<(typeof RULE_STYLE_KEYS)[number], string | number>> {
  if (rules.length === 0) return {};
  const style = evaluateStyleRules(rules, target, element);
  return { ...(style.color ? { ruleColor: style.color } : {}), ...(style.size ? { ruleSize: style.size } : {}), ...(style.border ? { ruleBorder: style.border } : {}) };
}

/** Distinct, readable colours for categories (Tableau 10). */
export const CATEGORY_COLORS = ['#4E79A7', '#F28E2B', '#E15759', '#76B7B2', '#59A14F', '#EDC948', '#B07AA1', '#FF9DA7', '#9C755F', '#BAB0AC'] as const;
/** Light to dark for ranges of numbers (purples: apart from the risk colours, and dark enough for the white icons). */
const RANGE_COLORS = ['#B4A7D6', '#8E7CC3', '#674EA7', '#351C75'] as const;
const RANGE_SIZES: Record<StyleTarget, readonly number[]> = { node: [22, 32, 44, 58], edge: [1.5, 3, 5, 8] };
const CATEGORY_SIZES: Record<StyleTarget, readonly number[]> = { node: [24, 34, 44, 54], edge: [1.5, 3, 5, 7] };

/**
 * A first rule for a property from the values on the canvas: numbers get four equal ranges from the
 * smallest to the largest, anything else one entry per value (the most frequent first, at most ten).
 */
export function proposeStyleRule(id: string, target: StyleTarget, property: string, channel: StyleChannel, values: readonly (PropertyValue | undefined)[]): StyleRule | null {
  const known = values.filter((value): value is Exclude<PropertyValue, null> => value !== null && value !== undefined);
  if (known.length === 0) return null;
  if (known.every((value) => typeof value === 'number') && new Set(known).size > 2) {
    const numbers = known as number[];
    const low = Math.min(...numbers);
    const step = (Math.max(...numbers) - low) / 4;
    const outputs = channel === 'size' ? RANGE_SIZES[target] : RANGE_COLORS;
    // Three significant digits make readable bounds whether the values are scores (0.0123) or amounts
    // (12,300); values close together (1,000 to 1,003) need more, or two bounds would round to one.
    const exact = outputs.slice(1).map((_, index) => low + (index + 1) * step);
    const digits = [3, 4, 5, 6, 8, 10, 15].find((precision) => exact.every((value, index) => index === 0 || Number(value.toPrecision(precision)) > Number(exact[index - 1].toPrecision(precision)))) ?? 17;
    const bounds = exact.map((value) => Number(value.toPrecision(digits)));
    return {
      id,
      target,
      property,
      channel,
      mapping: { type: 'ranges', ranges: outputs.map((output, index) => ({ min: index === 0 ? null : bounds[index - 1], max: index === outputs.length - 1 ? null : bounds[index], output })) },
    };
  }
  const counts = new Map<string, number>();
  for (const value of known) counts.set(String(value), (counts.get(String(value)) ?? 0) + 1);
  const outputs: readonly (string | number)[] = channel === 'size' ? CATEGORY_SIZES[target] : CATEGORY_COLORS;
  const ordered = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, outputs.length);
  return { id, target, property, channel, mapping: { type: 'categories', entries: ordered.map(([value], index) => ({ value, output: outputs[index] })) } };
}

/** The styleable properties of what is drawn: built-in fields and every property key seen, sorted. */
export function styleableProperties(target: StyleTarget, elements: readonly (GraphNode | GraphEdge)[]): string[] {
  const keys = new Set<string>(target === 'node' ? NODE_FIELDS : EDGE_FIELDS);
  for (const element of elements) for (const key of Object.keys(element.properties)) keys.add(key);
  return [...keys].sort((a, b) => a.localeCompare(b));
}

/** Replaces the styling rules (add, change, remove): one undoable step. */
export function setStyleRules(rules: readonly StyleRule[]): CanvasCommand {
  return { label: 'style', apply: (model) => (JSON.stringify(model.styleRules) === JSON.stringify(rules) ? model : { ...model, styleRules: [...rules] }) };
}
