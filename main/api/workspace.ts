/**
 * The `.ringscope` workspace format: the Explore canvas saved by reference (node and link ids with
 * positions, pins, hidden marks, groups, filters, highlight) plus the graph source it came from.
 * One schema for workspace files on disk and for the named views a case keeps (cases.saveView).
 */
import { z } from 'zod';
import { EdgeKind, NodeKind } from './model';

export const WORKSPACE_FORMAT = 'ringscope-workspace';
/** The version this build writes; every older version listed in WorkspaceFile still opens. */
export const WORKSPACE_VERSION = 2;

/** Risk bands an analyst reads at a glance (the canvas filters name them). */
export const RISK_BANDS = ['low', 'medium', 'high', 'unknown'] as const;

const ElementId = z.string().min(1).max(512);

/**
 * Styling rules: colour, size or border of nodes and links by a property (a value → colour table for
 * categories, ranges for numbers). Saved per connection and in a workspace.
 */
export const STYLE_TARGETS = ['node', 'edge'] as const;
export type StyleTarget = (typeof STYLE_TARGETS)[number];
/** colour: node fill / line colour; size: node diameter / line width; border: node rim colour (links have none). */
export const STYLE_CHANNELS = ['color', 'size', 'border'] as const;
export type StyleChannel = (typeof STYLE_CHANNELS)[number];

/** Why a numeric rule's ranges cannot stand: a range that holds nothing, one that begins where an earlier one is still open, one out of order. */
export const STYLE_RANGE_ISSUES = ['empty', 'overlap', 'order'] as const;
export type StyleRangeIssue = { index: number; code: (typeof STYLE_RANGE_ISSUES)[number] };

/**
 * Ranges must hold something ([min, max) with min < max) and follow each other from low to high
 * without overlapping; an open end (null) is below or above everything. Gaps are allowed: a value
 * in one keeps the default look. One check for the contract and the rule editor.
 */
export function styleRangeIssues(ranges: readonly { min: number | null; max: number | null }[]): StyleRangeIssue[] {
  const low = (range: { min: number | null }) => range.min ?? Number.NEGATIVE_INFINITY;
  const high = (range: { max: number | null }) => range.max ?? Number.POSITIVE_INFINITY;
  const issues: StyleRangeIssue[] = [];
  let previous: { min: number | null; max: number | null } | null = null;
  for (const [index, range] of ranges.entries()) {
    if (low(range) >= high(range)) issues.push({ index, code: 'empty' });
    else {
      // Compared with the last range that holds something, so an empty one in between hides no overlap.
      if (previous && high(range) <= low(previous)) issues.push({ index, code: 'order' });
      else if (previous && low(range) < high(previous)) issues.push({ index, code: 'overlap' });
      previous = range;
    }
  }
  return issues;
}

export const HexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1f77b4');
const Size = z.number().finite().min(1).max(120);
const Output = z.union([HexColor, Size]);

export const StyleRule = z
  .strictObject({
    id: z.string().min(1).max(64),
    target: z.enum(STYLE_TARGETS),
    /** A built-in field (kind, riskScore, degree, blacklisted, type) or a key of the element's properties. */
    property: z.string().min(1).max(200),
    channel: z.enum(STYLE_CHANNELS),
    mapping: z.discriminatedUnion('type', [
      z.strictObject({ type: z.literal('categories'), entries: z.array(z.strictObject({ value: z.string(), output: Output })).min(1).max(50) }),
      z.strictObject({
        type: z.literal('ranges'),
        /** [min, max): an open end is null. The first range that holds the value wins. */
        ranges: z.array(z.strictObject({ min: z.number().finite().nullable(), max: z.number().finite().nullable(), output: Output })).min(1).max(20),
      }),
    ]),
  })
  .superRefine((rule, context) => {
    if (rule.target === 'edge' && rule.channel === 'border') context.addIssue({ code: 'custom', message: 'links have no border', path: ['channel'] });
    const outputs = rule.mapping.type === 'categories' ? rule.mapping.entries : rule.mapping.ranges;
    const wanted = rule.channel === 'size' ? 'number' : 'string';
    outputs.forEach((entry, index) => {
      if (typeof entry.output !== wanted) context.addIssue({ code: 'custom', message: rule.channel === 'size' ? 'must be a size' : 'must be a colour', path: ['mapping', rule.mapping.type === 'categories' ? 'entries' : 'ranges', index, 'output'] });
    });
    if (rule.mapping.type === 'ranges') {
      for (const issue of styleRangeIssues(rule.mapping.ranges)) context.addIssue({ code: 'custom', message: `range ${issue.code === 'empty' ? 'holds no value' : issue.code === 'order' ? 'is out of order' : 'overlaps the one before'}`, path: ['mapping', 'ranges', issue.index] });
    }
  });
export type StyleRule = z.infer<typeof StyleRule>;
export const StyleRules = z.array(StyleRule).max(50);

const Point = z.strictObject({ x: z.number().finite(), y: z.number().finite() });

const WorkspaceFileV1 = z.strictObject({
  format: z.literal(WORKSPACE_FORMAT),
  version: z.literal(1),
  savedAt: z.string().max(64),
  source: z.strictObject({ kind: z.enum(['embedded', 'neo4j']), name: z.string().max(512) }).nullable(),
  nodes: z.array(
    z.strictObject({
      id: ElementId,
      position: Point,
      pinned: z.boolean(),
      hidden: z.boolean(),
      groupId: ElementId.nullable(),
      page: z.strictObject({ totalNeighbours: z.number().int().nonnegative(), nextOffset: z.number().int().nonnegative().nullable() }).nullable(),
    }),
  ),
  edges: z.array(ElementId),
  groups: z.array(z.strictObject({ id: ElementId, label: z.string().max(200) })),
  highlighted: z.array(ElementId),
  filters: z.strictObject({
    nodeKinds: z.array(NodeKind),
    edgeKinds: z.array(EdgeKind),
    riskBands: z.array(z.enum(RISK_BANDS)),
    blacklist: z.enum(['any', 'only', 'exclude']),
    mode: z.enum(['grey', 'hide']),
  }),
});

/**
 * Version 2 adds whether each group is collapsed, the styling rules and the scores of the opened
 * rings (members coloured by the higher of theirs and their ring's).
 */
export const WorkspaceFile = WorkspaceFileV1.extend({
  version: z.literal(WORKSPACE_VERSION),
  groups: z.array(z.strictObject({ id: ElementId, label: z.string().max(200), collapsed: z.boolean() })),
  styleRules: StyleRules,
  ringScores: z.record(ElementId, z.number().finite()),
});
/** A workspace as this build writes it; older versions are upgraded to it when opened. */
export type WorkspaceFile = z.infer<typeof WorkspaceFile>;

/**
 * The schema each version this build opens is checked against (its own, so the first problem named
 * is one that version has), upgrading the file to the current version.
 */
export const WORKSPACE_FILE_BY_VERSION: Readonly<Record<number, z.ZodType<WorkspaceFile, unknown>>> = {
  1: WorkspaceFileV1.transform((file): WorkspaceFile => ({ ...file, version: WORKSPACE_VERSION, groups: file.groups.map((group) => ({ ...group, collapsed: false })), styleRules: [], ringScores: {} })),
  [WORKSPACE_VERSION]: WorkspaceFile,
};

/**
 * How much canvas a case keeps per view: as much as Explore draws from one opened cluster, and
 * small enough that a saved view fits one request of the HTTP shell (1 MiB).
 */
export const CASE_VIEW_LIMITS = { nodes: 2_000, edges: 8_000, groups: 500 } as const;

/** A workspace as a case keeps it: the current version (views are saved by this build), bounded in size. */
export const CaseViewWorkspace = WorkspaceFile.extend({
  nodes: WorkspaceFile.shape.nodes.max(CASE_VIEW_LIMITS.nodes),
  edges: WorkspaceFile.shape.edges.max(CASE_VIEW_LIMITS.edges),
  groups: WorkspaceFile.shape.groups.max(CASE_VIEW_LIMITS.groups),
  highlighted: WorkspaceFile.shape.highlighted.max(CASE_VIEW_LIMITS.nodes + CASE_VIEW_LIMITS.edges),
  ringScores: WorkspaceFile.shape.ringScores.refine((scores) => Object.keys(scores).length <= CASE_VIEW_LIMITS.nodes, 'too many ring scores'),
});
