/**
 * The `.ringscope` workspace format: the Explore canvas saved by reference (node and link ids with
 * positions, pins, hidden marks, groups, filters, highlight) plus the graph source it came from.
 * One schema for workspace files on disk and for the named views a case keeps (cases.saveView).
 */
import { z } from 'zod';
import { EdgeKind, NodeKind } from './model';

export const WORKSPACE_FORMAT = 'ringscope-workspace';
export const WORKSPACE_VERSION = 1;

/** Risk bands an analyst reads at a glance (the canvas filters name them). */
export const RISK_BANDS = ['low', 'medium', 'high', 'unknown'] as const;

const ElementId = z.string().min(1).max(512);
const Point = z.strictObject({ x: z.number().finite(), y: z.number().finite() });

export const WorkspaceFile = z.strictObject({
  format: z.literal(WORKSPACE_FORMAT),
  version: z.literal(WORKSPACE_VERSION),
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
export type WorkspaceFile = z.infer<typeof WorkspaceFile>;

/**
 * How much canvas a case keeps per view: as much as Explore draws from one opened cluster, and
 * small enough that a saved view fits one request of the HTTP shell (1 MiB).
 */
export const CASE_VIEW_LIMITS = { nodes: 2_000, edges: 8_000, groups: 500 } as const;

/** A workspace as a case keeps it: the same format, bounded in size. */
export const CaseViewWorkspace = WorkspaceFile.extend({
  nodes: WorkspaceFile.shape.nodes.max(CASE_VIEW_LIMITS.nodes),
  edges: WorkspaceFile.shape.edges.max(CASE_VIEW_LIMITS.edges),
  groups: WorkspaceFile.shape.groups.max(CASE_VIEW_LIMITS.groups),
  highlighted: WorkspaceFile.shape.highlighted.max(CASE_VIEW_LIMITS.nodes),
});
