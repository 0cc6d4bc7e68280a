import type { DiscoveredSchema } from '../../api';
import type { Neo4jClient } from '../sources/neo4j/neo4j-client';
import { proposeMapping, type GraphNames, type RelationshipEnds } from './schema-mapping';

/** Labels, relationship types and per-label property keys of the connected database. */
export async function discoverGraphNames(client: Neo4jClient, signal?: AbortSignal): Promise<GraphNames> {
  const [labels, types, properties, relationshipProperties] = await Promise.all([
    client.read('schema-labels', {}, { signal }),
    client.read('schema-relationship-types', {}, { signal }),
    client.read('schema-node-properties', {}, { signal }),
    client.read('schema-relationship-properties', {}, { signal }),
  ]);
  return {
    labels: labels.map((row) => row.label),
    relationshipTypes: types.map((row) => row.relationshipType),
    nodeProperties: Object.fromEntries(properties.map((row) => [row.label, [...row.properties].sort()])),
    relationshipProperties: Object.fromEntries(relationshipProperties.map((row) => [unquoteRelType(row.relType), [...row.properties].sort()])),
  };
}

/** db.schema.relTypeProperties() names a type as :`TYPE` (backticks inside doubled). */
function unquoteRelType(relType: string): string {
  const quoted = /^:`(.*)`$/.exec(relType);
  return quoted ? quoted[1].replaceAll('``', '`') : relType.replace(/^:/, '');
}

/** Which labels each relationship type starts and ends at, read from the count store. */
export async function discoverRelationshipEnds(client: Neo4jClient, signal?: AbortSignal): Promise<RelationshipEnds> {
  const ends: RelationshipEnds = {};
  for (const row of await client.read('schema-relationship-ends', {}, { signal })) {
    const entry = (ends[row.relationshipType] ??= { from: [], to: [] });
    if (row.startLabel) entry.from.push(row.startLabel);
    if (row.endLabel) entry.to.push(row.endLabel);
  }
  return ends;
}

/** Discovers the schema and proposes a mapping for it (demo-schema defaults where they fit). */
export async function discoverSchema(client: Neo4jClient, signal?: AbortSignal): Promise<DiscoveredSchema> {
  const [names, ends] = await Promise.all([discoverGraphNames(client, signal), discoverRelationshipEnds(client, signal)]);
  const { mapping, notes } = proposeMapping(names, ends);
  return { ...names, proposedMapping: mapping, notes };
}
