/**
 * Contract types for choosing the graph source: saved Neo4j connections and the schema mapping
 * that tells RingScope which labels, relationship types and properties of a team's graph mean
 * "account", "shared identifier", "transfer" and "payment" (like a Bloom perspective).
 */
import { z } from 'zod';
import { IDENTIFIER_KINDS, IdentifierIcon, SourceInfo } from './model';

/**
 * A label, relationship type or property key as named in the graph; quoted by the core before use.
 * Only plain names: Cypher cannot take them as parameters, and Neo4j decodes `\u0060` escapes inside
 * backtick quotes, so anything else could end the quote and inject Cypher (finding H1).
 */
export const GraphName = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(100, 'must be a plain name of at most 100 characters')
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a plain name: ASCII letters, digits and underscores, not starting with a digit');
const OptionalProperty = GraphName.nullable();

/** How strongly one link of a mapped kind ties two accounts together, relative to sharing a device (1). */
export const LinkWeight = z.number().min(0.01, 'must be between 0.01 and 1').max(1, 'must be between 0.01 and 1');

const AccountFields = z.strictObject({
  /** A node with any of these labels is an account (e.g. :Client and :Customer). */
  labels: z.array(GraphName).min(1, 'name at least one account label').max(5, 'at most 5 account labels'),
  idProperty: GraphName,
  /** Creation time: datetime, epoch seconds or millis, or ISO text, read per value; unreadable is unknown. */
  createdAtProperty: OptionalProperty,
  /** Upstream risk score written by a batch job. */
  riskScoreProperty: OptionalProperty,
  /** Known-bad marker: accounts where this property is true seed the risk walk. */
  blacklistedProperty: OptionalProperty,
  /** Known-good marker (verified customers, a white list): accounts where this property is true seed the other side of two-sided risk. */
  knownGoodProperty: OptionalProperty.default(null),
  /** Upstream community / ring id written by a batch job (GDS, Spark). */
  communityProperty: OptionalProperty.default(null),
});

/** Mappings saved before accounts could have several labels named one `label`: read as `labels: [label]`. */
export const AccountMapping = z.preprocess((value) => {
  if (typeof value !== 'object' || value === null || !('label' in value) || 'labels' in value) return value;
  const { label, ...rest } = value as { label: unknown };
  return { ...rest, labels: [label] };
}, AccountFields);

/** The investigator's word for an identifier kind ("SSN", "钱包地址"): shown, never put in a query. */
export const IdentifierDisplayName = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(40, 'must be at most 40 characters')
  .regex(/^[^\p{Cc}<>]+$/u, 'must be plain text without control characters or angle brackets');

export const IdentifierMapping = z.strictObject({
  /** The built-in kind this entry is (its default weight, masking and search rules); null for a kind of the team's own (SSN, wallet, IMEI). */
  kind: z.enum(IDENTIFIER_KINDS).nullable().default(null),
  /** Used in ring reasons ("7 accounts share 2 SSNs"), on the canvas and in the legend; null: the built-in kind's word. */
  displayName: IdentifierDisplayName.nullable().default(null),
  /** Null: the built-in kind's picture, or the generic one. */
  icon: IdentifierIcon.nullable().default(null),
  label: GraphName,
  valueProperty: GraphName,
  /** Relationship type between the account and the identifier, e.g. USES_DEVICE. */
  relationshipType: GraphName,
  /** Which way the relationship points: from the account (`(a)-[:USES_DEVICE]->(d)`) or to it (`(s:SSN)-[:ISSUED_TO]->(a)`). */
  direction: z.enum(['from-account', 'to-account']).default('from-account'),
  /** Null: the kind's default weight (device 1, phone 0.9 … ip 0.3; a kind of the team's own 0.5). */
  weight: LinkWeight.nullable().default(null),
  /** mask: values are masked wherever they leave the core (Explore, reports, exports) by the kind's rule; show: as stored. */
  masking: z.enum(['mask', 'show']).default('mask'),
});
export type IdentifierMapping = z.infer<typeof IdentifierMapping>;

/** Identifier entries one mapping may hold. */
export const MAX_IDENTIFIER_ENTRIES = 20;

/** A relationship between two accounts (calls, referrals, guarantees, co-signing): `(a)-[TYPE]->(b)`. */
export const AccountLinkMapping = z.strictObject({
  relationshipType: GraphName,
  /** False for links whose direction means nothing (co-signing); money flows are directed. */
  directed: z.boolean(),
  amountProperty: OptionalProperty,
  timeProperty: OptionalProperty,
  weight: LinkWeight,
});

/**
 * What an event link's far end `b` is: another account (a transfer between two accounts), or a
 * merchant named by its label and id property (a payment, read like a mapped payment relationship).
 */
export const EventLinkFarEnd = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('account') }),
  z.strictObject({ kind: z.literal('merchant'), label: GraphName, idProperty: GraphName }),
]);
export type EventLinkFarEnd = z.infer<typeof EventLinkFarEnd>;

/**
 * A two-hop pattern through an event node, `(a)-[fromType]->(e:eventLabel)-[toType]->(b)`, read as
 * one link a→b carrying e's amount and time: payments or transactions stored as nodes. A mapping
 * saved before far ends could be merchants reads as an account far end.
 */
export const EventLinkMapping = z.strictObject({
  fromType: GraphName,
  eventLabel: GraphName,
  toType: GraphName,
  farEnd: EventLinkFarEnd.default({ kind: 'account' }),
  amountProperty: OptionalProperty,
  timeProperty: OptionalProperty,
  weight: LinkWeight,
});
export type EventLinkMapping = z.infer<typeof EventLinkMapping>;

export const TransferMapping = z.strictObject({
  relationshipType: GraphName,
  amountProperty: GraphName,
  timeProperty: GraphName,
});

export const PaymentMapping = z.strictObject({
  relationshipType: GraphName,
  amountProperty: GraphName,
  timeProperty: GraphName,
  merchantLabel: GraphName,
  merchantIdProperty: GraphName,
  merchantNameProperty: OptionalProperty,
  merchantCategoryProperty: OptionalProperty,
});

export const SchemaMapping = z
  .strictObject({
    account: AccountMapping,
    identifiers: z.array(IdentifierMapping).max(MAX_IDENTIFIER_ENTRIES),
    transfer: TransferMapping.nullable(),
    payment: PaymentMapping.nullable(),
    accountLinks: z.array(AccountLinkMapping).max(20).default([]),
    eventLinks: z.array(EventLinkMapping).max(20).default([]),
  })
  .superRefine((mapping, context) => {
    const builtIn = mapping.identifiers.flatMap((identifier) => (identifier.kind ? [identifier.kind] : []));
    if (new Set(builtIn).size !== builtIn.length) context.addIssue({ code: 'custom', message: 'each identifier kind may be mapped once', path: ['identifiers'] });
    mapping.identifiers.forEach((identifier, index) => {
      // A kind of the team's own has no word of RingScope's: reasons and the legend would have nothing to call it.
      if (!identifier.kind && !identifier.displayName) context.addIssue({ code: 'custom', message: 'give a kind of your own a display name', path: ['identifiers', index, 'displayName'] });
    });
  });
export type SchemaMapping = z.infer<typeof SchemaMapping>;

/** One reason the proposed mapping differs from the demo schema: a code plus the names involved. */
export const SchemaNote = z
  .object({
    code: z.enum(['no-account-label', 'account-property-missing', 'identifier-missing', 'no-transfers', 'no-payments', 'direct-link-proposed', 'event-link-proposed', 'event-payment-proposed', 'identifier-proposed']),
    params: z.record(z.string(), z.string()),
  })
  .strict();
export type SchemaNote = z.infer<typeof SchemaNote>;

/** What schema discovery found in the database, and the mapping it proposes from it. */
export const DiscoveredSchema = z.strictObject({
  labels: z.array(z.string()),
  relationshipTypes: z.array(z.string()),
  /** Property keys seen on nodes of each label. */
  nodeProperties: z.record(z.string(), z.array(z.string())),
  /** Property keys seen on relationships of each type. */
  relationshipProperties: z.record(z.string(), z.array(z.string())),
  proposedMapping: SchemaMapping,
  /** Why parts of the proposal could not follow the demo schema, as codes the UI words (`connect.schema.notes.<code>`). */
  notes: z.array(SchemaNote),
});
export type DiscoveredSchema = z.infer<typeof DiscoveredSchema>;

const NEO4J_SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'] as const;
const NEO4J_URI = new RegExp(`^(${NEO4J_SCHEMES.map((s) => s.replace('+', '\\+')).join('|')})://[^\\s/?#]+(:\\d{1,5})?/?$`);

export const ConnectionId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, - or _');

export const ConnectionSettings = z.strictObject({
  name: z.string().trim().min(1, 'give the connection a name').max(100),
  uri: z
    .string()
    .trim()
    .regex(NEO4J_URI, `must look like bolt://host:7687 (schemes: ${NEO4J_SCHEMES.join(', ')})`),
  user: z.string().trim().min(1, 'is required').max(200),
  /** Database name; null means the server's default database. */
  database: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/, 'is not a valid database name')
    .nullable()
    .default(null),
  schemaMapping: SchemaMapping.nullable().default(null),
});
export type ConnectionSettings = z.infer<typeof ConnectionSettings>;

export const SavedConnection = ConnectionSettings.extend({
  id: ConnectionId,
  /** True when a password for it is kept in the OS secret store (desktop only). */
  hasStoredPassword: z.boolean(),
  /** Fields of a saved mapping that break the contract (edited outside RingScope); the mapping then reads as none. */
  schemaMappingInvalidFields: z.array(z.string()),
});
export type SavedConnection = z.infer<typeof SavedConnection>;

const Password = z.string().min(1, 'is required').max(1000);

export const ConnectionsListResult = z.strictObject({
  connections: z.array(SavedConnection),
  /** False in browser mode: passwords are then asked for each time and never stored. */
  canStorePasswords: z.boolean(),
  active: SourceInfo.extend({ connectionId: ConnectionId.nullable() }),
});

export const ConnectionsSaveInput = ConnectionSettings.extend({
  /** Omit to create a new connection. */
  id: ConnectionId.optional(),
  /** Stored only where an OS secret store exists; ignored (never persisted) otherwise. */
  password: Password.optional(),
});

/** Either a saved connection (password from the input or the secret store) or unsaved settings. */
export const ConnectionTarget = z
  .strictObject({
    connectionId: ConnectionId.optional(),
    settings: ConnectionSettings.optional(),
    password: Password.optional(),
  })
  .strict()
  .refine((target) => Boolean(target.connectionId) !== Boolean(target.settings), {
    message: 'give either a saved connectionId or connection settings',
  });

export const ConnectionsRemoveInput = z.strictObject({ connectionId: ConnectionId });
export const ConnectionsRemoveResult = z.strictObject({ removed: z.boolean() });

export const ConnectionTestResult = z.strictObject({
  serverVersion: z.string(),
  edition: z.string(),
  database: z.string(),
  accountCount: z.number().int().nonnegative().nullable(),
});

export const SchemaSaveInput = z.strictObject({
  connectionId: ConnectionId,
  schemaMapping: SchemaMapping,
  /** Needed when no password is stored: the mapping is checked against the live database. */
  password: Password.optional(),
});

export type ConnectionsListResult = z.infer<typeof ConnectionsListResult>;
export type ConnectionTestResult = z.infer<typeof ConnectionTestResult>;
