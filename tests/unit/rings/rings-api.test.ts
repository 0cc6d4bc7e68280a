import { beforeAll, describe, expect, it } from 'vitest';
import type { ProgressEvent, RingClusterDetail, RingsDetectResult, RingsListResult, Subgraph, AccountRisk } from '../../../main/api';
import type { ApiHandlers } from '../../../main/core/api-handlers';
import { generateDemoDataset } from '../../../main/core/demo/generator';
import { DEFAULT_DEMO_OPTIONS, type DemoDataset } from '../../../main/core/demo/dataset';
import { ApiDispatcher } from '../../../main/core/dispatcher';
import { createRingHandlers } from '../../../main/core/rings/handlers';
import { RingService } from '../../../main/core/rings/ring-service';
import { ActiveGraphSource } from '../../../main/core/sources/active-source';
import { EmbeddedGraphSource } from '../../../main/core/sources/embedded-source';

const caller = { user: 'ana' };

/** The rings area and graph.subgraph behind the real dispatcher, with results checked against the contract. */
function ringsApi(dataset: DemoDataset) {
  const embedded = EmbeddedGraphSource.fromDataset(dataset);
  const source = new ActiveGraphSource(embedded);
  const handlers = {
    ...createRingHandlers(new RingService({ source })),
    graph: { subgraph: async ({ nodeIds, includeSharedIdentifiers }, { signal }) => source.subgraph(nodeIds, { includeSharedIdentifiers, signal }) },
  } as Partial<ApiHandlers>;
  const dispatcher = new ApiDispatcher(handlers as ApiHandlers, { validateOutput: true });
  const events: ProgressEvent[] = [];
  dispatcher.onProgress((event) => events.push(event));
  async function call<T>(area: string, name: string, input: unknown): Promise<T> {
    const envelope = await dispatcher.call(area, name, input, caller);
    if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), envelope.error);
    return envelope.value as T;
  }
  return { dispatcher, events, call, embedded };
}

const jaccard = (a: readonly string[], b: readonly string[]) => {
  const left = new Set(a);
  const shared = b.filter((id) => left.has(id)).length;
  return shared / (left.size + b.length - shared);
};

describe('rings Api on the embedded 20k demo graph', () => {
  const dataset = generateDemoDataset(DEFAULT_DEMO_OPTIONS);
  let api: ReturnType<typeof ringsApi>;
  let summary: RingsDetectResult;
  let ranked: RingsListResult;
  let details: RingClusterDetail[];

  beforeAll(async () => {
    api = ringsApi(dataset);
    summary = await api.call('rings', 'detect', { taskId: 'detect-1' });
    ranked = await api.call('rings', 'list', { limit: 500 });
    details = await Promise.all(ranked.clusters.map((cluster) => api.call<RingClusterDetail>('rings', 'get', { clusterId: cluster.clusterId })));
  }, 60_000);

  it('finds at least 90% of the planted rings, each matched by a flagged cluster with Jaccard ≥ 0.8', () => {
    const found = dataset.plantedRings.filter((ring) => {
      const memberIds = ring.members.map((account) => api.embedded.accountNodeId(account));
      return details.some((cluster) => jaccard(memberIds, cluster.memberIds) >= 0.8);
    });
    expect(found.length / dataset.plantedRings.length).toBeGreaterThanOrEqual(0.9);
    expect(summary).toMatchObject({ accounts: 20_000, mode: 'in-process', truncated: false, source: { kind: 'embedded' } });
    expect(summary.flaggedCount).toBe(ranked.total);
    console.log(`rings.detect on the 20k demo: ${summary.seconds} s, ${summary.flaggedCount} flagged of ${summary.clusterCount} clusters`);
  });

  it('reports progress of the detection task and finishes it as done', () => {
    const ofTask = api.events.filter((event) => event.taskId === 'detect-1');
    expect(ofTask.filter((event) => event.state === 'running').length).toBeGreaterThan(3);
    expect(ofTask.at(-1)?.state).toBe('done');
  });

  it('lists the excluded hubs, largest first, masked and above the cutoff shown', () => {
    expect(summary.excludedHubs.length).toBeGreaterThan(0);
    const counts = summary.excludedHubs.map((hub) => hub.accountCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(Math.min(...counts)).toBeGreaterThan(summary.supernodeCutoff);
    for (const hub of summary.excludedHubs.filter((candidate) => candidate.kind === 'ip')) expect(hub.maskedLabel).toContain('•');
  });

  it('ranks flagged clusters by score, each with reasons, and a histogram counting every scored cluster', () => {
    const scores = ranked.clusters.map((cluster) => cluster.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(Math.min(...scores)).toBeGreaterThanOrEqual(summary.minScore);
    expect(ranked.clusters.every((cluster) => cluster.reasons.length > 0 && cluster.reasons[0].code.length > 0)).toBe(true);
    expect(ranked.histogram.counts).toHaveLength(20);
    expect(ranked.histogram.counts.reduce((sum, count) => sum + count, 0)).toBe(summary.clusterCount);
  });

  it('filters by ring kind and minimum score, and pages without overlap', async () => {
    const cashOut = await api.call<RingsListResult>('rings', 'list', { kinds: ['cash-out'], limit: 500 });
    expect(cashOut.total).toBeGreaterThan(0);
    expect(cashOut.total).toBeLessThan(ranked.total);
    expect(cashOut.clusters.every((cluster) => cluster.ringKind === 'cash-out')).toBe(true);
    const strong = await api.call<RingsListResult>('rings', 'list', { minScore: 0.9, limit: 500 });
    expect(strong.clusters.every((cluster) => cluster.score >= 0.9)).toBe(true);
    expect(strong.total).toBe(ranked.clusters.filter((cluster) => cluster.score >= 0.9).length);
    const first = await api.call<RingsListResult>('rings', 'list', { limit: 5, offset: 0 });
    const second = await api.call<RingsListResult>('rings', 'list', { limit: 5, offset: 5 });
    expect(first.clusters.map((c) => c.clusterId)).toEqual(ranked.clusters.slice(0, 5).map((c) => c.clusterId));
    expect(second.clusters.map((c) => c.clusterId)).toEqual(ranked.clusters.slice(5, 10).map((c) => c.clusterId));
  });

  it('returns a cluster whose members match a planted ring, with the identifiers linking them and evidence ids', () => {
    const ring = dataset.plantedRings.find((candidate) => candidate.kind === 'shared-identity')!;
    const memberIds = ring.members.map((account) => api.embedded.accountNodeId(account));
    const cluster = details.find((candidate) => jaccard(memberIds, candidate.memberIds) >= 0.8)!;
    expect(cluster).toBeDefined();
    expect(cluster.identifierIds.length).toBe(cluster.identifierCount);
    expect(cluster.identifierIds.length).toBeGreaterThan(0);
    const withEvidence = details.flatMap((detail) => detail.reasons).filter((reason) => reason.evidenceNodeIds.length > 0);
    expect(withEvidence.length).toBeGreaterThan(0);
  });

  it('gives round-amount bursts and opening bursts the time window they cite, and shared identifiers none', () => {
    const bursts = details.flatMap((detail) => detail.reasons).filter((reason) => reason.code === 'merchant_burst');
    expect(bursts.length).toBeGreaterThan(0);
    for (const reason of bursts) {
      expect(reason.timeWindow).not.toBeNull();
      const { from, to } = reason.timeWindow!;
      // Half-open: the last payment lies 1 ms before `to`.
      expect(Date.parse(to) - 1 - Date.parse(from)).toBe(reason.params.durationMs);
    }
    const openings = details.flatMap((detail) => detail.reasons).filter((reason) => reason.code === 'opening_burst');
    expect(openings.length).toBeGreaterThan(0);
    // Accounts opened together: the window spans their openings, within the cited window length.
    for (const reason of openings) expect(Date.parse(reason.timeWindow!.to) - 1 - Date.parse(reason.timeWindow!.from)).toBeLessThanOrEqual(reason.params.windowMs as number);
    const sharedOnly = details.flatMap((detail) => detail.reasons).filter((reason) => reason.code === 'shared_identifiers');
    expect(sharedOnly.every((reason) => reason.timeWindow === null)).toBe(true);
  });

  it('explains an account near blacklisted ones by its top contributing neighbours', async () => {
    const blacklisted = details.find((detail) => detail.blacklistedCount > 0 && detail.memberCount > detail.blacklistedCount)!;
    const candidates = await Promise.all(blacklisted.memberIds.map((nodeId) => api.call<AccountRisk>('rings', 'accountRisk', { nodeId })));
    const explained = candidates.find((risk) => !risk.seed && risk.contributors.length > 0)!;
    expect(explained).toMatchObject({ status: 'ok' });
    expect(explained.risk).toBeGreaterThan(0);
    const shares = explained.contributors.map((contributor) => contributor.contribution);
    expect(shares).toEqual([...shares].sort((a, b) => b - a));
    expect(explained.contributors.every((contributor) => contributor.nodeId.startsWith('account:'))).toBe(true);
  });

  it('lists nothing before detection and reports an unknown cluster as not found', async () => {
    const fresh = ringsApi(generateDemoDataset({ seed: 3, accounts: 1_000 }));
    expect(await fresh.call('rings', 'list', {})).toMatchObject({ total: 0, clusters: [], detection: null });
    expect(await fresh.dispatcher.call('rings', 'get', { clusterId: 'C-U0000001' }, caller)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await fresh.call('rings', 'accountRisk', { nodeId: 'account:U0000001' })).toMatchObject({ status: 'not-run', risk: null });
    expect(await api.dispatcher.call('rings', 'get', { clusterId: 'C-nobody' }, caller)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('names each invalid field of detect and list', async () => {
    const detect = await api.dispatcher.call('rings', 'detect', { supernodeCutoff: 1, minScore: 2, mode: 'cloud' }, caller);
    expect(detect).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const paths = !detect.ok ? detect.error.fields?.map((field) => field.path) : [];
    expect(paths).toEqual(expect.arrayContaining(['supernodeCutoff', 'minScore', 'mode']));
    const list = await api.dispatcher.call('rings', 'list', { kinds: ['pyramid'], limit: 0 }, caller);
    expect(!list.ok && list.error.fields?.map((field) => field.path)).toEqual(expect.arrayContaining(['kinds.0', 'limit']));
    const gds = await api.dispatcher.call('rings', 'detect', { mode: 'gds' }, caller);
    expect(gds).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: [{ path: 'mode' }] } });
  });

  it('draws a cluster: only edges among the requested nodes, plus shared identifiers when asked', async () => {
    const cluster = details[0];
    const plain = await api.call<Subgraph>('graph', 'subgraph', { nodeIds: cluster.memberIds });
    const members = new Set(cluster.memberIds);
    expect(plain.nodes.map((node) => node.id).sort()).toEqual([...members].sort());
    expect(plain.edges.every((edge) => members.has(edge.source) && members.has(edge.target))).toBe(true);

    const withIdentifiers = await api.call<Subgraph>('graph', 'subgraph', { nodeIds: cluster.memberIds, includeSharedIdentifiers: true });
    const drawn = new Set(withIdentifiers.nodes.map((node) => node.id));
    expect(withIdentifiers.nodes.length).toBeGreaterThan(members.size);
    expect(withIdentifiers.edges.every((edge) => drawn.has(edge.source) && drawn.has(edge.target))).toBe(true);
    for (const identifier of withIdentifiers.nodes.filter((node) => node.kind !== 'account')) {
      const users = withIdentifiers.edges.filter((edge) => edge.target === identifier.id && members.has(edge.source));
      expect(users.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('rejects a subgraph of more than 2,000 nodes and names unknown ids', async () => {
    const tooMany = Array.from({ length: 2_001 }, (_, i) => api.embedded.accountNodeId(i));
    expect(await api.dispatcher.call('graph', 'subgraph', { nodeIds: tooMany }, caller)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: [{ path: 'nodeIds', message: 'at most 2,000 nodes at a time' }] },
    });
    const unknown = await api.dispatcher.call('graph', 'subgraph', { nodeIds: ['account:U0000001', 'account:U9999999'] }, caller);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(!unknown.ok && unknown.error.message).toContain('account:U9999999');
  });
});

describe('cancelling ring detection', () => {
  it('stops a running detection through tasks.cancel and ends the task as cancelled', async () => {
    const api = ringsApi(generateDemoDataset(DEFAULT_DEMO_OPTIONS));
    const running = api.dispatcher.call('rings', 'detect', { taskId: 'detect-cancel' }, caller);
    await expect.poll(() => api.events.some((event) => event.taskId === 'detect-cancel' && event.state === 'running'), { timeout: 10_000 }).toBe(true);
    expect(await api.dispatcher.call('tasks', 'cancel', { taskId: 'detect-cancel' }, caller)).toEqual({ ok: true, value: { cancelled: true } });
    expect(await running).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(api.events.filter((event) => event.taskId === 'detect-cancel').at(-1)?.state).toBe('cancelled');
    // Nothing was kept from the cancelled run.
    expect(await api.call('rings', 'list', {})).toMatchObject({ detection: null });
  });
});
