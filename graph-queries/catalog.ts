/**
 * Every Cypher statement RingScope runs, by name: the text (from the .cypher file of that name),
 * the zod schema of its parameters and the zod schema of one result row (after the driver's values
 * were turned into plain ones by the Neo4j source's bolt mapping).
 *
 * The texts come from `query-files.ts`: read from disk when run from source (tsx, vitest), inlined
 * into the bundle by esbuild.config.mjs, so a packaged app reads no query file at run time. The
 * queries stay plain .cypher text that tools and reviewers can open.
 *
 * Labels, relationship types and property keys cannot be Cypher parameters, so statements that need
 * them hold placeholders like {{accountLabel}}. `renderQuery` fills them only with `QuotedName`s,
 * which only `quoteName` makes; callers quote names that were checked against the discovered schema.
 */
import { z } from 'zod';
import { readQueryFile } from './query-files';

/** Plain shape of a node after bolt mapping: what row schemas expect where the query returns a node. */
export const PlainNode = z.object({
  elementId: z.string(),
  labels: z.array(z.string()),
  properties: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type PlainNode = z.infer<typeof PlainNode>;

export const PlainRelationship = z.object({
  elementId: z.string(),
  type: z.string(),
  startNodeElementId: z.string(),
  endNodeElementId: z.string(),
  properties: PlainNode.shape.properties,
});
export type PlainRelationship = z.infer<typeof PlainRelationship>;

const count = z.number().int().nonnegative();
const Ids = z.array(z.string()).max(100_000);
const Limit = z.number().int().min(1).max(100_000);
const Rows = z.array(z.record(z.string(), z.unknown())).max(50_000);
const NodeWithDegree = z.object({ node: PlainNode, degree: count });
const noParams = z.object({}).strict();
/** Name of a GDS in-memory graph RingScope projects (gds-*.cypher). */
const GdsGraphName = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/);
const nullableNumber = z.number().nullable();
/** A time as stored: ISO string from a Neo4j temporal, or epoch milliseconds. */
const Temporal = z.union([z.string(), z.number()]).nullable();

/** A search's first hits and how many matched in all (up to the query's cap). */
const CountedHits = z.object({ total: count, hits: z.array(NodeWithDegree) });
/** One money link as stored, with both end nodes. */
const MoneyLinkRow = z.object({ id: z.string(), source: PlainNode, target: PlainNode, type: z.string(), amount: nullableNumber, at: Temporal });
/** Start and goal of a path search, each resolved like node-by-ref (exactly one key set). */
const NodeRefParam = z.object({ accountId: z.string().nullable(), merchantId: z.string().nullable(), elementId: z.string().nullable() });
const PathEnds = z.object({ from: NodeRefParam, to: NodeRefParam, transferType: z.string().nullable(), paymentType: z.string().nullable() });
const PathRow = z.object({
  path: z
    .object({
      nodes: z.array(NodeWithDegree),
      hops: z.array(
        z.object({ source: z.string(), target: z.string(), type: z.string(), count, totalAmount: nullableNumber, firstAt: Temporal, lastAt: Temporal }),
      ),
    })
    .nullable(),
});
/**
 * The mapped event-node links, as values the exploration statements match event nodes against (their
 * names are also in the statement text, quoted, for the pattern; see eventLinksParam).
 */
const EventLinks = z.array(
  z.object({ fromType: z.string(), eventLabel: z.string(), toType: z.string(), amountProperty: z.string().nullable(), timeProperty: z.string().nullable() }),
);
/** The mapped event-node links whose far end is a merchant (see eventPaymentsParam). */
const EventPayments = z.array(
  z.object({
    fromType: z.string(),
    eventLabel: z.string(),
    toType: z.string(),
    merchantLabel: z.string(),
    merchantIdProperty: z.string(),
    amountProperty: z.string().nullable(),
    timeProperty: z.string().nullable(),
  }),
);
/** A link between two accounts with the amount and time it carries (unknown: null). */
const AccountLinkRow = z.object({ accountId: z.string(), otherId: z.string().nullable(), amount: nullableNumber, at: Temporal });

/** An :RSAuditEvent as stored, its details as JSON text. */
const StoredAuditEvent = z.object({
  seq: count,
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  caseId: z.string().nullable(),
  details: z.string(),
  prevHash: z.string(),
  // Absent (null) on events of RingScope's own workers and on events written before signing.
  actorKey: z.string().nullable().optional(),
  signature: z.string().nullable().optional(),
  hash: z.string(),
});

/** Every catalogued statement: file name (without .cypher) → params and row schema. */
const definitions = {
  'search-accounts-by-id': { params: z.object({ prefixes: Ids, limit: Limit }), row: NodeWithDegree },
  'merchants-by-id': { params: z.object({ ids: Ids, limit: Limit, eventPayments: EventPayments }), row: NodeWithDegree },
  'identifiers-by-value': { params: z.object({ values: Ids, limit: Limit }), row: NodeWithDegree },
  'accounts-by-identifier': { params: z.object({ elementId: z.string(), limit: Limit }), row: NodeWithDegree },
  'node-by-ref': {
    params: z.object({ accountId: z.string().nullable(), merchantId: z.string().nullable(), elementId: z.string().nullable(), eventPayments: EventPayments }),
    row: NodeWithDegree,
  },
  'neighbourhood-page': {
    params: z.object({
      elementId: z.string(),
      offset: z.number().int().nonnegative(),
      limit: Limit,
      transferType: z.string().nullable(),
      paymentType: z.string().nullable(),
      eventLinks: EventLinks,
      eventPayments: EventPayments,
    }),
    row: z.object({
      neighbour: PlainNode,
      neighbourDegree: count,
      flows: z.array(
        z.object({
          type: z.string(),
          outgoing: z.boolean(),
          count,
          totalAmount: nullableNumber,
          firstAt: Temporal,
          lastAt: Temporal,
        }),
      ),
    }),
  },
  'shortest-path': { params: PathEnds, row: PathRow },
  'all-shortest-paths': { params: PathEnds.extend({ limit: Limit }), row: PathRow },
  'path-to-known-bad': { params: PathEnds.omit({ to: true }).extend({ hubCutoff: z.number().int().nonnegative() }), row: PathRow },
  'path-next-hop': {
    params: z.object({ frontier: Ids, eventLinks: EventLinks, hubCutoff: z.number().int().nonnegative().nullable() }),
    row: z.object({ fromId: z.string(), nextId: z.string(), knownBadId: z.union([z.string(), z.number()]).nullable() }),
  },
  'path-hops': { params: PathEnds.omit({ from: true, to: true }).extend({ paths: z.array(Ids).max(101), eventLinks: EventLinks }), row: PathRow },
  'fulltext-index-list': { params: noParams, row: z.object({ name: z.string(), labels: z.array(z.string()), properties: z.array(z.string()) }) },
  'fulltext-search': { params: z.object({ indexName: z.string(), query: z.string(), limit: Limit, countCap: Limit }), row: CountedHits },
  'text-prefix-search': { params: z.object({ prefixes: Ids, limit: Limit, countCap: Limit }), row: CountedHits },
  'identifiers-by-suffix': { params: z.object({ suffix: z.string().min(1), limit: Limit, countCap: Limit }), row: CountedHits },
  'money-links-among': {
    params: z.object({
      accountIds: Ids,
      merchantIds: Ids,
      transferType: z.string().nullable(),
      paymentType: z.string().nullable(),
      eventLinks: EventLinks,
      eventPayments: EventPayments,
      fromMillis: z.number().int().nullable(),
      toMillis: z.number().int().nullable(),
      limit: Limit,
    }),
    row: MoneyLinkRow,
  },
  'money-links-next-hop': {
    params: z.object({
      frontier: Ids,
      forward: z.boolean(),
      transferType: z.string().nullable(),
      paymentType: z.string().nullable(),
      eventLinks: EventLinks,
      eventPayments: EventPayments,
      fromMillis: z.number().int().nullable(),
      toMillis: z.number().int().nullable(),
      limit: Limit,
    }),
    row: MoneyLinkRow,
  },
  'count-neighbours': { params: z.object({ elementId: z.string(), eventLinks: EventLinks, eventPayments: EventPayments }), row: z.object({ totalNeighbours: count }) },
  'node-details': { params: z.object({ elementId: z.string(), eventLinks: EventLinks, eventPayments: EventPayments }), row: z.object({ type: z.string(), count }) },
  'identifier-raw-values': { params: z.object({ elementIds: Ids, identifierLabels: z.array(z.string()) }), row: z.object({ identifier: PlainNode }) },
  'subgraph-between': {
    params: z.object({
      accountIds: Ids,
      merchantIds: Ids,
      elementIds: Ids,
      includeSharedIdentifiers: z.boolean(),
      transferType: z.string().nullable(),
      paymentType: z.string().nullable(),
      eventLinks: EventLinks,
      eventPayments: EventPayments,
    }),
    row: z.object({
      drawn: z.array(NodeWithDegree),
      flows: z.array(
        z.object({ source: z.string(), target: z.string(), type: z.string(), count, totalAmount: nullableNumber, firstAt: Temporal, lastAt: Temporal }),
      ),
    }),
  },
  'accounts-window': {
    params: z.object({ offset: z.number().int().nonnegative(), limit: Limit }),
    row: z.object({ accountId: z.string() }),
  },
  'all-account-ids': { params: noParams, row: z.object({ accountId: z.string() }) },
  'accounts-linked-to-accounts': {
    params: z.object({ accountIds: Ids, supernodeCutoff: z.number().int().min(1) }),
    row: z.object({ accountId: z.string() }),
  },
  'subgraph-around-accounts': {
    params: z.object({ accountIds: Ids }),
    row: z.object({
      accountId: z.string(),
      createdAt: Temporal,
      blacklisted: z.boolean().nullable(),
      row: z.enum(['account', 'link', 'transfer', 'payment']),
      type: z.string().nullable(),
      target: z.string().nullable(),
      sharedBy: count.nullable(),
      amount: nullableNumber,
      at: Temporal,
      targetCreatedAt: Temporal,
      targetBlacklisted: z.boolean().nullable(),
      knownGood: z.boolean().nullable(),
      targetKnownGood: z.boolean().nullable(),
    }),
  },
  'account-links-around-accounts': { params: z.object({ accountIds: Ids }), row: AccountLinkRow },
  'event-links-around-accounts': { params: z.object({ accountIds: Ids }), row: AccountLinkRow },
  'event-payments-around-accounts': { params: z.object({ accountIds: Ids }), row: z.object({ accountId: z.string(), merchantId: z.string().nullable(), amount: nullableNumber, at: Temporal }) },
  'schema-labels': { params: noParams, row: z.object({ label: z.string() }) },
  'schema-relationship-types': { params: noParams, row: z.object({ relationshipType: z.string() }) },
  'schema-node-properties': { params: noParams, row: z.object({ label: z.string(), properties: z.array(z.string()) }) },
  'schema-relationship-ends': {
    params: noParams,
    row: z.object({ relationshipType: z.string(), startLabel: z.string().nullable(), endLabel: z.string().nullable() }),
  },
  'schema-relationship-properties': { params: noParams, row: z.object({ relType: z.string(), properties: z.array(z.string()) }) },
  'gds-version': { params: noParams, row: z.object({ version: z.string() }) },
  'gds-project-shared-identifiers': {
    params: z.object({ graphName: GdsGraphName, supernodeCutoff: z.number().int().min(2), typeWeights: z.record(z.string(), z.number()) }),
    row: z.object({ nodeCount: count, relationshipCount: count }),
  },
  'gds-wcc-candidates': {
    params: z.object({ graphName: GdsGraphName, minSize: z.number().int().min(1) }),
    row: z.object({ componentId: count, accountIds: z.array(z.string()) }),
  },
  'gds-louvain-communities': {
    params: z.object({ graphName: GdsGraphName, minSize: z.number().int().min(1), concurrency: z.number().int().min(1) }),
    row: z.object({ communityId: count, accountIds: z.array(z.string()) }),
  },
  'gds-pagerank-risk': {
    params: z.object({ graphName: GdsGraphName, damping: z.number().min(0).max(1), maxIterations: z.number().int().min(1), tolerance: z.number().positive() }),
    row: z.object({ accountId: z.string(), score: z.number() }),
  },
  'gds-drop-graph': { params: z.object({ graphName: GdsGraphName }), row: z.object({ graphName: z.string() }) },
  'identifier-hubs': {
    params: z.object({ supernodeCutoff: z.number().int().min(1), limit: Limit }),
    row: z.object({ hubCount: count, hubs: z.array(z.object({ elementId: z.string(), type: z.string(), accountCount: count })) }),
  },
  'current-user': { params: noParams, row: z.object({ user: z.string(), roles: z.array(z.string()).nullable() }) },
  'server-components': { params: noParams, row: z.object({ name: z.string(), version: z.string(), edition: z.string() }) },
  'count-accounts': { params: noParams, row: z.object({ accounts: count }) },
  'upstream-top-communities': {
    params: z.object({ minSize: z.number().int().min(1), limit: Limit, rankBy: z.enum(['score', 'size']) }),
    row: z.object({ community: z.union([z.string(), z.number()]), size: count, score: z.number().nullable() }),
  },
  'upstream-community-members': {
    params: z.object({ community: z.union([z.string(), z.number()]), after: z.string(), limit: Limit }),
    row: z.object({ accountId: z.string() }),
  },
  'count-graph': { params: noParams, row: z.object({ nodes: count, relationships: count }) },
  constraints: { params: noParams, row: z.object({}) },
  'search-indexes': { params: noParams, row: z.object({}) },
  'seed-accounts': { params: z.object({ rows: Rows }), row: z.object({}) },
  'seed-identifiers': { params: z.object({ rows: Rows }), row: z.object({}) },
  'seed-merchants': { params: z.object({ rows: Rows }), row: z.object({}) },
  'seed-transfers': { params: z.object({ rows: Rows }), row: z.object({}) },
  'seed-payments': { params: z.object({ rows: Rows }), row: z.object({}) },
  'constraints-payment-network': { params: noParams, row: z.object({}) },
  'search-indexes-payment-network': { params: noParams, row: z.object({}) },
  'seed-payment-network-clients': { params: z.object({ rows: Rows }), row: z.object({}) },
  'seed-payment-network-transactions': { params: z.object({ rows: Rows }), row: z.object({}) },
  'seed-marker': { params: z.object({ seed: z.number().int(), accounts: z.number().int(), fingerprint: z.string() }), row: z.object({}) },
  'seed-marker-read': { params: noParams, row: z.object({ seed: nullableNumber, accounts: nullableNumber, fingerprint: z.string().nullable() }) },
  'wipe-graph-batch': { params: z.object({ batch: Limit }), row: z.object({ deleted: count }) },
  // RingScope's own investigation state in Neo4j (main/core/store/neo4j-investigation-store.ts).
  'investigation-constraints': { params: noParams, row: z.object({}) },
  'investigation-ensure-head': { params: z.object({ space: z.string(), genesisHash: z.string() }), row: z.object({}) },
  'investigation-lock-head': {
    params: z.object({ space: z.string() }),
    row: z.object({ seq: count, last: StoredAuditEvent.nullable() }),
  },
  'investigation-versions': {
    params: z.object({ space: z.string(), caseIds: Ids, outboxIds: Ids }),
    row: z.object({ kind: z.enum(['case', 'delivery']), id: z.string(), version: count, updatedBy: z.string(), updatedAt: z.string() }),
  },
  'investigation-save-cases': { params: z.object({ space: z.string(), cases: Rows }), row: z.object({}) },
  'investigation-save-outbox': { params: z.object({ space: z.string(), entries: Rows }), row: z.object({}) },
  'investigation-append-audit': {
    params: z.object({ space: z.string(), events: Rows, headSeq: count, headHash: z.string() }),
    row: z.object({}),
  },
  'investigation-case': { params: z.object({ space: z.string(), id: z.string() }), row: z.object({ doc: z.string() }) },
  'investigation-cases': { params: z.object({ space: z.string() }), row: z.object({ doc: z.string() }) },
  'investigation-outbox': { params: z.object({ space: z.string() }), row: z.object({ doc: z.string() }) },
  'investigation-audit': { params: z.object({ space: z.string() }), row: StoredAuditEvent },
  // Approved blacklists written back onto the accounts (main/core/cases/neo4j-write-back.ts).
  'write-back-mark-property': { params: z.object({ accountIds: Ids, caseId: z.string() }), row: z.object({ changed: count }) },
  'write-back-clear-property': { params: z.object({ accountIds: Ids, caseId: z.string() }), row: z.object({ changed: count }) },
  'write-back-mark-label': { params: z.object({ accountIds: Ids, caseId: z.string() }), row: z.object({ changed: count }) },
  'write-back-clear-label': { params: z.object({ accountIds: Ids, caseId: z.string() }), row: z.object({ changed: count }) },
} satisfies Record<string, { params: z.ZodType; row: z.ZodType }>;

type Definitions = typeof definitions;
export type QueryName = keyof Definitions;
export type QueryParams<N extends QueryName> = z.input<Definitions[N]['params']>;
export type QueryRow<N extends QueryName> = z.output<Definitions[N]['row']>;

export interface CatalogEntry<N extends QueryName = QueryName> {
  name: N;
  /** The statement(s) as written in the file, placeholders included; files with several end each with `;`. */
  text: string;
  params: Definitions[N]['params'];
  row: Definitions[N]['row'];
  /** Placeholder names the text uses, e.g. ["accountLabel", "exploredTypes"]. */
  placeholders: readonly string[];
}

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

function loadCatalog(): { [N in QueryName]: CatalogEntry<N> } {
  const entries = Object.entries(definitions).map(([name, definition]) => {
    const text = readQueryFile(name);
    const placeholders = [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]))];
    return [name, { name, text, params: definition.params, row: definition.row, placeholders }];
  });
  return Object.fromEntries(entries) as { [N in QueryName]: CatalogEntry<N> };
}

/** The catalog: every statement by name. */
export const graphQueries = loadCatalog();

declare const quoted: unique symbol;
/** A label, type or property key made safe for Cypher text by `quoteName` (or a hop bound by `hopLimit`). */
export type QuotedName = string & { readonly [quoted]: true };

/**
 * What a label, type or property key must look like to enter Cypher text: ASCII letters, digits and
 * underscores, not starting with a digit, at most 100 characters. Doubling backticks is not enough:
 * Neo4j decodes `\u0060` inside a quoted name, so a backslash could end the quote (finding H1).
 * The contract (main/api GraphName) applies the same rule, so bad names are refused before any query.
 */
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,99}$/;

/** Backtick-quotes a graph name for Cypher text; refuses anything but a plain name (see PLAIN_NAME). */
export function quoteName(name: string): QuotedName {
  if (name.length === 0) throw new Error('A label, relationship type or property key cannot be empty');
  if (!PLAIN_NAME.test(name)) throw new Error(`Not a plain name (letters, digits, underscores): ${JSON.stringify(name.slice(0, 120))}`);
  return `\`${name}\`` as QuotedName;
}

/**
 * The two ends of an `(account)…[:TYPES]…(identifier)` pattern (Cypher has no per-type direction):
 * exact when every identifier relationship points the same way, either way when the mapping mixes them.
 */
export function identifierArrows(directions: readonly ('from-account' | 'to-account')[]): { accountSide: QuotedName; identifierSide: QuotedName } {
  const ways = new Set(directions);
  if (ways.size === 1 && ways.has('to-account')) return { accountSide: '<-' as QuotedName, identifierSide: '-' as QuotedName };
  if (ways.size === 2) return { accountSide: '-' as QuotedName, identifierSide: '-' as QuotedName };
  return { accountSide: '-' as QuotedName, identifierSide: '->' as QuotedName };
}

/**
 * The upper bound of a variable-length pattern (`*..6`), which Cypher accepts only as literal text,
 * never as a parameter: a whole number in [1, max], so nothing else can reach the statement.
 */
export function hopLimit(hops: number, max: number): QuotedName {
  if (!Number.isInteger(hops) || hops < 1 || hops > max) throw new Error(`A hop limit must be a whole number from 1 to ${max}`);
  return String(hops) as QuotedName;
}

/** Relationship type alternatives for a pattern, e.g. `A`|`B`. */
export function typeAlternatives(names: readonly QuotedName[]): QuotedName {
  if (names.length === 0) throw new Error('A relationship pattern needs at least one type');
  return names.join('|') as QuotedName;
}

/** The statement text with every placeholder filled; throws if one is missing (never sends `{{x}}` to the server). */
export function renderQuery(entry: CatalogEntry, names: Readonly<Record<string, QuotedName>> = {}): string {
  const missing = entry.placeholders.filter((placeholder) => !(placeholder in names));
  if (missing.length) throw new Error(`Query ${entry.name} needs names for ${missing.join(', ')}`);
  return entry.text.replace(PLACEHOLDER, (_match, placeholder: string) => names[placeholder]);
}

/** Splits a multi-statement file (such as constraints.cypher) into its statements, comments dropped. */
export function statementsOf(text: string): string[] {
  const withoutComments = text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n');
  return withoutComments
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter(Boolean);
}
