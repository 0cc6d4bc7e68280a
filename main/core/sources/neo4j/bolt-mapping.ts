/**
 * The one boundary where neo4j-driver values become plain data (like Neo4j Browser's
 * boltMappings.ts): Integer, Node, Relationship, temporal and spatial values never get past here.
 */
import neo4j, { type Record as BoltRecord } from 'neo4j-driver';
import type { PlainNode, PlainRelationship } from '../../../../graph-queries/catalog';

type Scalar = string | number | boolean | null;
export type PlainValue = Scalar | PlainNode | PlainRelationship | PlainValue[] | { [key: string]: PlainValue };

/** Integer → number inside JavaScript's safe range, else its exact decimal string (ids, big counters). */
export function plainInteger(value: { toString(): string; inSafeRange(): boolean; toNumber(): number }): number | string {
  return value.inSafeRange() ? value.toNumber() : value.toString();
}

/** Any driver value → plain data: lists and maps recursively, temporal values as ISO-8601 strings. */
export function toPlain(value: unknown): PlainValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (neo4j.isInt(value)) return plainInteger(value);
  if (neo4j.isNode(value)) return { elementId: value.elementId, labels: [...value.labels], properties: plainProperties(value.properties) };
  if (neo4j.isRelationship(value)) {
    return {
      elementId: value.elementId,
      type: value.type,
      startNodeElementId: value.startNodeElementId,
      endNodeElementId: value.endNodeElementId,
      properties: plainProperties(value.properties),
    };
  }
  // A zoned DateTime is an instant: shown in UTC like JavaScript's Date, so both sources agree.
  if (neo4j.isDateTime(value)) return value.toStandardDate().toISOString();
  if (neo4j.isDate(value) || neo4j.isLocalDateTime(value) || neo4j.isTime(value) || neo4j.isLocalTime(value) || neo4j.isDuration(value)) {
    return value.toString();
  }
  if (neo4j.isPoint(value)) return value.toString();
  if (Array.isArray(value)) return value.map(toPlain);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, entry]) => [key, toPlain(entry)]));
  }
  return String(value);
}

/** Node/relationship properties as DTO property values: scalars only, so lists are joined for display. */
export function plainProperties(properties: Record<string, unknown>): Record<string, Scalar> {
  const result: Record<string, Scalar> = {};
  for (const [key, raw] of Object.entries(properties)) {
    const value = toPlain(raw);
    result[key] = Array.isArray(value) ? value.map((item) => (typeof item === 'object' ? JSON.stringify(item) : String(item))).join(', ') : (value as Scalar);
  }
  return result;
}

/** A result record as a plain object keyed by the RETURN column names. */
export function plainRecord(record: BoltRecord): Record<string, PlainValue> {
  const result: Record<string, PlainValue> = {};
  for (const key of record.keys) result[key as string] = toPlain(record.get(key));
  return result;
}
