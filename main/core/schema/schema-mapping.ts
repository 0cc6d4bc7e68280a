/**
 * The schema mapping: which labels, relationship types and property keys of a team's graph mean
 * account, shared identifier, transfer and payment. Proposed from what discovery found (defaults
 * follow the demo schema), checked against the discovered names before any of them enters a query.
 */
import { ApiError, IDENTIFIER_KINDS, SchemaMapping, type DiscoveredSchema, type EventLinkFarEnd, type EventLinkMapping, type IdentifierMapping, type SchemaNote, type UnmappedEvidence } from '../../api';
import type { IdentifierKindSpec } from '../analytics/input';
import { DEFAULT_KIND_WEIGHTS } from '../analytics/projection';
import { DEFAULT_RING_SCORE } from '../analytics/ring-score';
import { identifierArrows, quoteName, typeAlternatives, type QuotedName } from '../../../graph-queries/catalog';
import { busiestLabel, byKindOrder, guessAccount, guessIdentifiers, guessIdProperty } from './name-guesses';

/** An entry for a built-in identifier kind, with the kind's own word, picture, weight and masking. */
export function demoIdentifier(kind: NonNullable<IdentifierMapping['kind']>, label: string, valueProperty: string, relationshipType: string): IdentifierMapping {
  return { kind, displayName: null, icon: null, label, valueProperty, relationshipType, direction: 'from-account', weight: null, masking: 'mask' };
}

/** The demo schema (and the seeded test database): `(:User)-[:USES_DEVICE]->(:Device)` and so on. */
export const DEMO_SCHEMA_MAPPING: SchemaMapping = {
  account: {
    labels: ['User'],
    idProperty: 'userId',
    createdAtProperty: 'createdAt',
    riskScoreProperty: 'riskScore',
    blacklistedProperty: 'blacklisted',
    knownGoodProperty: null,
    communityProperty: null,
  },
  identifiers: [
    demoIdentifier('device', 'Device', 'deviceId', 'USES_DEVICE'),
    demoIdentifier('phone', 'Phone', 'phoneNumber', 'HAS_PHONE'),
    demoIdentifier('ip', 'IPAddress', 'ipAddress', 'USES_IP'),
    demoIdentifier('card', 'BankCard', 'cardNumber', 'HAS_CARD'),
    demoIdentifier('address', 'Address', 'address', 'LIVES_AT'),
    demoIdentifier('email', 'Email', 'email', 'HAS_EMAIL'),
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
const VALUE_KEYS = ['value', 'number', 'address', 'id', 'key', 'name'];
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
  const demoAccounts = demo.account.labels.every((label) => hasLabel(label) && hasProperty(label, demo.account.idProperty));
  const otherAccountLabel = demoAccounts ? null : busiestLabel(names, ends);
  const account = otherAccountLabel ? guessAccount(otherAccountLabel, names) : { ...demo.account };
  const [accountLabel] = account.labels;
  if (!hasLabel(accountLabel)) notes.push({ code: 'no-account-label', params: { label: accountLabel } });
  for (const key of ['createdAtProperty', 'riskScoreProperty', 'blacklistedProperty'] as const) {
    const property = account[key];
    if (property && hasLabel(accountLabel) && !hasProperty(accountLabel, property)) {
      notes.push({ code: 'account-property-missing', params: { label: accountLabel, property } });
      account[key] = null;
    }
  }

  const demoIdentifiers = demo.identifiers.filter((identifier) => hasLabel(identifier.label) && hasType(identifier.relationshipType) && hasProperty(identifier.label, identifier.valueProperty));
  const identifiers = [...demoIdentifiers, ...guessIdentifiers(names, ends, accountLabel, demoIdentifiers)].sort(byKindOrder);
  for (const identifier of demo.identifiers) {
    if (!identifiers.some((found) => found.kind === identifier.kind)) notes.push({ code: 'identifier-missing', params: { label: identifier.label, relationshipType: identifier.relationshipType, kind: identifier.kind ?? '' } });
  }

  const hasFlow = (flow: { relationshipType: string; amountProperty: string; timeProperty: string } | null) =>
    Boolean(flow && hasType(flow.relationshipType) && [flow.amountProperty, flow.timeProperty].every((key) => names.relationshipProperties[flow.relationshipType]?.includes(key)));
  const transfer = hasFlow(demo.transfer) ? demo.transfer : null;
  if (!transfer) notes.push({ code: 'no-transfers', params: { relationshipType: demo.transfer?.relationshipType ?? '' } });
  const payment = demo.payment && hasFlow(demo.payment) && hasLabel(demo.payment.merchantLabel) && hasProperty(demo.payment.merchantLabel, demo.payment.merchantIdProperty) ? demo.payment : null;
  if (!payment) notes.push({ code: 'no-payments', params: { relationshipType: demo.payment?.relationshipType ?? '', label: demo.payment?.merchantLabel ?? '' } });

  const mapped = new Set([...identifiers.map((i) => i.relationshipType), transfer?.relationshipType, payment?.relationshipType]);
  const firstOf = (keys: readonly string[], candidates: readonly string[] | undefined) => keys.find((key) => candidates?.includes(key)) ?? null;
  const fromAccounts = (type: string) => ends[type]?.from.includes(accountLabel) ?? false;
  const toAccounts = (type: string) => ends[type]?.to.includes(accountLabel) ?? false;
  const accountLinks = names.relationshipTypes
    .filter((type) => !mapped.has(type) && fromAccounts(type) && toAccounts(type))
    .map((type) => {
      notes.push({ code: 'direct-link-proposed', params: { relationshipType: type, weight: String(PROPOSED_LINK_WEIGHT) } });
      const keys = names.relationshipProperties[type];
      return { relationshipType: type, directed: true, amountProperty: firstOf(AMOUNT_KEYS, keys), timeProperty: firstOf(TIME_KEYS, keys), weight: PROPOSED_LINK_WEIGHT };
    });
  // A merchant is reached from accounts through event nodes or mapped payments only (a label accounts
  // link to directly otherwise is an identifier or an account), and has an id key to tell merchants apart.
  const identifierLabels = new Set(identifiers.map((identifier) => identifier.label));
  const linkedDirectly = (label: string) => names.relationshipTypes.some((type) => type !== payment?.relationshipType && fromAccounts(type) && ends[type].to.includes(label));
  const merchantEnd = (label: string): Extract<EventLinkFarEnd, { kind: 'merchant' }> | null => {
    if (label === accountLabel || identifierLabels.has(label) || linkedDirectly(label)) return null;
    const idProperty = guessIdProperty(label, names);
    return idProperty ? { kind: 'merchant', label, idProperty } : null;
  };
  const eventLinks = names.labels
    .filter((label) => label !== accountLabel)
    .flatMap((eventLabel): EventLinkMapping[] => {
      const fromType = names.relationshipTypes.find((type) => !mapped.has(type) && fromAccounts(type) && ends[type].to.includes(eventLabel));
      const outward = names.relationshipTypes.filter((type) => !mapped.has(type) && ends[type]?.from.includes(eventLabel));
      if (!fromType) return [];
      const keys = names.nodeProperties[eventLabel];
      const link = (toType: string, farEnd: EventLinkFarEnd): EventLinkMapping => ({ fromType, eventLabel, toType, farEnd, amountProperty: firstOf(AMOUNT_KEYS, keys), timeProperty: firstOf(TIME_KEYS, keys), weight: PROPOSED_LINK_WEIGHT });
      const toType = outward.find(toAccounts);
      const toAccount = toType ? [link(toType, { kind: 'account' })] : [];
      if (toType) notes.push({ code: 'event-link-proposed', params: { label: eventLabel, fromType, toType, weight: String(PROPOSED_LINK_WEIGHT) } });
      const toMerchants = outward.flatMap((type) =>
        ends[type].to.flatMap((label) => {
          const farEnd = label === eventLabel ? null : merchantEnd(label);
          if (!farEnd) return [];
          notes.push({ code: 'event-payment-proposed', params: { label: eventLabel, fromType, toType: type, merchantLabel: label, merchantIdProperty: farEnd.idProperty } });
          return [link(type, farEnd)];
        }),
      );
      return [...toAccount, ...toMerchants];
    });
  const merchantLabels = eventLinks.flatMap(({ farEnd }) => (farEnd.kind === 'merchant' ? [farEnd.label] : []));

  // Any other label linked to accounts, either way, by a type nothing above maps (an SSN, a wallet)
  // is proposed as an identifier kind of the team's own, named after its label.
  const taken = new Set([accountLabel, ...identifiers.map((i) => i.label), payment?.merchantLabel, ...eventLinks.map((link) => link.eventLabel), ...merchantLabels]);
  const eventTypes = new Set(eventLinks.flatMap((link) => [link.fromType, link.toType]));
  const teamIdentifiers = names.labels
    .filter((label) => !taken.has(label) && names.nodeProperties[label]?.length)
    .flatMap((label): IdentifierMapping[] => {
      const free = names.relationshipTypes.filter((type) => !mapped.has(type) && !eventTypes.has(type) && !accountLinks.some((link) => link.relationshipType === type));
      const outward = free.find((type) => fromAccounts(type) && ends[type].to.includes(label));
      const inward = free.find((type) => ends[type]?.from.includes(label) && toAccounts(type));
      const relationshipType = outward ?? inward;
      if (!relationshipType) return [];
      mapped.add(relationshipType);
      notes.push({ code: 'identifier-proposed', params: { label, relationshipType } });
      const valueProperty = firstOf(VALUE_KEYS, names.nodeProperties[label]) ?? names.nodeProperties[label][0];
      return [{ kind: null, displayName: label, icon: null, label, valueProperty, relationshipType, direction: outward ? 'from-account' : 'to-account', weight: null, masking: 'mask' }];
    });

  return { mapping: { account, identifiers: [...identifiers, ...teamIdentifiers], transfer, payment, accountLinks, eventLinks }, notes };
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
  for (const label of account.labels) {
    requireLabel(label, 'accounts');
    // Every account needs its id; the optional markers may live on some of the labels only.
    requireNodeProperty(label, account.idProperty, 'account id');
  }
  const requireAccountProperty = (key: string | null, role: string) => {
    const present = account.labels.filter((label) => names.labels.includes(label));
    if (key && present.length && !present.some((label) => names.nodeProperties[label]?.includes(key))) {
      problems.push(`property ${key} (${role}) does not exist on ${present.join(' or ')} nodes`);
    }
  };
  requireAccountProperty(account.createdAtProperty, 'account creation time');
  requireAccountProperty(account.riskScoreProperty, 'account risk score');
  requireAccountProperty(account.blacklistedProperty, 'known-bad marker');
  requireAccountProperty(account.knownGoodProperty, 'known-good marker');
  requireAccountProperty(account.communityProperty, 'upstream community id');
  for (const identifier of mapping.identifiers) {
    const name = identifierName(identifier);
    requireLabel(identifier.label, `${name} identifiers`);
    requireNodeProperty(identifier.label, identifier.valueProperty, `${name} value`);
    requireType(identifier.relationshipType, `account to ${name}`);
  }
  const identifierTypes = mapping.identifiers.map((identifier) => identifier.relationshipType);
  if (new Set(identifierTypes).size !== identifierTypes.length) {
    problems.push('each identifier entry needs its own relationship type (RingScope tells kinds apart by it)');
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
    requireType(link.toType, `${role}, event to ${link.farEnd.kind}`);
    requireNodeProperty(link.eventLabel, link.amountProperty, `${role} amount`);
    requireNodeProperty(link.eventLabel, link.timeProperty, `${role} time`);
    if (link.farEnd.kind === 'merchant') {
      requireLabel(link.farEnd.label, `${role} merchants`);
      requireNodeProperty(link.farEnd.label, link.farEnd.idProperty, `${role} merchant id`);
    }
  });
  if (problems.length) throw new ApiError('invalid_input', `The schema mapping does not fit this database: ${problems.join('; ')}.`, { reason: 'schema_mapping_mismatch', params: { problems: problems.length } });
  return mapping as ValidatedMapping;
}

/**
 * Stands in for a part of the schema that is not mapped (no transfers, no createdAt property):
 * a name no graph is expected to use, so the pattern or property it fills matches nothing and reads as null.
 */
export const UNMAPPED = 'ringscope_unmapped';

/** The placeholder values every catalogued exploration query may use, quoted from a validated mapping. */
export function mappingPlaceholders(mapping: ValidatedMapping): Record<string, QuotedName> {
  const quoteOrUnmapped = (name: string | null | undefined) => quoteName(name ?? UNMAPPED);
  const identifierTypes = mapping.identifiers.map((identifier) => quoteName(identifier.relationshipType));
  const transferTypes = mapping.transfer ? [quoteName(mapping.transfer.relationshipType)] : [];
  const paymentTypes = mapping.payment ? [quoteName(mapping.payment.relationshipType)] : [];
  const explored = [...identifierTypes, ...transferTypes, ...paymentTypes];
  const orUnmapped = (types: QuotedName[]) => (types.length ? typeAlternatives([...new Set(types)]) : quoteName(UNMAPPED));
  const eventNames = (links: EventLinkMapping[], key: 'fromType' | 'eventLabel' | 'toType') => orUnmapped(links.map((link) => quoteName(link[key])));
  const merchantLinks = merchantEventLinks(mapping);
  const merchant = merchantOf(mapping);
  return {
    ...accountPlaceholders(mapping),
    ...identifierArrows(mapping.identifiers.map((identifier) => identifier.direction)),
    accountCreatedAtProperty: quoteOrUnmapped(mapping.account.createdAtProperty),
    accountRiskScoreProperty: quoteOrUnmapped(mapping.account.riskScoreProperty),
    accountCommunityProperty: quoteOrUnmapped(mapping.account.communityProperty),
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
    merchantLabel: quoteOrUnmapped(merchant?.label),
    merchantIdProperty: quoteOrUnmapped(merchant?.idProperty),
    // The event-node pattern of every mapped event link at once; eventLinksParam tells the links apart.
    eventFromTypes: eventNames(accountEventLinks(mapping), 'fromType'),
    eventLabels: eventNames(accountEventLinks(mapping), 'eventLabel'),
    eventToTypes: eventNames(accountEventLinks(mapping), 'toType'),
    // The same for event links whose far end is a merchant; eventPaymentsParam tells them apart.
    eventPaymentFromTypes: eventNames(merchantLinks, 'fromType'),
    eventPaymentLabels: eventNames(merchantLinks, 'eventLabel'),
    eventPaymentToTypes: eventNames(merchantLinks, 'toType'),
    eventMerchantLabels: orUnmapped(merchantLinks.map((link) => quoteName(link.farEnd.label))),
  };
}

/**
 * The mapped event-node links as a statement parameter: exploration statements match one pattern for
 * all of them (mappingPlaceholders) and keep an event only where its two relationship types and its
 * label belong to one mapped link, whose event label then types the money link and whose amount and
 * time keys are read from the event node.
 */
export function eventLinksParam(mapping: ValidatedMapping): { fromType: string; eventLabel: string; toType: string; amountProperty: string | null; timeProperty: string | null }[] {
  return accountEventLinks(mapping).map(({ fromType, eventLabel, toType, amountProperty, timeProperty }) => ({ fromType, eventLabel, toType, amountProperty, timeProperty }));
}

/**
 * The mapped event links whose far end is a merchant, as a statement parameter (the counterpart of
 * eventLinksParam): an event is a payment to a merchant where its two relationship types, its label
 * and the far end's label belong to one of them; the merchant is named by the link's id key.
 */
export function eventPaymentsParam(mapping: ValidatedMapping): {
  fromType: string;
  eventLabel: string;
  toType: string;
  merchantLabel: string;
  merchantIdProperty: string;
  amountProperty: string | null;
  timeProperty: string | null;
}[] {
  return merchantEventLinks(mapping).map(({ fromType, eventLabel, toType, farEnd, amountProperty, timeProperty }) => ({
    fromType,
    eventLabel,
    toType,
    merchantLabel: farEnd.label,
    merchantIdProperty: farEnd.idProperty,
    amountProperty,
    timeProperty,
  }));
}

/** The event links between two accounts (money links client → client). */
const accountEventLinks = (mapping: SchemaMapping) => mapping.eventLinks.filter((link) => link.farEnd.kind === 'account');

/** The event links whose far end is a merchant (payments through event nodes). */
const merchantEventLinks = (mapping: SchemaMapping) => mapping.eventLinks.flatMap((link) => (link.farEnd.kind === 'merchant' ? [{ ...link, farEnd: link.farEnd }] : []));

/**
 * The label and id key merchant node ids (`merchant:<id>`) are looked up by: the mapped payments',
 * else the first merchant far end of an event link (ring results name merchants by the same key).
 */
export function merchantOf(mapping: SchemaMapping): { label: string; idProperty: string } | null {
  if (mapping.payment) return { label: mapping.payment.merchantLabel, idProperty: mapping.payment.merchantIdProperty };
  const [link] = merchantEventLinks(mapping);
  return link ? { label: link.farEnd.label, idProperty: link.farEnd.idProperty } : null;
}

/** Evidence a mapping does not provide, so detection cannot use it (listed in the run summary). */
export function unmappedEvidence(mapping: SchemaMapping): UnmappedEvidence[] {
  const moneyLinks = mapping.accountLinks.some((link) => link.amountProperty) || accountEventLinks(mapping).some((link) => link.amountProperty);
  const eventPayments = mapping.eventLinks.some((link) => link.farEnd.kind === 'merchant' && link.amountProperty);
  const gaps: [UnmappedEvidence, boolean][] = [
    ['creation-time', !mapping.account.createdAtProperty],
    ['known-bad', !mapping.account.blacklistedProperty],
    ['known-good', !mapping.account.knownGoodProperty],
    ['money-flows', !mapping.transfer && !moneyLinks],
    ['payments', !mapping.payment && !eventPayments],
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

/**
 * Placeholder values for reading one mapped event-node link: event-links-around-accounts for an
 * account far end, event-payments-around-accounts (with the merchant's label and id key) for a merchant.
 */
export function eventLinkPlaceholders(mapping: ValidatedMapping, index: number): Record<string, QuotedName> {
  const link = mapping.eventLinks[index];
  return {
    ...accountPlaceholders(mapping),
    fromType: quoteName(link.fromType),
    eventLabel: quoteName(link.eventLabel),
    toType: quoteName(link.toType),
    amountProperty: quoteName(link.amountProperty ?? UNMAPPED),
    timeProperty: quoteName(link.timeProperty ?? UNMAPPED),
    ...(link.farEnd.kind === 'merchant' && { merchantLabel: quoteName(link.farEnd.label), merchantIdProperty: quoteName(link.farEnd.idProperty) }),
  };
}

/** `:Client|Customer` matches a node with any of the account labels (Cypher 5 label expression). */
const accountPlaceholders = (mapping: ValidatedMapping) => ({ accountLabel: typeAlternatives(mapping.account.labels.map(quoteName)), accountIdProperty: quoteName(mapping.account.idProperty) });

/** How messages and role names call an entry: its display name, else its built-in kind. */
export const identifierName = (identifier: IdentifierMapping): string => identifier.displayName ?? identifier.kind ?? identifier.label;

/** A weight for sharing an identifier of a kind of the team's own until they give one (as for proposed links). */
const CUSTOM_IDENTIFIER_WEIGHT = PROPOSED_LINK_WEIGHT;

/**
 * The mapping's identifier entries as detection sees them, in mapping order (an identifier's kind
 * index is its entry's position): named by display name or built-in kind, weighted by the entry's
 * weight or the kind's default; a kind of the team's own counts as identity evidence (they mapped it as one).
 */
export function detectionIdentifierKinds(mapping: SchemaMapping): IdentifierKindSpec[] {
  return mapping.identifiers.map((identifier) => ({
    name: identifier.displayName ?? identifier.kind ?? identifier.label,
    weight: identifier.weight ?? (identifier.kind ? DEFAULT_KIND_WEIGHTS[identifier.kind] : CUSTOM_IDENTIFIER_WEIGHT),
    identity: identifier.kind ? DEFAULT_RING_SCORE.identityKinds.includes(identifier.kind) : true,
  }));
}

/** Identifier entries in the order search lists them: the built-in kinds in the embedded source's order, then the team's own as mapped. */
export function searchOrder(mapping: SchemaMapping): IdentifierMapping[] {
  const rank = (identifier: IdentifierMapping) => (identifier.kind ? IDENTIFIER_KINDS.indexOf(identifier.kind) : IDENTIFIER_KINDS.length);
  return [...mapping.identifiers].sort((a, b) => rank(a) - rank(b));
}

/** Placeholder values for the queries about one identifier entry (label, value key, link type). */
export function identifierPlaceholders(identifier: IdentifierMapping): Record<string, QuotedName> {
  return {
    identifierLabel: quoteName(identifier.label),
    valueProperty: quoteName(identifier.valueProperty),
    relationshipType: quoteName(identifier.relationshipType),
  };
}
