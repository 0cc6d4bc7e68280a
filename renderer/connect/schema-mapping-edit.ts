import { IDENTIFIER_KINDS, type DiscoveredSchema, type IdentifierKind, type SchemaMapping } from '../../main/api';

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
 * Maps (or, with null, unmaps) one identifier kind, keeping the identifiers in kind order. A newly
 * mapped kind starts from the first discovered label, its first property and the first relationship type.
 */
export function withIdentifier(mapping: SchemaMapping, kind: IdentifierKind, patch: Partial<IdentifierMapping> | null, schema: DiscoveredSchema): SchemaMapping {
  const others = mapping.identifiers.filter((identifier) => identifier.kind !== kind);
  if (patch === null) return { ...mapping, identifiers: others };
  const label = patch.label ?? mapping.identifiers.find((identifier) => identifier.kind === kind)?.label ?? schema.labels[0] ?? '';
  const current = mapping.identifiers.find((identifier) => identifier.kind === kind) ?? {
    kind,
    label,
    valueProperty: propertiesOf(schema, label)[0] ?? '',
    relationshipType: schema.relationshipTypes[0] ?? '',
    weight: null,
  };
  // A new label has other property keys: start from its first one unless the patch names one.
  const valueProperty = patch.label && patch.label !== current.label && !patch.valueProperty ? (propertiesOf(schema, patch.label)[0] ?? '') : current.valueProperty;
  const updated: IdentifierMapping = { ...current, valueProperty, ...patch, kind };
  const identifiers = [...others, updated].sort((a, b) => IDENTIFIER_KINDS.indexOf(a.kind) - IDENTIFIER_KINDS.indexOf(b.kind));
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
  const merchantLabel = mapping.payment?.merchantLabel ?? schema.labels.find((label) => label !== mapping.account.label) ?? '';
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
  const eventLabel = schema.labels.find((label) => label !== mapping.account.label) ?? '';
  const type = schema.relationshipTypes[0] ?? '';
  const link: EventLink = { fromType: type, eventLabel, toType: type, amountProperty: null, timeProperty: null, weight: 0.5 };
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
