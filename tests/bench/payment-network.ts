/**
 * The payment-network graph of the `rings` and `propagation` suites, read as the app reads a team's
 * graph: the mapping discovery proposes for the database (checked like a saved one), then the
 * whole-graph streaming load. The ground truth comes from regenerating the dataset the seed marker
 * names (its fingerprint must match), with planted ring members moved to the loaded positions.
 * Needs the test Neo4j seeded with `npm run neo4j:import -- --schema payments --accounts 100000`
 * (or `npm run seed:neo4j -- --schema payments --wipe --accounts 100000`); NEO4J_BOLT_PORT picks it.
 */
import type { PlantedRing } from '../../main/core/demo/dataset';
import { generateDemoDataset } from '../../main/core/demo/generator';
import { discoverSchema } from '../../main/core/schema/discovery';
import { validateMapping, type ValidatedMapping } from '../../main/core/schema/schema-mapping';
import { Neo4jClient } from '../../main/core/sources/neo4j/neo4j-client';
import { clientIdOf, paymentNetworkFingerprint } from '../../main/core/sources/neo4j/seed-payment-network';
import type { LoadedSubgraph } from '../../main/core/sources/neo4j/subgraph-accumulator';
import { loadSubgraph } from '../../main/core/sources/neo4j/subgraph-load';

export interface PaymentNetworkGraph {
  loaded: LoadedSubgraph;
  mapping: ValidatedMapping;
  /** Planted rings, members as positions in `loaded`. */
  planted: PlantedRing[];
  loadSeconds: number;
}

export async function loadPaymentNetworkGraph(log: (line: string) => void): Promise<PaymentNetworkGraph> {
  const port = process.env.NEO4J_BOLT_PORT ?? '7687';
  const client = Neo4jClient.open({ uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: process.env.NEO4J_PASSWORD ?? 'ringscope-test', database: null });
  try {
    const [marker] = await client.read('seed-marker-read', {});
    if (marker?.seed == null || marker.accounts == null) throw new Error(`the Neo4j on port ${port} holds no seeded dataset (npm run neo4j:import -- --schema payments --accounts 100000)`);
    const dataset = generateDemoDataset({ seed: marker.seed, accounts: marker.accounts });
    if (marker.fingerprint !== paymentNetworkFingerprint(dataset)) throw new Error(`the Neo4j on port ${port} does not hold the payment-network shape of seed ${marker.seed}`);
    const discovered = await discoverSchema(client);
    const mapping = validateMapping(discovered.proposedMapping, discovered);
    log(`proposed mapping: accounts ${mapping.account.labels.join('|')}.${mapping.account.idProperty}, identifiers ${mapping.identifiers.map((i) => `${i.kind}=${i.label}`).join(' ')}, event links ${mapping.eventLinks.map((l) => `${l.fromType}>${l.eventLabel}>${l.toType}>${l.farEnd.kind === 'merchant' ? l.farEnd.label : 'account'}`).join(' ')}`);
    const started = performance.now();
    const loaded = await loadSubgraph(client, mapping, { wholeGraph: true }, { maxRelationships: Number.MAX_SAFE_INTEGER });
    const loadSeconds = Math.round(performance.now() - started) / 1000;
    const planted = dataset.plantedRings.map((ring) => ({ ...ring, members: ring.members.map((member) => loaded.accountIndex.find(clientIdOf(member))) }));
    if (planted.some((ring) => ring.members.includes(-1))) throw new Error('a planted ring member was not loaded');
    log(`loaded ${loaded.accounts.count} clients, ${loaded.relationships} relationships in ${loadSeconds} s`);
    return { loaded, mapping, planted, loadSeconds };
  } finally {
    await client.close();
  }
}
