import type { DiscoveredSchema, SchemaMapping } from '../../main/api';

type IdentifierMapping = SchemaMapping['identifiers'][number];
type AccountMapping = SchemaMapping['account'];

/** The choices for a select: the discovered names, plus the current value if discovery lacks it (so it stays visible). */
export function choicesWith(discovered: readonly string[], current: string | null | undefined): string[] {
  return current && !discovered.includes(current) ? [current, ...discovered] : [...discovered];
}

/** Property keys seen on nodes of a label (empty for an unknown label). */
export function propertiesOf(schema: DiscoveredSchema, label: string | null | undefined): string[] {
  return (label && schema.nodeProperties[label]) || [];
}

export function withAccount(mapping: SchemaMapping, patch: Partial<AccountMapping>): SchemaMapping {
  return { ...mapping, account: { ...mapping.account, ...patch } };
}

/**
 * A new identifier entry: the first discovered label not mapped yet (an SSN, a wallet), as a kind of
 * the team's own named after its label, with its first property and the first relationship type.
 */
export function withNewIdentifier(mapping: SchemaMapping, schema: DiscoveredSchema): SchemaMapping {
  const used = new Set([...mapping.account.labels, ...mapping.identifiers.map((identifier) => identifier.label)]);
  const label = schema.labels.find((candidate) => !used.has(candidate)) ?? schema.labels[0] ?? '';
  const entry: IdentifierMapping = {
    kind: null,
    displayName: label || null,
    icon: null,
    label,
    valueProperty: propertiesOf(schema, label)[0] ?? '',
    relationshipType: schema.relationshipTypes[0] ?? '',
    direction: 'from-account',
    weight: null,
    masking: 'mask',
  };
  return { ...mapping, identifiers: [...mapping.identifiers, entry] };
}

/** Changes (or, with null, removes) the identifier entry at `index`; a new label starts from its first property key. */
export function withIdentifierEntry(mapping: SchemaMapping, index: number, patch: Partial<IdentifierMapping> | null, schema: DiscoveredSchema): SchemaMapping {
  const identifiers = mapping.identifiers.flatMap((identifier, i) => {
    if (i !== index) return [identifier];
    if (patch === null) return [];
    const newLabel = patch.label !== undefined && patch.label !== identifier.label && patch.valueProperty === undefined;
    return [{ ...identifier, ...patch, ...(newLabel && { valueProperty: propertiesOf(schema, patch.label)[0] ?? '' }) }];
  });
  return { ...mapping, identifiers };
}

const DEFAULT_AMOUNT = 'amount';
const DEFAULT_TIME = 'at';

/** Sets the transfer relationship type; null leaves money transfers unmapped. */
export function withTransferType(mapping: SchemaMapping, relationshipType: string | null): SchemaMapping {
  if (relationshipType === null) return { ...mapping, transfer: null };
  return { ...mapping, transfer: { amountProperty: DEFAULT_AMOUNT, timeProperty: DEFAULT_TIME, ...mapping.transfer, relationshipType } };
}

/** Sets the payment relationship type; null leaves merchant payments unmapped. */
export function withPaymentType(mapping: SchemaMapping, relationshipType: string | null, schema: DiscoveredSchema): SchemaMapping {
  if (relationshipType === null) return { ...mapping, payment: null };
  const merchantLabel = mapping.payment?.merchantLabel ?? schema.labels.find((label) => !mapping.account.labels.includes(label)) ?? '';
  return {
    ...mapping,
    payment: {
      amountProperty: DEFAULT_AMOUNT,
      timeProperty: DEFAULT_TIME,
      merchantLabel,
      merchantIdProperty: propertiesOf(schema, merchantLabel)[0] ?? '',
      merchantNameProperty: null,
      merchantCategoryProperty: null,
      ...mapping.payment,
      relationshipType,
    },
  };
}

type AccountLink = SchemaMapping['accountLinks'][number];
type EventLink = SchemaMapping['eventLinks'][number];

/** Property keys seen on relationships of a type (empty for an unknown type). */
export function relationshipPropertiesOf(schema: DiscoveredSchema, type: string | null | undefined): string[] {
  return (type && schema.relationshipProperties[type]) || [];
}

/** A new direct account link: the first relationship type, undirected, no amount or time, weight 0.5. */
export function withNewAccountLink(mapping: SchemaMapping, schema: DiscoveredSchema): SchemaMapping {
  const link: AccountLink = { relationshipType: schema.relationshipTypes[0] ?? '', directed: false, amountProperty: null, timeProperty: null, weight: 0.5 };
  return { ...mapping, accountLinks: [...mapping.accountLinks, link] };
}

/** Changes (or, with null, removes) the direct account link at `index`; a new type clears properties it lacks. */
export function withAccountLink(mapping: SchemaMapping, index: number, patch: Partial<AccountLink> | null, schema: DiscoveredSchema): SchemaMapping {
  const accountLinks = mapping.accountLinks.flatMap((link, i) => {
    if (i !== index) return [link];
    if (patch === null) return [];
    const updated = { ...link, ...patch };
    const keys = relationshipPropertiesOf(schema, updated.relationshipType);
    const keep = (key: string | null) => (key && keys.includes(key) ? key : null);
    return [{ ...updated, amountProperty: keep(updated.amountProperty), timeProperty: keep(updated.timeProperty) }];
  });
  return { ...mapping, accountLinks };
}

/** A new event-node link: the first label other than the account label, the first type both ways, weight 0.5. */
export function withNewEventLink(mapping: SchemaMapping, schema: DiscoveredSchema): SchemaMapping {
  const eventLabel = schema.labels.find((label) => !mapping.account.labels.includes(label)) ?? '';
  const type = schema.relationshipTypes[0] ?? '';
  const link: EventLink = { fromType: type, eventLabel, toType: type, farEnd: { kind: 'account' }, amountProperty: null, timeProperty: null, weight: 0.5 };
  return { ...mapping, eventLinks: [...mapping.eventLinks, link] };
}

/** Changes (or, with null, removes) the event-node link at `index`; a new event label clears properties it lacks. */
export function withEventLink(mapping: SchemaMapping, index: number, patch: Partial<EventLink> | null, schema: DiscoveredSchema): SchemaMapping {
  const eventLinks = mapping.eventLinks.flatMap((link, i) => {
    if (i !== index) return [link];
    if (patch === null) return [];
    const updated = { ...link, ...patch };
    const keys = propertiesOf(schema, updated.eventLabel);
    const keep = (key: string | null) => (key && keys.includes(key) ? key : null);
    return [{ ...updated, amountProperty: keep(updated.amountProperty), timeProperty: keep(updated.timeProperty) }];
  });
  return { ...mapping, eventLinks };
}

/**
 * The far end of an event-node link after the investigator picks it: an account (null), or merchants
 * of a label, told apart by the id key already chosen while the label has it, else its first key ending in id.
 */
export function eventFarEnd(schema: DiscoveredSchema, merchantLabel: string | null, current: EventLink['farEnd']): EventLink['farEnd'] {
  if (merchantLabel === null) return { kind: 'account' };
  const keys = propertiesOf(schema, merchantLabel);
  const kept = current.kind === 'merchant' && keys.includes(current.idProperty) ? current.idProperty : null;
  return { kind: 'merchant', label: merchantLabel, idProperty: kept ?? keys.find((key) => /id$/i.test(key)) ?? keys[0] ?? '' };
}
