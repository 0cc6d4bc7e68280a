/**
 * The schema mapping: which labels, relationship types and property keys of a team's graph mean
 * account, shared identifier, transfer and payment. Proposed from what discovery found (defaults
 * follow the demo schema), checked against the discovered names before any of them enters a query.
 */
import { ApiError, IDENTIFIER_KINDS, SchemaMapping, type DiscoveredSchema, type IdentifierKind, type SchemaNote, type UnmappedEvidence } from '../../api';
import { quoteName, typeAlternatives, type QuotedName } from '../../../graph-queries/catalog';
import { busiestLabel, byKindOrder, guessAccount, guessIdentifiers } from './name-guesses';

/** The demo schema (and the seeded test database): `(:User)-[:USES_DEVICE]->(:Device)` and so on. */
export const DEMO_SCHEMA_MAPPING: SchemaMapping = {
  account: {
    label: 'User',
    idProperty: 'userId',
    createdAtProperty: 'createdAt',
    riskScoreProperty: 'riskScore',
    blacklistedProperty: 'blacklisted',
    knownGoodProperty: null,
    communityProperty: null,
  },
  identifiers: [
    { kind: 'device', label: 'Device', valueProperty: 'deviceId', relationshipType: 'USES_DEVICE', weight: null },
    { kind: 'phone', label: 'Phone', valueProperty: 'phoneNumber', relationshipType: 'HAS_PHONE', weight: null },
    { kind: 'ip', label: 'IPAddress', valueProperty: 'ipAddress', relationshipType: 'USES_IP', weight: null },
    { kind: 'card', label: 'BankCard', valueProperty: 'cardNumber', relationshipType: 'HAS_CARD', weight: null },
    { kind: 'address', label: 'Address', valueProperty: 'address', relationshipType: 'LIVES_AT', weight: null },
    { kind: 'email', label: 'Email', valueProperty: 'email', relationshipType: 'HAS_EMAIL', weight: null },
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
  accountLinks: [],
  eventLinks: [],
};

/** What discovery reads from the server, before a mapping is proposed. */
export type GraphNames = Pick<DiscoveredSchema, 'labels' | 'relationshipTypes' | 'nodeProperties' | 'relationshipProperties'>;

/** Labels each relationship type starts and ends at (from the count store). */
export type RelationshipEnds = Record<string, { from: string[]; to: string[] }>;

const TIME_KEYS = ['at', 'time', 'timestamp', 'ts', 'createdAt', 'occurredAt'];
const AMOUNT_KEYS = ['amount', 'value', 'sum'];
/** Weight proposed for a discovered link kind until the investigator judges it. */
const PROPOSED_LINK_WEIGHT = 0.5;

/**
 * Proposes a mapping from discovered names: the demo schema where the graph has it; identifier
 * kinds, transfers or payments the graph lacks are left unmapped, each with a note saying so.
 * Other relationship types between accounts become direct links, and a label reached from accounts
 * by one type and leading back to accounts by another becomes an event-node link.
 */
export function proposeMapping(names: GraphNames, ends: RelationshipEnds = {}): { mapping: SchemaMapping; notes: SchemaNote[] } {
  const notes: SchemaNote[] = [];
  const hasLabel = (label: string) => names.labels.includes(label);
  const hasType = (type: string) => names.relationshipTypes.includes(type);
  const hasProperty = (label: string, key: string) => names.nodeProperties[label]?.includes(key) ?? false;
  const demo = DEMO_SCHEMA_MAPPING;

  // Another graph's accounts: the label most relationship types start from (name-guesses.ts). The demo
  // label counts only with nodes (their id key): db.labels() also lists labels whose nodes were all deleted.
  const demoAccounts = hasLabel(demo.account.label) && hasProperty(demo.account.label, demo.account.idProperty);
  const otherAccountLabel = demoAccounts ? null : busiestLabel(names, ends);
  const account = otherAccountLabel ? guessAccount(otherAccountLabel, names) : { ...demo.account };
  if (!hasLabel(account.label)) notes.push({ code: 'no-account-label', params: { label: account.label } });
  for (const key of ['createdAtProperty', 'riskScoreProperty', 'blacklistedProperty'] as const) {
    const property = account[key];
    if (property && hasLabel(account.label) && !hasProperty(account.label, property)) {
      notes.push({ code: 'account-property-missing', params: { label: account.label, property } });
      account[key] = null;
    }
  }

  const demoIdentifiers = demo.identifiers.filter((identifier) => hasLabel(identifier.label) && hasType(identifier.relationshipType) && hasProperty(identifier.label, identifier.valueProperty));
  const identifiers = [...demoIdentifiers, ...guessIdentifiers(names, ends, account.label, demoIdentifiers)].sort(byKindOrder);
  for (const identifier of demo.identifiers) {
    if (!identifiers.some((found) => found.kind === identifier.kind)) notes.push({ code: 'identifier-missing', params: { label: identifier.label, relationshipType: identifier.relationshipType, kind: identifier.kind } });
  }

  const hasFlow = (flow: { relationshipType: string; amountProperty: string; timeProperty: string } | null) =>
    Boolean(flow && hasType(flow.relationshipType) && [flow.amountProperty, flow.timeProperty].every((key) => names.relationshipProperties[flow.relationshipType]?.includes(key)));
  const transfer = hasFlow(demo.transfer) ? demo.transfer : null;
  if (!transfer) notes.push({ code: 'no-transfers', params: { relationshipType: demo.transfer?.relationshipType ?? '' } });
  const payment = demo.payment && hasFlow(demo.payment) && hasLabel(demo.payment.merchantLabel) && hasProperty(demo.payment.merchantLabel, demo.payment.merchantIdProperty) ? demo.payment : null;
  if (!payment) notes.push({ code: 'no-payments', params: { relationshipType: demo.payment?.relationshipType ?? '', label: demo.payment?.merchantLabel ?? '' } });

  const mapped = new Set([...identifiers.map((i) => i.relationshipType), transfer?.relationshipType, payment?.relationshipType]);
  const firstOf = (keys: readonly string[], candidates: readonly string[] | undefined) => keys.find((key) => candidates?.includes(key)) ?? null;
  const fromAccounts = (type: string) => ends[type]?.from.includes(account.label) ?? false;
  const toAccounts = (type: string) => ends[type]?.to.includes(account.label) ?? false;
  const accountLinks = names.relationshipTypes
    .filter((type) => !mapped.has(type) && fromAccounts(type) && toAccounts(type))
    .map((type) => {
      notes.push({ code: 'direct-link-proposed', params: { relationshipType: type, weight: String(PROPOSED_LINK_WEIGHT) } });
      const keys = names.relationshipProperties[type];
      return { relationshipType: type, directed: true, amountProperty: firstOf(AMOUNT_KEYS, keys), timeProperty: firstOf(TIME_KEYS, keys), weight: PROPOSED_LINK_WEIGHT };
    });
  const eventLinks = names.labels
    .filter((label) => label !== account.label)
    .flatMap((eventLabel) => {
      const fromType = names.relationshipTypes.find((type) => !mapped.has(type) && fromAccounts(type) && ends[type].to.includes(eventLabel));
      const toType = names.relationshipTypes.find((type) => !mapped.has(type) && ends[type]?.from.includes(eventLabel) && toAccounts(type));
      if (!fromType || !toType) return [];
      notes.push({ code: 'event-link-proposed', params: { label: eventLabel, fromType, toType, weight: String(PROPOSED_LINK_WEIGHT) } });
      const keys = names.nodeProperties[eventLabel];
      return [{ fromType, eventLabel, toType, amountProperty: firstOf(AMOUNT_KEYS, keys), timeProperty: firstOf(TIME_KEYS, keys), weight: PROPOSED_LINK_WEIGHT }];
    });

  return { mapping: { account, identifiers, transfer, payment, accountLinks, eventLinks }, notes };
}

declare const validated: unique symbol;
/** A mapping whose every label, relationship type and property key exists in the database it was checked against. */
export type ValidatedMapping = SchemaMapping & { readonly [validated]: true };

/**
 * Checks a mapping against the discovered schema. Every name must be a plain name (the contract's
 * GraphName rule, checked again here because a mapping may come from a hand-edited file) and exist
 * in the database: a label, type or property key it does not have is rejected with a message naming
 * it and where it was looked for (a typo would otherwise silently match nothing).
 */
export function validateMapping(candidate: unknown, names: GraphNames): ValidatedMapping {
  const parsed = SchemaMapping.safeParse(candidate);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'mapping'}: ${issue.message}`).join('; ');
    throw new ApiError('invalid_input', `The schema mapping is incomplete or malformed — ${problems}`, { reason: 'schema_mapping_incomplete' });
  }
  const mapping = parsed.data;
  const problems: string[] = [];
  const requireLabel = (label: string, role: string) => {
    if (!names.labels.includes(label)) problems.push(`label ${label} (${role}) does not exist in the database`);
  };
  const requireType = (type: string, role: string) => {
    if (!names.relationshipTypes.includes(type)) problems.push(`relationship type ${type} (${role}) does not exist in the database`);
  };
  const requireNodeProperty = (label: string, key: string | null | undefined, role: string) => {
    if (key && names.labels.includes(label) && !names.nodeProperties[label]?.includes(key)) problems.push(`property ${key} (${role}) does not exist on ${label} nodes`);
  };
  const requireRelationshipProperty = (type: string, key: string | null | undefined, role: string) => {
    if (key && names.relationshipTypes.includes(type) && !names.relationshipProperties[type]?.includes(key)) {
      problems.push(`property ${key} (${role}) does not exist on ${type} relationships`);
    }
  };

  const { account } = mapping;
  requireLabel(account.label, 'accounts');
  requireNodeProperty(account.label, account.idProperty, 'account id');
  requireNodeProperty(account.label, account.createdAtProperty, 'account creation time');
  requireNodeProperty(account.label, account.riskScoreProperty, 'account risk score');
  requireNodeProperty(account.label, account.blacklistedProperty, 'known-bad marker');
  requireNodeProperty(account.label, account.knownGoodProperty, 'known-good marker');
  requireNodeProperty(account.label, account.communityProperty, 'upstream community id');
  for (const identifier of mapping.identifiers) {
    requireLabel(identifier.label, `${identifier.kind} identifiers`);
    requireNodeProperty(identifier.label, identifier.valueProperty, `${identifier.kind} value`);
    requireType(identifier.relationshipType, `account to ${identifier.kind}`);
  }
  const identifierTypes = mapping.identifiers.map((identifier) => identifier.relationshipType);
  if (new Set(identifierTypes).size !== identifierTypes.length) {
    problems.push('each identifier kind needs its own relationship type (RingScope tells kinds apart by it)');
  }
  if (mapping.transfer) {
    const { relationshipType, amountProperty, timeProperty } = mapping.transfer;
    requireType(relationshipType, 'transfers');
    requireRelationshipProperty(relationshipType, amountProperty, 'transfer amount');
    requireRelationshipProperty(relationshipType, timeProperty, 'transfer time');
  }
  if (mapping.payment) {
    const { relationshipType, amountProperty, timeProperty, merchantLabel } = mapping.payment;
    requireType(relationshipType, 'payments');
    requireRelationshipProperty(relationshipType, amountProperty, 'payment amount');
    requireRelationshipProperty(relationshipType, timeProperty, 'payment time');
    requireLabel(merchantLabel, 'merchants');
    requireNodeProperty(merchantLabel, mapping.payment.merchantIdProperty, 'merchant id');
    requireNodeProperty(merchantLabel, mapping.payment.merchantNameProperty, 'merchant name');
    requireNodeProperty(merchantLabel, mapping.payment.merchantCategoryProperty, 'merchant category');
  }
  mapping.accountLinks.forEach((link, i) => {
    const role = `account link ${i + 1}`;
    requireType(link.relationshipType, role);
    requireRelationshipProperty(link.relationshipType, link.amountProperty, `${role} amount`);
    requireRelationshipProperty(link.relationshipType, link.timeProperty, `${role} time`);
  });
  mapping.eventLinks.forEach((link, i) => {
    const role = `event link ${i + 1}`;
    requireType(link.fromType, `${role}, account to event`);
    requireLabel(link.eventLabel, `${role} events`);
    requireType(link.toType, `${role}, event to account`);
    requireNodeProperty(link.eventLabel, link.amountProperty, `${role} amount`);
    requireNodeProperty(link.eventLabel, link.timeProperty, `${role} time`);
  });
  if (problems.length) throw new ApiError('invalid_input', `The schema mapping does not fit this database: ${problems.join('; ')}.`, { reason: 'schema_mapping_mismatch', params: { problems: problems.length } });
  return mapping as ValidatedMapping;
}

/**
 * Stands in for a part of the schema that is not mapped (no transfers, no createdAt property):
 * a name no graph is expected to use, so the pattern or property it fills matches nothing and reads as null.
 */
const UNMAPPED = 'ringscope_unmapped';

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
    accountKnownGoodProperty: quoteOrUnmapped(mapping.account.knownGoodProperty),
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

/** Evidence a mapping does not provide, so detection cannot use it (listed in the run summary). */
export function unmappedEvidence(mapping: SchemaMapping): UnmappedEvidence[] {
  const moneyLinks = mapping.accountLinks.some((link) => link.amountProperty) || mapping.eventLinks.some((link) => link.amountProperty);
  const gaps: [UnmappedEvidence, boolean][] = [
    ['creation-time', !mapping.account.createdAtProperty],
    ['known-bad', !mapping.account.blacklistedProperty],
    ['known-good', !mapping.account.knownGoodProperty],
    ['money-flows', !mapping.transfer && !moneyLinks],
    ['payments', !mapping.payment],
  ];
  return gaps.filter(([, missing]) => missing).map(([evidence]) => evidence);
}

/** Placeholder values for reading one mapped direct account link (account-links-around-accounts). */
export function accountLinkPlaceholders(mapping: ValidatedMapping, index: number): Record<string, QuotedName> {
  const link = mapping.accountLinks[index];
  return {
    ...accountPlaceholders(mapping),
    linkType: quoteName(link.relationshipType),
    amountProperty: quoteName(link.amountProperty ?? UNMAPPED),
    timeProperty: quoteName(link.timeProperty ?? UNMAPPED),
  };
}

/** Placeholder values for reading one mapped event-node link (event-links-around-accounts). */
export function eventLinkPlaceholders(mapping: ValidatedMapping, index: number): Record<string, QuotedName> {
  const link = mapping.eventLinks[index];
  return {
    ...accountPlaceholders(mapping),
    fromType: quoteName(link.fromType),
    eventLabel: quoteName(link.eventLabel),
    toType: quoteName(link.toType),
    amountProperty: quoteName(link.amountProperty ?? UNMAPPED),
    timeProperty: quoteName(link.timeProperty ?? UNMAPPED),
  };
}

const accountPlaceholders = (mapping: ValidatedMapping) => ({ accountLabel: quoteName(mapping.account.label), accountIdProperty: quoteName(mapping.account.idProperty) });

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
