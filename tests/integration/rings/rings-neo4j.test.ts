/**
 * Ring detection against the real test Neo4j (seeded with the 20k demo graph by global-setup):
 * the in-process mode (a window streamed in, then the pipeline) and the server-side GDS mode both
 * find the planted rings, and agree with each other member by member.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ProgressEvent, RingClusterDetail, RingsDetectResult, RingsListResult } from '../../../main/api';
import type { ApiHandlers } from '../../../main/core/api-handlers';
import { ConnectionService } from '../../../main/core/connections/connection-service';
import { createConnectionHandlers } from '../../../main/core/connections/handlers';
import { generateDemoDataset } from '../../../main/core/demo/generator';
import { userIdOf } from '../../../main/core/demo/dataset';
import { ApiDispatcher } from '../../../main/core/dispatcher';
import { createRingHandlers } from '../../../main/core/rings/handlers';
import { RingService } from '../../../main/core/rings/ring-service';
import { ActiveGraphSource } from '../../../main/core/sources/active-source';
import { EmbeddedGraphSource } from '../../../main/core/sources/embedded-source';

const server = inject('neo4j');
const caller = { user: 'ana' };
const planted = generateDemoDataset({ seed: server.seed, accounts: server.accounts }).plantedRings;

let dataDir: string;
let active: ActiveGraphSource;
let dispatcher: ApiDispatcher;
const events: ProgressEvent[] = [];

async function call<T>(area: string, name: string, input: unknown): Promise<T> {
  const envelope = await dispatcher.call(area, name, input, caller);
  if (!envelope.ok) throw new Error(`${area}.${name}: ${envelope.error.message}`);
  return envelope.value as T;
}

/** Every flagged cluster of the latest detection with its member ids. */
async function flaggedClusters(): Promise<RingClusterDetail[]> {
  const list = await call<RingsListResult>('rings', 'list', { limit: 500 });
  return Promise.all(list.clusters.map((cluster) => call<RingClusterDetail>('rings', 'get', { clusterId: cluster.clusterId })));
}

/** Share of planted rings matched by a flagged cluster with Jaccard ≥ 0.8. */
function ringRecall(clusters: RingClusterDetail[]): number {
  const found = planted.filter((ring) => {
    const members = new Set(ring.members.map((account) => `account:${userIdOf(account)}`));
    return clusters.some((cluster) => {
      const shared = cluster.memberIds.filter((id) => members.has(id)).length;
      return shared / (members.size + cluster.memberIds.length - shared) >= 0.8;
    });
  });
  return found.length / planted.length;
}

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ringscope-rings-'));
  active = new ActiveGraphSource(EmbeddedGraphSource.fromDataset(generateDemoDataset({ seed: 7, accounts: 1_000 })));
  const connections = new ConnectionService({ dataDir, secrets: null, active });
  dispatcher = new ApiDispatcher({ ...createConnectionHandlers(connections), ...createRingHandlers(new RingService({ source: active })) } as ApiHandlers, {
    validateOutput: true,
  });
  dispatcher.onProgress((event) => events.push(event));
  await call('connections', 'connect', { settings: { name: 'Test graph', uri: server.uri, user: server.user, database: null }, password: server.password });
});

afterAll(async () => {
  await active?.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('rings.detect on Neo4j', () => {
  let inProcessMembers: Set<string>;

  it('in RingScope: streams the graph in, finds the planted rings and reports loading progress', async () => {
    const summary = await call<RingsDetectResult>('rings', 'detect', { taskId: 'neo4j-in-process', mode: 'in-process' });
    expect(summary).toMatchObject({ mode: 'in-process', accounts: server.accounts, truncated: false, source: { kind: 'neo4j' } });
    const clusters = await flaggedClusters();
    expect(ringRecall(clusters)).toBeGreaterThanOrEqual(0.9);
    expect(events.some((event) => event.taskId === 'neo4j-in-process' && event.label === 'Loading the graph from Neo4j')).toBe(true);
    expect(summary.excludedHubs.length).toBeGreaterThan(0);
    inProcessMembers = new Set(clusters.flatMap((cluster) => cluster.memberIds));
    console.log(`Neo4j in-process detect: ${summary.seconds} s, ${summary.flaggedCount} flagged, recall ${ringRecall(clusters).toFixed(3)}`);
  });

  it('server-side with GDS: finds the same planted rings, agreeing with the in-process mode member by member', async () => {
    const summary = await call<RingsDetectResult>('rings', 'detect', { taskId: 'neo4j-gds', mode: 'gds' });
    expect(summary.mode).toBe('gds');
    const clusters = await flaggedClusters();
    expect(ringRecall(clusters)).toBeGreaterThanOrEqual(0.9);
    const gdsMembers = new Set(clusters.flatMap((cluster) => cluster.memberIds));
    const shared = [...gdsMembers].filter((id) => inProcessMembers.has(id)).length;
    const agreement = shared / (gdsMembers.size + inProcessMembers.size - shared);
    console.log(`Neo4j GDS detect: ${summary.seconds} s over ${summary.accounts} candidate accounts, ${summary.flaggedCount} flagged, member agreement ${agreement.toFixed(3)}`);
    expect(agreement).toBeGreaterThanOrEqual(0.95);
    expect(events.some((event) => event.taskId === 'neo4j-gds' && event.label.includes('GDS'))).toBe(true);
  });

  it('chooses GDS by itself when the server has it', async () => {
    const summary = await call<RingsDetectResult>('rings', 'detect', {});
    expect(summary.mode).toBe('gds');
  });
});
