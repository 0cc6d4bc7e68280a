/**
 * Ring detection against the real test Neo4j (seeded with the 20k demo graph by global-setup, GDS
 * 2.13 open edition loaded): the in-process mode (a window streamed in, then the pipeline) and the
 * server-side GDS mode (components, Louvain and PageRank on the server) both find the planted rings,
 * agree with each other member by member and on who is risky, and GDS mode leaves no projection behind.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it, vi, type MockInstance } from 'vitest';
import type { AccountRisk, ProgressEvent, RingClusterDetail, RingsDetectResult, RingsListResult } from '../../../main/api';
import { accountName } from '../../../main/core/analytics/input';
import type { RingPipelineOptions, RingPipelineResult } from '../../../main/core/analytics/pipeline';
import { runRingPipelineInWorker } from '../../../main/core/analytics/worker';
import type { ApiHandlers } from '../../../main/core/api-handlers';
import { ConnectionService } from '../../../main/core/connections/connection-service';
import { createConnectionHandlers } from '../../../main/core/connections/handlers';
import { generateDemoDataset } from '../../../main/core/demo/generator';
import { userIdOf } from '../../../main/core/demo/dataset';
import { ApiDispatcher } from '../../../main/core/dispatcher';
import { createRingHandlers } from '../../../main/core/rings/handlers';
import { RingService, type PipelineRunner } from '../../../main/core/rings/ring-service';
import { ActiveGraphSource } from '../../../main/core/sources/active-source';
import { EmbeddedGraphSource } from '../../../main/core/sources/embedded-source';
import type { Neo4jClient } from '../../../main/core/sources/neo4j/neo4j-client';
import type { Neo4jGraphSource } from '../../../main/core/sources/neo4j/neo4j-source';
import { openRawDriver } from '../investigation/neo4j-investigation-fixtures';

const server = inject('neo4j');
const caller = { user: 'ana' };
const planted = generateDemoDataset({ seed: server.seed, accounts: server.accounts }).plantedRings;

let dataDir: string;
let active: ActiveGraphSource;
let dispatcher: ApiDispatcher;
let client: Neo4jClient;
let rawDriver: Driver;
const events: ProgressEvent[] = [];

/** The options and result of the latest pipeline run, seen through the real worker-thread runner. */
let lastRun: { options: Partial<RingPipelineOptions>; result: RingPipelineResult; accountIds: string[]; blacklisted: Uint8Array } | null = null;
const recordingRunner: PipelineRunner = async (input, options, control) => {
  const result = await runRingPipelineInWorker(input, options, control);
  const accountIds = Array.from({ length: input.accounts.count }, (_, account) => accountName(input, account));
  lastRun = { options, result, accountIds, blacklisted: input.accounts.blacklisted };
  return result;
};

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

/** Propagated risk of every account of the latest run that has some and is not a seed, by account id. */
function nonSeedRisk(): Map<string, number> {
  const { result, accountIds, blacklisted } = lastRun!;
  const risk = new Map<string, number>();
  accountIds.forEach((id, account) => {
    if (result.risk.score[account] > 0 && !blacklisted[account]) risk.set(id, result.risk.score[account]);
  });
  return risk;
}

/** The `count` account ids of highest risk. */
const topAccounts = (risk: Map<string, number>, count: number) =>
  [...risk]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([id]) => id);

/** Names of the GDS graphs projected through the `client.read` calls a spy saw. */
function projectedGraphNames(read: { mock: { calls: unknown[][] } }): string[] {
  return read.mock.calls.filter(([name]) => name === 'gds-project-shared-identifiers').map(([, params]) => (params as { graphName: string }).graphName);
}

async function gdsGraphsOnServer(): Promise<string[]> {
  const { records } = await rawDriver.executeQuery('CALL gds.graph.list() YIELD graphName RETURN graphName');
  return records.map((record) => record.get('graphName') as string);
}

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ringscope-rings-'));
  active = new ActiveGraphSource(EmbeddedGraphSource.fromDataset(generateDemoDataset({ seed: 7, accounts: 1_000 })));
  const connections = new ConnectionService({ dataDir, secrets: null, active });
  const rings = new RingService({ source: active, runPipeline: recordingRunner });
  dispatcher = new ApiDispatcher({ ...createConnectionHandlers(connections), ...createRingHandlers(rings) } as ApiHandlers, { validateOutput: true });
  dispatcher.onProgress((event) => events.push(event));
  await call('connections', 'connect', { settings: { name: 'Test graph', uri: server.uri, user: server.user, database: null }, password: server.password });
  client = (active.current as Neo4jGraphSource).client;
  rawDriver = openRawDriver(server);
});

afterAll(async () => {
  await rawDriver?.close();
  await active?.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('rings.detect on Neo4j', () => {
  let inProcess: { summary: RingsDetectResult; members: Set<string>; risk: Map<string, number> };

  it('in RingScope: streams the graph in, finds the planted rings and reports loading progress', async () => {
    const started = performance.now();
    const summary = await call<RingsDetectResult>('rings', 'detect', { taskId: 'neo4j-in-process', mode: 'in-process' });
    const seconds = (performance.now() - started) / 1000;
    expect(summary).toMatchObject({ mode: 'in-process', accounts: server.accounts, truncated: false, source: { kind: 'neo4j' } });
    const clusters = await flaggedClusters();
    expect(ringRecall(clusters)).toBeGreaterThanOrEqual(0.95);
    expect(events.some((event) => event.taskId === 'neo4j-in-process' && event.step === 'rings.load-graph')).toBe(true);
    expect(summary.excludedHubs.length).toBeGreaterThan(0);
    inProcess = { summary, members: new Set(clusters.flatMap((cluster) => cluster.memberIds)), risk: nonSeedRisk() };
    console.log(`Neo4j in-process detect: ${seconds.toFixed(2)} s, ${summary.flaggedCount} flagged, recall ${ringRecall(clusters).toFixed(3)}`);
  });

  describe('server-side with GDS', () => {
    let summary: RingsDetectResult;
    let clusters: RingClusterDetail[];
    let read: MockInstance<Neo4jClient['read']>;
    let stream: MockInstance<Neo4jClient['stream']>;
    // Copied out of the spies: Vitest clears a spy's calls before each test.
    let streamedQueries: string[];
    let projectedGraphs: string[];

    beforeAll(async () => {
      read = vi.spyOn(client, 'read');
      stream = vi.spyOn(client, 'stream');
      const started = performance.now();
      summary = await call<RingsDetectResult>('rings', 'detect', { taskId: 'neo4j-gds', mode: 'gds' });
      const seconds = (performance.now() - started) / 1000;
      streamedQueries = stream.mock.calls.map(([name]) => name);
      projectedGraphs = projectedGraphNames(read);
      clusters = await flaggedClusters();
      console.log(`Neo4j GDS detect: ${seconds.toFixed(2)} s, ${summary.flaggedCount} flagged, recall ${ringRecall(clusters).toFixed(3)}`);
    });

    afterAll(() => {
      read.mockRestore();
      stream.mockRestore();
    });

    it('finds the planted rings, agreeing with the in-process mode member by member', () => {
      expect(summary.mode).toBe('gds');
      expect(ringRecall(clusters)).toBeGreaterThanOrEqual(0.95);
      const gdsMembers = new Set(clusters.flatMap((cluster) => cluster.memberIds));
      const shared = [...gdsMembers].filter((id) => inProcess.members.has(id)).length;
      const agreement = shared / (gdsMembers.size + inProcess.members.size - shared);
      console.log(`GDS member agreement with in-process: ${agreement.toFixed(3)}`);
      expect(agreement).toBeGreaterThanOrEqual(0.95);
    });

    it('runs Louvain and PageRank on the server and builds clusters and risk from their results', () => {
      expect(streamedQueries).toEqual(expect.arrayContaining(['gds-louvain-communities', 'gds-pagerank-risk']));
      expect(events.some((event) => event.taskId === 'neo4j-gds' && event.step === 'rings.gds-louvain')).toBe(true);
      expect(events.some((event) => event.taskId === 'neo4j-gds' && event.step === 'rings.gds-pagerank')).toBe(true);
      // The pipeline was handed the server's communities and scores, and explained the scores without propagating again.
      expect(lastRun?.options.knownCommunities?.some((community) => community >= 0)).toBe(true);
      expect(lastRun?.result.risk.iterations).toBeNull();
    });

    it('ranks the same accounts riskiest as in-process PageRank, and explains them', async () => {
      const gdsRisk = nonSeedRisk();
      const top = 50;
      const inProcessTop = new Set(topAccounts(inProcess.risk, top));
      const overlap = topAccounts(gdsRisk, top).filter((id) => inProcessTop.has(id)).length / top;
      console.log(`GDS PageRank top-${top} overlap with in-process: ${overlap.toFixed(2)}`);
      expect(overlap).toBeGreaterThanOrEqual(0.8);
      const [riskiest] = topAccounts(gdsRisk, 1);
      const explained = await call<AccountRisk>('rings', 'accountRisk', { nodeId: `account:${riskiest}` });
      expect(explained).toMatchObject({ status: 'ok', risk: 1, seed: false });
      expect(explained.contributors.length).toBeGreaterThan(0);
    });

    it('describes the whole graph: every account, and the hubs of the whole graph', () => {
      expect(summary.accounts).toBe(server.accounts);
      expect(summary.excludedHubCount).toBe(inProcess.summary.excludedHubCount);
      expect(summary.excludedHubs.map((hub) => hub.accountCount)).toEqual(inProcess.summary.excludedHubs.map((hub) => hub.accountCount));
    });

    it('drops its projection from the server afterwards', async () => {
      expect(projectedGraphs).toHaveLength(1);
      expect(await gdsGraphsOnServer()).not.toContain(projectedGraphs[0]);
    });
  });

  it('drops the projection when detection is cancelled while GDS runs', async () => {
    const read = vi.spyOn(client, 'read');
    const stopListening = dispatcher.onProgress((event) => {
      if (event.taskId === 'neo4j-gds-cancel' && event.step === 'rings.gds-louvain') void dispatcher.call('tasks', 'cancel', { taskId: 'neo4j-gds-cancel' }, caller);
    });
    try {
      const envelope = await dispatcher.call('rings', 'detect', { taskId: 'neo4j-gds-cancel', mode: 'gds' }, caller);
      expect(envelope).toMatchObject({ ok: false, error: { code: 'cancelled' } });
      const projected = projectedGraphNames(read);
      expect(projected).toHaveLength(1);
      expect(await gdsGraphsOnServer()).not.toContain(projected[0]);
    } finally {
      stopListening();
      read.mockRestore();
    }
  });

  it('chooses GDS by itself when the server has it', async () => {
    const summary = await call<RingsDetectResult>('rings', 'detect', {});
    expect(summary.mode).toBe('gds');
  });
});
