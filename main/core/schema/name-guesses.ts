/**
 * Guesses for a graph that does not follow the demo schema: which label holds the accounts, which of
 * their property keys are the id and the markers, and which labels hung off accounts are shared
 * identifiers of which kind. Read from names and from which labels relationship types join, never
 * from values; the investigator checks every guess in the Connect screen before it is used.
 */
import { IDENTIFIER_KINDS, type IdentifierKind, type SchemaMapping } from '../../api';
import type { GraphNames, RelationshipEnds } from './schema-mapping';

type AccountMapping = SchemaMapping['account'];
type IdentifierMapping = SchemaMapping['identifiers'][number];

/** Key names teams use for each account field, most specific first. */
const ACCOUNT_KEYS = {
  createdAtProperty: ['createdAt', 'created', 'openedAt', 'registeredAt', 'signupAt', 'createdOn'],
  riskScoreProperty: ['riskScore', 'score', 'risk'],
  blacklistedProperty: ['blacklisted', 'knownBad', 'fraud', 'isFraud', 'fraudulent', 'blocked', 'isBlacklisted'],
  knownGoodProperty: ['knownGood', 'verified', 'isVerified', 'whitelisted', 'trusted'],
  communityProperty: ['communityId', 'community', 'clusterId'],
} as const;

/** Label and type name fragments per identifier kind; checked in this order (an "IPAddress" is an IP, not an address). */
const KIND_PATTERNS: [IdentifierKind, RegExp][] = [
  ['email', /e-?mail/i],
  ['ip', /(^|_|[a-z])IP(Address)?($|_|[A-Z])|^ip_?addr/],
  ['phone', /phone|mobile|msisdn|tel/i],
  ['device', /device|fingerprint|imei|handset/i],
  // Identity documents and cards: numbers whose last four digits are shown, the rest masked.
  ['card', /card|national|passport|id_?number|idcard|document|ssn|license/i],
  ['address', /address|residence|domicile/i],
];

/** The label most relationship types start from: where a graph keeps its accounts (people act, things are acted on). */
export function busiestLabel(names: GraphNames, ends: RelationshipEnds): string | null {
  const outgoing = new Map<string, number>();
  for (const type of names.relationshipTypes) for (const label of ends[type]?.from ?? []) outgoing.set(label, (outgoing.get(label) ?? 0) + 1);
  const ranked = [...outgoing].sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  return ranked[0]?.[0] ?? null;
}

/** Account fields of a label from its property keys: the id by the label's name (`clientId`, `id`), markers by common names. */
export function guessAccount(label: string, names: GraphNames): AccountMapping {
  const keys = names.nodeProperties[label] ?? [];
  const idProperty = guessIdProperty(label, names) ?? keys[0] ?? 'id';
  const first = (candidates: readonly string[]) => candidates.find((key) => keys.includes(key)) ?? null;
  return {
    labels: [label],
    idProperty,
    createdAtProperty: first(ACCOUNT_KEYS.createdAtProperty),
    riskScoreProperty: first(ACCOUNT_KEYS.riskScoreProperty),
    blacklistedProperty: first(ACCOUNT_KEYS.blacklistedProperty),
    knownGoodProperty: first(ACCOUNT_KEYS.knownGoodProperty),
    communityProperty: first(ACCOUNT_KEYS.communityProperty),
  };
}

/** The key that tells nodes of a label apart, by the label's name (`clientId`, `merchant_id`, `id`), else any key ending in id. */
export function guessIdProperty(label: string, names: GraphNames): string | null {
  const keys = names.nodeProperties[label] ?? [];
  const own = `${label.charAt(0).toLowerCase()}${label.slice(1)}`;
  return [`${own}Id`, `${own}_id`, 'id', 'uid'].find((key) => keys.includes(key)) ?? keys.find((key) => /id$/i.test(key)) ?? null;
}

/**
 * Identifiers the demo defaults missed: a relationship type from accounts to one other label whose
 * nodes lead nowhere back to accounts (else it is an event), of a kind its label or type names.
 * A kind or type already mapped is skipped; the value key is the label's only key, or one that names a value.
 */
export function guessIdentifiers(names: GraphNames, ends: RelationshipEnds, accountLabel: string, mapped: readonly IdentifierMapping[]): IdentifierMapping[] {
  const takenKinds = new Set(mapped.map((identifier) => identifier.kind));
  const takenTypes = new Set(mapped.map((identifier) => identifier.relationshipType));
  const leadsToAccounts = (label: string) => names.relationshipTypes.some((type) => ends[type]?.from.includes(label) && ends[type].to.includes(accountLabel));
  const guessed: IdentifierMapping[] = [];
  for (const type of names.relationshipTypes) {
    const targets = ends[type]?.to ?? [];
    if (takenTypes.has(type) || !ends[type]?.from.includes(accountLabel) || targets.length !== 1) continue;
    const [label] = targets;
    if (label === accountLabel || leadsToAccounts(label)) continue;
    const kind = KIND_PATTERNS.find(([candidate, pattern]) => !takenKinds.has(candidate) && (pattern.test(label) || pattern.test(type)))?.[0];
    const keys = names.nodeProperties[label] ?? [];
    const valueProperty = keys.length === 1 ? keys[0] : keys.find((key) => /value|number|address|fingerprint|^id$|Id$/i.test(key));
    if (!kind || !valueProperty) continue;
    takenKinds.add(kind);
    guessed.push({ kind, displayName: null, icon: null, label, valueProperty, relationshipType: type, direction: 'from-account', weight: null, masking: 'mask' });
  }
  return guessed;
}

/** Identifier mappings in the order of IDENTIFIER_KINDS, as the demo defaults list them. */
export const byKindOrder = (a: IdentifierMapping, b: IdentifierMapping): number => kindOrder(a) - kindOrder(b);
/** A kind of the team's own (SSN, wallet) comes after the built-in ones. */
const kindOrder = ({ kind }: IdentifierMapping) => (kind === null ? IDENTIFIER_KINDS.length : IDENTIFIER_KINDS.indexOf(kind));
