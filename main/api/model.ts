/**
 * Plain data shared by every layer: the DTOs that cross the Api boundary.
 * Driver objects (neo4j Integer, Node, Relationship) never get past a GraphSource;
 * what the renderer sees is only these shapes, validated by the zod schemas below.
 */
import { z } from 'zod';

/** The languages RingScope's UI and reports are written in. */
export const UI_LOCALES = ['en', 'zh-CN'] as const;
export const UiLocale = z.enum(UI_LOCALES);
export type UiLocale = z.infer<typeof UiLocale>;

/** Kinds of node the workbench knows how to draw and reason about; `identifier` is a kind a team mapped itself (SSN, wallet). */
export const NODE_KINDS = ['account', 'device', 'phone', 'ip', 'card', 'address', 'email', 'identifier', 'merchant'] as const;
export const NodeKind = z.enum(NODE_KINDS);
export type NodeKind = z.infer<typeof NodeKind>;

/** Shared identifiers: the things fraud rings reuse across accounts. */
export const IDENTIFIER_KINDS = ['device', 'phone', 'ip', 'card', 'address', 'email'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

/** Pictures an identifier entry can be drawn with; `generic` for kinds RingScope has no picture of. */
export const IDENTIFIER_ICONS = ['device', 'phone', 'ip', 'card', 'address', 'email', 'id-card', 'wallet', 'wifi', 'generic'] as const;
export const IdentifierIcon = z.enum(IDENTIFIER_ICONS);
export type IdentifierIcon = z.infer<typeof IdentifierIcon>;

/** How the mapping names and draws an identifier node: the investigator's word (null: the kind's own) and picture. */
export const IdentifierType = z.strictObject({ displayName: z.string().max(40).nullable(), icon: IdentifierIcon });
export type IdentifierType = z.infer<typeof IdentifierType>;

/** What an edge means to an investigator, whatever its relationship type is called in the graph. */
export const EDGE_KINDS = ['identifier', 'transfer', 'payment'] as const;
export const EdgeKind = z.enum(EDGE_KINDS);
export type EdgeKind = z.infer<typeof EdgeKind>;

/** The four kinds of planted / detected fraud ring. */
export const RING_KINDS = ['shared-identity', 'cash-out', 'laundering-cycle', 'mule-fan-in'] as const;
export const RingKind = z.enum(RING_KINDS);
export type RingKind = z.infer<typeof RingKind>;

export const PropertyValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type PropertyValue = z.infer<typeof PropertyValue>;

/**
 * A node as the UI sees it. `id` is opaque and source-specific (stable for the source's lifetime);
 * `key` is the business key (userId, masked phone number, …); PII in `label`, `key` and
 * `properties` is already masked by the core.
 */
export const GraphNode = z.strictObject({
  id: z.string().min(1),
  kind: NodeKind,
  key: z.string(),
  label: z.string(),
  properties: z.record(z.string(), PropertyValue),
  riskScore: z.number().nullable(),
  blacklisted: z.boolean(),
  /** Number of neighbours in the whole graph, when the source knows it cheaply (hub detection). */
  degree: z.number().int().nonnegative().nullable(),
  /** Identifiers of a mapped entry with its own name or picture (a team's Neo4j); absent: drawn and named by kind. */
  identifierType: IdentifierType.optional(),
});
export type GraphNode = z.infer<typeof GraphNode>;

export const GraphEdge = z.strictObject({
  id: z.string().min(1),
  source: z.string().min(1),
  target: z.string().min(1),
  /** Relationship type as stored, e.g. USES_DEVICE, TRANSFERRED_TO. */
  type: z.string().min(1),
  kind: EdgeKind,
  properties: z.record(z.string(), PropertyValue),
});
export type GraphEdge = z.infer<typeof GraphEdge>;

export const Subgraph = z.strictObject({
  nodes: z.array(GraphNode),
  edges: z.array(GraphEdge),
});
export type Subgraph = z.infer<typeof Subgraph>;

export const SourceInfo = z.strictObject({
  kind: z.enum(['embedded', 'neo4j']),
  /** Neo4j: the address shown in the top bar, e.g. "bolt://host:7687/neo4j"; embedded: "demo", which readers word in their language. */
  name: z.string(),
  accountCount: z.number().int().nonnegative().nullable(),
});
export type SourceInfo = z.infer<typeof SourceInfo>;
