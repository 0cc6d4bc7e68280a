/**
 * Server-side ring detection with Neo4j Graph Data Science, for graphs far beyond one desktop: the
 * shared-identifier graph is projected and split into connected components on the server
 * (gds.graph.project + gds.wcc), and only the accounts of components big enough to be a ring, with
 * their money-flow counterparties, come back to be clustered and scored by the same code as the
 * in-process mode.
 */
import { randomUUID } from 'node:crypto';
import { ApiError } from '../../api';
import { DEFAULT_KIND_WEIGHTS } from '../analytics/projection';
import type { CallContext } from '../api-handlers';
import { mappingPlaceholders } from '../schema/schema-mapping';
import type { Neo4jClient } from '../sources/neo4j/neo4j-client';
import type { Neo4jGraphSource } from '../sources/neo4j/neo4j-source';
import { loadedDetectionGraph, type DetectionGraph } from './detection-graph';

export interface GdsDetectionOptions {
  supernodeCutoff: number;
  minSize: number;
  maxRelationships: number;
}

/** Steps GDS detection reports before the pipeline's own five. */
export const GDS_STEPS = 3;

/** True when the server answers gds.version(); cached per client (a server does not gain GDS while connected). */
export async function hasGds(client: Neo4jClient, signal: AbortSignal): Promise<boolean> {
  const known = gdsAvailability.get(client);
  if (known !== undefined) return known;
  const available = await client.read('gds-version', {}, { signal, timeoutMs: 10_000 }).then(
    (rows) => rows.length > 0,
    (error: unknown) => {
      if (error instanceof ApiError && error.code === 'cancelled') throw error;
      return false;
    },
  );
  gdsAvailability.set(client, available);
  return available;
}

const gdsAvailability = new WeakMap<Neo4jClient, boolean>();

/**
 * Finds the candidate accounts on the server and loads them (plus one hop of transfer and
 * identifier neighbours, so money cycles and fan-ins are complete) as a DetectionGraph.
 */
export async function gdsCandidateGraph(
  source: Neo4jGraphSource,
  { supernodeCutoff, minSize, maxRelationships }: GdsDetectionOptions,
  { signal, progress }: Pick<CallContext, 'signal' | 'progress'>,
): Promise<DetectionGraph> {
  const { client, mapping } = source;
  const names = mappingPlaceholders(mapping);
  const typeWeights = Object.fromEntries(mapping.identifiers.map((identifier) => [identifier.relationshipType, DEFAULT_KIND_WEIGHTS[identifier.kind]]));
  const graphName = `ringscope-rings-${randomUUID()}`;
  const total = GDS_STEPS + 5;
  progress(0, total, 'Projecting the shared-identifier graph on the server (GDS)');
  await client.read('gds-project-shared-identifiers', { graphName, supernodeCutoff, typeWeights }, { names, signal, timeoutMs: 600_000 });
  let candidates: string[];
  try {
    progress(1, total, 'Finding connected components on the server (GDS)');
    const components = await client.read('gds-wcc-candidates', { graphName, minSize }, { names, signal, timeoutMs: 600_000 });
    candidates = components.flatMap((component) => component.accountIds);
  } finally {
    // The projection holds server memory: free it even when the caller cancelled.
    await client.read('gds-drop-graph', { graphName }, { timeoutMs: 60_000 }).catch(() => undefined);
  }
  progress(2, total, 'Loading the candidate clusters');
  const loaded = await source.loadSubgraph(
    { accountIds: candidates, hops: 1 },
    { maxRelationships, supernodeCutoff, signal, onProgress: (relationships) => progress(2 + Math.min(0.99, relationships / maxRelationships), total, 'Loading the candidate clusters') },
  );
  return loadedDetectionGraph(loaded, supernodeCutoff);
}
