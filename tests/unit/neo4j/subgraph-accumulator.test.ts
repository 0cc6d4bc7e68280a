/**
 * The columns a streamed load fills, fed the rows Neo4j would return for the demo graph (the
 * driver is the only thing left out): detection on them must find what it finds on the embedded
 * graph, although links to identifiers nobody else uses are counted and not kept.
 */
import { describe, expect, it } from 'vitest';
import { accountName, ringInputFromDataset } from '../../../main/core/analytics/input';
import { runRingPipeline } from '../../../main/core/analytics/pipeline';
import { packedAt } from '../../../main/core/analytics/shared-columns';
import { userIdOf } from '../../../main/core/demo/dataset';
import { generateDemoDataset } from '../../../main/core/demo/generator';
import { loadedDetectionGraph } from '../../../main/core/rings/detection-graph';
import { DEMO_SCHEMA_MAPPING, type ValidatedMapping } from '../../../main/core/schema/schema-mapping';
import { SubgraphAccumulator, type SubgraphRow } from '../../../main/core/sources/neo4j/subgraph-accumulator';

const mapping = DEMO_SCHEMA_MAPPING as ValidatedMapping;
const dataset = generateDemoDataset({ seed: 11, accounts: 3_000 });
/** The demo mapping's relationship type of each identifier kind index (IDENTIFIER_KINDS order). */
const TYPE_OF_KIND = mapping.identifiers.map((identifier) => identifier.relationshipType);

/** The subgraph-around-accounts rows of the demo graph, account by account, as the driver would hand them over. */
function* demoRows(): Generator<SubgraphRow> {
  const { accounts, identifiers, identifierLinks, transfers, payments, merchants } = dataset;
  const sharers = new Int32Array(identifiers.count);
  for (const identifier of identifierLinks.identifier) sharers[identifier]++;
  const none = { type: null, target: null, sharedBy: null, amount: null, at: null, targetCreatedAt: null, targetBlacklisted: null, targetKnownGood: null };
  for (let a = 0; a < accounts.count; a++) {
    const base = { accountId: userIdOf(a), createdAt: accounts.createdAt[a], blacklisted: accounts.blacklisted[a] === 1, knownGood: null };
    yield { ...base, ...none, row: 'account' };
    for (let l = 0; l < identifierLinks.count; l++) {
      if (identifierLinks.account[l] !== a) continue;
      const j = identifierLinks.identifier[l];
      yield { ...base, ...none, row: 'link', type: TYPE_OF_KIND[identifiers.kind[j]], target: `4:db:${j}`, sharedBy: sharers[j] };
    }
    for (let t = 0; t < transfers.count; t++) {
      if (transfers.from[t] !== a) continue;
      const to = transfers.to[t];
      const target = { targetCreatedAt: accounts.createdAt[to], targetBlacklisted: accounts.blacklisted[to] === 1, targetKnownGood: null };
      yield { ...base, ...target, row: 'transfer', type: 'TRANSFERRED_TO', target: userIdOf(to), sharedBy: null, amount: transfers.amount[t], at: transfers.at[t] };
    }
    for (let p = 0; p < payments.count; p++) {
      if (payments.account[p] !== a) continue;
      yield { ...base, ...none, row: 'payment', type: 'PAID', target: merchants.merchantId[payments.merchant[p]], amount: payments.amount[p], at: payments.at[p] };
    }
  }
}

function loadDemo(maxRelationships = Number.MAX_SAFE_INTEGER) {
  const accumulator = new SubgraphAccumulator(mapping, { maxRelationships, supernodeCutoff: 50 });
  for (const row of demoRows()) if (!accumulator.addRow(row)) break;
  return accumulator.finish();
}

describe('SubgraphAccumulator', () => {
  it('keeps links to shared identifiers only, counting every relationship read', () => {
    const loaded = loadDemo();
    const { identifierLinks, transfers, payments } = dataset;
    expect(loaded.accounts.count).toBe(dataset.accounts.count);
    expect(loaded.relationships).toBe(identifierLinks.count + transfers.count + payments.count);
    expect(loaded.identifierLinks.count + loaded.unsharedIdentifierLinks).toBe(identifierLinks.count);
    expect(loaded.unsharedIdentifierLinks).toBeGreaterThan(loaded.identifierLinks.count);
    expect([...loaded.identifiers.accountCount].every((sharers) => sharers >= 2)).toBe(true);
    expect(loaded.transfers.count).toBe(transfers.count);
    expect(loaded.payments.count).toBe(payments.count);
  });

  it('gives the clusters, scores and risk that detection finds on the embedded graph', () => {
    const graph = loadedDetectionGraph(loadDemo(), 20);
    const loadedRun = runRingPipeline(graph.input, { projection: { supernodeCutoff: 20 } });
    const embeddedInput = ringInputFromDataset(dataset);
    const embeddedRun = runRingPipeline(embeddedInput, { projection: { supernodeCutoff: 20 } });
    const named = (run: typeof loadedRun, input: typeof embeddedInput) =>
      run.clusters.map((cluster) => ({ score: cluster.score, kind: cluster.kind, members: cluster.members.map((account) => accountName(input, account)).sort() }));
    expect(loadedRun.clusters.length).toBeGreaterThan(10);
    expect(named(loadedRun, graph.input)).toEqual(named(embeddedRun, embeddedInput));
    for (let account = 0; account < graph.input.accounts.count; account += 97) {
      const id = accountName(graph.input, account);
      expect(graph.accountOfNodeId(`account:${id}`)).toBe(account);
      expect(loadedRun.risk.score[account]).toBeCloseTo(embeddedRun.risk.score[Number(id.slice(1))], 12);
    }
    expect(graph.accountOfNodeId('account:U9999999')).toBe(-1);
    expect(graph.accountOfNodeId('merchant:U0000001')).toBe(-1);
  });

  it('names each kept identifier by its element id and stops at the relationship budget', () => {
    const loaded = loadDemo(1_000);
    expect(loaded.relationships).toBe(1_000);
    expect(loaded.truncated).toBe(true);
    const graph = loadedDetectionGraph(loaded, 20);
    expect(graph.identifierNodeId(0)).toMatch(/^[a-z]+:4:db:\d+$/);
    expect(packedAt(loaded.identifiers.elementId, 0)).toBe(graph.identifierNodeId(0).slice(graph.identifierNodeId(0).indexOf(':') + 1));
  });
});
