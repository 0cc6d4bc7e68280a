/**
 * The schema mapping: which labels, relationship types and property keys of a team's graph mean
 * account, shared identifier, transfer and payment. Proposed from what discovery found (defaults
 * follow the demo schema), checked against the discovered names before any of them enters a query.
 */
import { ApiError, IDENTIFIER_KINDS, SchemaMapping, type DiscoveredSchema, type IdentifierKind, type SchemaNote } from '../../api';
import { quoteName, typeAlternatives, type QuotedName } from '../../../graph-queries/catalog';

/** The demo schema (and the seeded test database): `(:User)-[:USES_DEVICE]->(:Device)` and so on. */
export const DEMO_SCHEMA_MAPPING: SchemaMapping = {
  account: {
    label: 'User',
    idProperty: 'userId',
    createdAtProperty: 'createdAt',
    riskScoreProperty: 'riskScore',
    blacklistedProperty: 'blacklisted',
  },
  identifiers: [
    { kind: 'device', label: 'Device', valueProperty: 'deviceId', relationshipType: 'USES_DEVICE' },
    { kind: 'phone', label: 'Phone', valueProperty: 'phoneNumber', relationshipType: 'HAS_PHONE' },
    { kind: 'ip', label: 'IPAddress', valueProperty: 'ipAddress', relationshipType: 'USES_IP' },
    { kind: 'card', label: 'BankCard', valueProperty: 'cardNumber', relationshipType: 'HAS_CARD' },
    { kind: 'address', label: 'Address', valueProperty: 'address', relationshipType: 'LIVES_AT' },
    { kind: 'email', label: 'Email', valueProperty: 'email', relationshipType: 'HAS_EMAIL' },
  ],
  transfer: { relationshipType: 'TRANSFERRED_TO', amountProperty: 'amount', timeProperty: 'at' },
  payment: {
    relationshipType: 'PAID',
    amountProperty: 'amount',
    timeProperty: 'at',
    merchantLabel: 'Merchant',
    merchantIdProperty: 'merchantId',
    merchantNameProperty: 'name',
    merchantCategoryProperty: 'category',
  },
};

/** What discovery reads from the server, before a mapping is proposed. */
export type GraphNames = Pick<DiscoveredSchema, 'labels' | 'relationshipTypes' | 'nodeProperties'>;

/**
 * Proposes a mapping from discovered names: the demo schema where the graph has it; identifier
 * kinds, transfers or payments the graph lacks are left unmapped, each with a note saying so.
 */
export function proposeMapping(names: GraphNames): { mapping: SchemaMapping; notes: SchemaNote[] } {
  const notes: SchemaNote[] = [];
  const hasLabel = (label: string) => names.labels.includes(label);
  const hasType = (type: string) => names.relationshipTypes.includes(type);
  const hasProperty = (label: string, key: string) => names.nodeProperties[label]?.includes(key) ?? false;
  const demo = DEMO_SCHEMA_MAPPING;

  const account = { ...demo.account };
  if (!hasLabel(account.label)) notes.push({ code: 'no-account-label', params: { label: account.label } });
  for (const key of ['createdAtProperty', 'riskScoreProperty', 'blacklistedProperty'] as const) {
    const property = account[key];
    if (property && hasLabel(account.label) && !hasProperty(account.label, property)) {
      notes.push({ code: 'account-property-missing', params: { label: account.label, property } });
      account[key] = null;
    }
  }

  const identifiers = demo.identifiers.filter((identifier) => {
    const present = hasLabel(identifier.label) && hasType(identifier.relationshipType);
    if (!present) notes.push({ code: 'identifier-missing', params: { label: identifier.label, relationshipType: identifier.relationshipType, kind: identifier.kind } });
    return present;
  });

  const transfer = demo.transfer && hasType(demo.transfer.relationshipType) ? demo.transfer : null;
  if (!transfer) notes.push({ code: 'no-transfers', params: { relationshipType: demo.transfer?.relationshipType ?? '' } });
  const payment = demo.payment && hasType(demo.payment.relationshipType) && hasLabel(demo.payment.merchantLabel) ? demo.payment : null;
  if (!payment) notes.push({ code: 'no-payments', params: { relationshipType: demo.payment?.relationshipType ?? '', label: demo.payment?.merchantLabel ?? '' } });

  return { mapping: { account, identifiers, transfer, payment }, notes };
}

declare const validated: unique symbol;
/** A mapping whose every label and relationship type exists in the database it was checked against. */
export type ValidatedMapping = SchemaMapping & { readonly [validated]: true };

/**
 * Checks a mapping against the discovered schema; a label or relationship type the database does
 * not have is rejected with a message naming it (a typo would otherwise silently match nothing).
 * Property keys are not required to exist: an empty graph, or a property only some nodes carry, is fine.
 */
export function validateMapping(candidate: unknown, names: GraphNames): ValidatedMapping {
  const parsed = SchemaMapping.safeParse(candidate);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'mapping'}: ${issue.message}`).join('; ');
    throw new ApiError('invalid_input', `The schema mapping is incomplete — ${problems}`);
  }
  const mapping = parsed.data;
  const problems: string[] = [];
  const requireLabel = (label: string, role: string) => {
    if (!names.labels.includes(label)) problems.push(`label ${label} (${role}) does not exist in the database`);
  };
  const requireType = (type: string, role: string) => {
    if (!names.relationshipTypes.includes(type)) problems.push(`relationship type ${type} (${role}) does not exist in the database`);
  };

  requireLabel(mapping.account.label, 'accounts');
  for (const identifier of mapping.identifiers) {
    requireLabel(identifier.label, `${identifier.kind} identifiers`);
    requireType(identifier.relationshipType, `account to ${identifier.kind}`);
  }
  const identifierTypes = mapping.identifiers.map((identifier) => identifier.relationshipType);
  if (new Set(identifierTypes).size !== identifierTypes.length) {
    problems.push('each identifier kind needs its own relationship type (RingScope tells kinds apart by it)');
  }
  if (mapping.transfer) requireType(mapping.transfer.relationshipType, 'transfers');
  if (mapping.payment) {
    requireType(mapping.payment.relationshipType, 'payments');
    requireLabel(mapping.payment.merchantLabel, 'merchants');
  }
  if (problems.length) throw new ApiError('invalid_input', `The schema mapping does not fit this database: ${problems.join('; ')}.`);
  return mapping as ValidatedMapping;
}

/**
 * Stands in for a part of the schema that is not mapped (no transfers, no createdAt property):
 * a name no graph uses, so the pattern or property it fills matches nothing and reads as null.
 */
const UNMAPPED = 'ringscope unmapped';

/** The placeholder values every catalogued exploration query may use, quoted from a validated mapping. */
export function mappingPlaceholders(mapping: ValidatedMapping): Record<string, QuotedName> {
  const quoteOrUnmapped = (name: string | null | undefined) => quoteName(name ?? UNMAPPED);
  const identifierTypes = mapping.identifiers.map((identifier) => quoteName(identifier.relationshipType));
  const transferTypes = mapping.transfer ? [quoteName(mapping.transfer.relationshipType)] : [];
  const paymentTypes = mapping.payment ? [quoteName(mapping.payment.relationshipType)] : [];
  const explored = [...identifierTypes, ...transferTypes, ...paymentTypes];
  const orUnmapped = (types: QuotedName[]) => (types.length ? typeAlternatives(types) : quoteName(UNMAPPED));
  return {
    accountLabel: quoteName(mapping.account.label),
    accountIdProperty: quoteName(mapping.account.idProperty),
    accountCreatedAtProperty: quoteOrUnmapped(mapping.account.createdAtProperty),
    accountBlacklistedProperty: quoteOrUnmapped(mapping.account.blacklistedProperty),
    exploredTypes: orUnmapped(explored),
    identifierTypes: orUnmapped(identifierTypes),
    transferTypes: orUnmapped(transferTypes),
    transferAmountProperty: quoteOrUnmapped(mapping.transfer?.amountProperty),
    transferTimeProperty: quoteOrUnmapped(mapping.transfer?.timeProperty),
    paymentTypes: orUnmapped(paymentTypes),
    paymentAmountProperty: quoteOrUnmapped(mapping.payment?.amountProperty),
    paymentTimeProperty: quoteOrUnmapped(mapping.payment?.timeProperty),
    merchantLabel: quoteOrUnmapped(mapping.payment?.merchantLabel),
    merchantIdProperty: quoteOrUnmapped(mapping.payment?.merchantIdProperty),
  };
}

/** Placeholder values for the queries about one identifier kind (label, value key, link type). */
export function identifierPlaceholders(mapping: ValidatedMapping, kind: IdentifierKind): Record<string, QuotedName> | null {
  const identifier = mapping.identifiers.find((candidate) => candidate.kind === kind);
  if (!identifier) return null;
  return {
    identifierLabel: quoteName(identifier.label),
    valueProperty: quoteName(identifier.valueProperty),
    relationshipType: quoteName(identifier.relationshipType),
  };
}

export const identifierKindIndex = (kind: IdentifierKind): number => IDENTIFIER_KINDS.indexOf(kind);
