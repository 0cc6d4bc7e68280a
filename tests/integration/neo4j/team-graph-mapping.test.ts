/**
 * A team graph mapped its own way, against the real Neo4j: accounts under two labels (:Client and
 * :Customer), identifier kinds RingScope has no word of its own for (SSNs pointing to the account,
 * crypto wallets), and community ids and scores a batch job wrote (upstream results). Written under
 * labels of its own so the seeded demo graph other tests count stays untouched, and removed afterwards.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ApiErrorBody, RingClusterDetail, RingsDetectResult, RingsListResult, SchemaMapping } from '../../../main/api';
import type { ApiHandlers } from '../../../main/core/api-handlers';
import { Neo4jWriteBack } from '../../../main/core/cases/neo4j-write-back';
import { ConnectionService } from '../../../main/core/connections/connection-service';
import { createConnectionHandlers } from '../../../main/core/connections/handlers';
import { generateDemoDataset } from '../../../main/core/demo/generator';
import { ApiDispatcher } from '../../../main/core/dispatcher';
import { createRingHandlers } from '../../../main/core/rings/handlers';
import { RingService } from '../../../main/core/rings/ring-service';
import { ActiveGraphSource } from '../../../main/core/sources/active-source';
import { EmbeddedGraphSource } from '../../../main/core/sources/embedded-source';
import type { Neo4jGraphSource } from '../../../main/core/sources/neo4j/neo4j-source';

const server = inject('neo4j');
const caller = { user: 'ana' };

// Community 1 (upstream score 0.9): clients C0, C1 and customers K0, K1 share two SSNs.
// Community 2 (score 0.4): C2, C3 and K2 use one wallet. Community 3 (score 0.1, the largest):
// C4, C5, K3, K4, K5 share nothing. K6 has no community. SSNs point to the account; wallets from it.
const FIXTURE = `
  UNWIND [['C0', 'RsTeamClient', 1, 0.9], ['C1', 'RsTeamClient', 1, 0.7], ['K0', 'RsTeamCustomer', 1, 0.2], ['K1', 'RsTeamCustomer', 1, 0.1],
          ['C2', 'RsTeamClient', 2, 0.4], ['C3', 'RsTeamClient', 2, 0.3], ['K2', 'RsTeamCustomer', 2, 0.1],
          ['C4', 'RsTeamClient', 3, 0.1], ['C5', 'RsTeamClient', 3, 0.0], ['K3', 'RsTeamCustomer', 3, 0.1], ['K4', 'RsTeamCustomer', 3, 0.0],
          ['K5', 'RsTeamCustomer', 3, 0.05], ['K6', 'RsTeamCustomer', null, 0.95]] AS row
  CREATE (account {acctId: row[0], ringId: row[2], upstreamScore: row[3]})
  FOREACH (_ IN CASE WHEN row[1] = 'RsTeamClient' THEN [1] ELSE [] END | SET account:RsTeamClient)
  FOREACH (_ IN CASE WHEN row[1] = 'RsTeamCustomer' THEN [1] ELSE [] END | SET account:RsTeamCustomer)
  WITH count(*) AS created
  MATCH (c0 {acctId: 'C0'}), (c1 {acctId: 'C1'}), (k0 {acctId: 'K0'}), (k1 {acctId: 'K1'}), (c2 {acctId: 'C2'}), (c3 {acctId: 'C3'}), (k2 {acctId: 'K2'})
  CREATE (s1:RsTeamSSN {number: '123-45-6789'}), (s2:RsTeamSSN {number: '987-65-4321'}), (w:RsTeamWallet {address: '0x52908400098527886E0F7030069857D2E4169EE7'})
  CREATE (s1)-[:RS_TEAM_ISSUED_TO]->(c0), (s1)-[:RS_TEAM_ISSUED_TO]->(c1), (s1)-[:RS_TEAM_ISSUED_TO]->(k0), (s1)-[:RS_TEAM_ISSUED_TO]->(k1)
  CREATE (s2)-[:RS_TEAM_ISSUED_TO]->(c0), (s2)-[:RS_TEAM_ISSUED_TO]->(k0)
  CREATE (c2)-[:RS_TEAM_USES_WALLET]->(w), (c3)-[:RS_TEAM_USES_WALLET]->(w), (k2)-[:RS_TEAM_USES_WALLET]->(w)`;
const CLEANUP = 'MATCH (n) WHERE n:RsTeamClient OR n:RsTeamCustomer OR n:RsTeamSSN OR n:RsTeamWallet DETACH DELETE n';

const TEAM_MAPPING: SchemaMapping = {
  account: {
    labels: ['RsTeamClient', 'RsTeamCustomer'],
    idProperty: 'acctId',
    createdAtProperty: null,
    riskScoreProperty: 'upstreamScore',
    blacklistedProperty: null,
    knownGoodProperty: null,
    communityProperty: 'ringId',
  },
  identifiers: [
    { kind: null, displayName: 'SSN', icon: 'id-card', label: 'RsTeamSSN', valueProperty: 'number', relationshipType: 'RS_TEAM_ISSUED_TO', direction: 'to-account', weight: 1, masking: 'mask' },
    { kind: null, displayName: 'Wallet', icon: 'wallet', label: 'RsTeamWallet', valueProperty: 'address', relationshipType: 'RS_TEAM_USES_WALLET', direction: 'from-account', weight: 0.9, masking: 'show' },
  ],
  transfer: null,
  payment: null,
  accountLinks: [],
  eventLinks: [],
};

let driver: Driver;
let dataDir: string;
let active: ActiveGraphSource;
let dispatcher: ApiDispatcher;

async function call<T>(area: string, name: string, input: unknown): Promise<T> {
  const envelope = await dispatcher.call(area, name, input, caller);
  if (!envelope.ok) throw new Error(`${area}.${name}: ${envelope.error.message}`);
  return envelope.value as T;
}

async function clustersOf(run: RingsDetectResult): Promise<RingClusterDetail[]> {
  expect(run.clusterCount).toBeGreaterThan(0);
  // Detection ran with minScore 0: every scored cluster is flagged and listed.
  const list = await call<RingsListResult>('rings', 'list', { limit: 100 });
  return Promise.all(list.clusters.map((cluster) => call<RingClusterDetail>('rings', 'get', { clusterId: cluster.clusterId })));
}

const members = (cluster: RingClusterDetail) => cluster.memberIds.map((id) => id.replace('account:', '')).sort();

beforeAll(async () => {
  driver = neo4j.driver(server.uri, neo4j.auth.basic(server.user, server.password));
  await driver.executeQuery(CLEANUP);
  await driver.executeQuery(FIXTURE);
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'ringscope-team-graph-'));
  active = new ActiveGraphSource(EmbeddedGraphSource.fromDataset(generateDemoDataset({ seed: 7, accounts: 1_000 })));
  const connections = new ConnectionService({ dataDir, secrets: null, active });
  dispatcher = new ApiDispatcher({ ...createConnectionHandlers(connections), ...createRingHandlers(new RingService({ source: active })) } as ApiHandlers, { validateOutput: true });
  await call('connections', 'connect', { settings: { name: 'Team graph', uri: server.uri, user: server.user, database: null, schemaMapping: TEAM_MAPPING }, password: server.password });
});

afterAll(async () => {
  await active?.close();
  await driver?.executeQuery(CLEANUP);
  await driver?.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('accounts under two labels, identifiers of kinds the team named', () => {
  it('counts, finds and expands accounts of either label; SSNs pointing to the account link them', async () => {
    const source = active.current as Neo4jGraphSource;
    expect(source.info().accountCount).toBe(13);
    const hits = await source.search('K0', 10, new AbortController().signal);
    expect(hits.map((hit) => hit.node.id)).toContain('account:K0');
    const expanded = await source.expand('account:K0', { limit: 50, offset: 0, signal: new AbortController().signal });
    const ssns = expanded.nodes.filter((node) => node.kind === 'identifier');
    expect(ssns.map((node) => node.label).sort()).toEqual(['•••21', '•••89']);
    expect(ssns[0].identifierType).toEqual({ displayName: 'SSN', icon: 'id-card' });
    const ssn = await source.expand(ssns.find((node) => node.label === '•••89')!.id, { limit: 50, offset: 0, signal: new AbortController().signal });
    expect(ssn.nodes.map((node) => node.id).sort()).toEqual(['account:C0', 'account:C1', 'account:K0', 'account:K1']);
    // An audited unmasked export reads the stored value back.
    const ssnId = ssns.find((node) => node.label === '•••89')!.id;
    expect(await source.revealIdentifiers([ssnId], new AbortController().signal)).toEqual(new Map([[ssnId, '123-45-6789']]));
  });

  it('shows a wallet the mapping marks show as stored, and finds it by its exact value', async () => {
    const source = active.current as Neo4jGraphSource;
    const hits = await source.search('0x52908400098527886E0F7030069857D2E4169EE7', 10, new AbortController().signal);
    expect(hits[0].node).toMatchObject({ kind: 'identifier', label: '0x52908400098527886E0F7030069857D2E4169EE7', identifierType: { displayName: 'Wallet', icon: 'wallet' } });
    expect(hits.map((hit) => hit.node.id)).toEqual(expect.arrayContaining(['account:C2', 'account:C3', 'account:K2']));
  });

  it('detects in-process across both labels, the reasons naming the kinds as the team does', async () => {
    const run = await call<RingsDetectResult>('rings', 'detect', { taskId: 'team-in-process', mode: 'in-process', minScore: 0 });
    expect(run).toMatchObject({ mode: 'in-process', accounts: 13 });
    const clusters = await clustersOf(run);
    const ssnRing = clusters.find((cluster) => members(cluster).join() === 'C0,C1,K0,K1');
    expect(ssnRing?.reasons.find((reason) => reason.code === 'shared_identifiers')?.params).toEqual({ accounts: 4, kinds: ['SSN'], counts: [2] });
    const walletRing = clusters.find((cluster) => members(cluster).join() === 'C2,C3,K2');
    expect(walletRing?.reasons.find((reason) => reason.code === 'shared_identifiers')?.params).toEqual({ accounts: 3, kinds: ['Wallet'], counts: [1] });
  });

  it('lists an SSN shared by more accounts than the hub cutoff as an excluded hub under the name the team gave the kind', async () => {
    const run = await call<RingsDetectResult>('rings', 'detect', { taskId: 'team-hubs', mode: 'in-process', minScore: 0, supernodeCutoff: 3 });
    expect(run.excludedHubs).toEqual([{ nodeId: expect.stringMatching(/^identifier:/), kind: 'identifier', maskedLabel: '•••89', accountCount: 4, identifierType: { displayName: 'SSN', icon: 'id-card' } }]);
  });
});

describe('write-back to accounts under two labels', () => {
  it('marks an approved client and customer with the label, and only them', async () => {
    const source = active.current as Neo4jGraphSource;
    const writeBack = new Neo4jWriteBack({ client: source.client, mapping: source.mapping, target: { mode: 'label', label: 'RsTeamBlacklisted' } });
    await writeBack.markBlacklisted([{ nodeId: 'account:C0', userId: 'C0' }, { nodeId: 'account:K0', userId: 'K0' }], 'RS-TEAM-1');
    const marked = await driver.executeQuery('MATCH (n:RsTeamBlacklisted) RETURN n.acctId AS id ORDER BY id');
    expect(marked.records.map((record) => record.get('id'))).toEqual(['C0', 'K0']);
    await writeBack.clearBlacklisted([{ nodeId: 'account:C0', userId: 'C0' }, { nodeId: 'account:K0', userId: 'K0' }], 'RS-TEAM-1');
    expect((await driver.executeQuery('MATCH (n:RsTeamBlacklisted) RETURN count(n) AS n')).records[0].get('n').toNumber()).toBe(0);
  });
});

describe('upstream results', () => {
  it('loads only the top communities by upstream score, each scored as one cluster with reasons from its own members', async () => {
    const run = await call<RingsDetectResult>('rings', 'detect', { taskId: 'team-upstream', mode: 'upstream', upstreamCommunities: 2, minScore: 0 });
    expect(run).toMatchObject({ mode: 'upstream', accounts: 13, upstream: { communities: 2, cappedCommunities: 0, rankBy: 'score', maxMembers: 500 } });
    const clusters = await clustersOf(run);
    expect([...new Set(clusters.map((cluster) => members(cluster).join(' ')))].sort()).toEqual(['C0 C1 K0 K1', 'C2 C3 K2']);
    const ssnRing = clusters.find((cluster) => members(cluster).includes('C0'))!;
    expect(ssnRing.reasons.find((reason) => reason.code === 'shared_identifiers')?.params).toEqual({ accounts: 4, kinds: ['SSN'], counts: [2] });
  });

  it('ranks by size when asked, and caps the members read per community, saying how many communities were cut', async () => {
    const run = await call<RingsDetectResult>('rings', 'detect', { taskId: 'team-upstream-size', mode: 'upstream', upstreamCommunities: 1, upstreamRankBy: 'size', upstreamMaxMembers: 3, minScore: 0 });
    expect(run.upstream).toEqual({ communities: 1, cappedCommunities: 1, rankBy: 'size', maxMembers: 3 });
    const clusters = await clustersOf(run);
    // Community 3 has five members; the first three in id order were read.
    expect(members(clusters[0])).toEqual(['C4', 'C5', 'K3']);
  });

  it('is refused on a mapping without the upstream community property, naming what to map', async () => {
    await call('connections', 'connect', {
      settings: { name: 'No community', uri: server.uri, user: server.user, database: null, schemaMapping: { ...TEAM_MAPPING, account: { ...TEAM_MAPPING.account, communityProperty: null } } },
      password: server.password,
    });
    const envelope = await dispatcher.call('rings', 'detect', { taskId: 'team-upstream-unmapped', mode: 'upstream' }, caller);
    expect(envelope.ok ? null : (envelope.error as ApiErrorBody)).toMatchObject({ code: 'invalid_input', reason: 'upstream_not_mapped' });
  });
});
