/**
 * Bench suite `load`: records per second of RingScope's streaming subgraph load against a bare
 * neo4j-driver loop running the same statements over the same accounts in the same run (warm-up,
 * then 5 alternating runs each; the ratio is the median of the runs' ratios). The ratio is what RingScope's mapping, validation and columnar
 * accumulation cost on top of the driver; the query itself is the same on both sides.
 * Needs the seeded test Neo4j (node tests/neo4j/start.mjs; npm run seed:neo4j).
 */
import neo4j from 'neo4j-driver';
import { graphQueries, renderQuery } from '../../graph-queries/catalog';
import { DEMO_SCHEMA_MAPPING, mappingPlaceholders, type ValidatedMapping } from '../../main/core/schema/schema-mapping';
import { Neo4jClient } from '../../main/core/sources/neo4j/neo4j-client';
import { loadSubgraph } from '../../main/core/sources/neo4j/subgraph-load';
import type { BenchFigures } from './results';

const RUNS = 5;
const ACCOUNT_BATCH = 1_000;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Runs the suite and returns its figures for bench-results.json. */
export async function runLoadBench(log: (line: string) => void = console.log): Promise<BenchFigures> {
  const uri = process.env.NEO4J_URI ?? `bolt://127.0.0.1:${process.env.NEO4J_BOLT_PORT ?? 7687}`;
  const user = process.env.NEO4J_USER ?? 'neo4j';
  const password = process.env.NEO4J_PASSWORD ?? 'ringscope-test';
  const mapping = DEMO_SCHEMA_MAPPING as ValidatedMapping;
  const names = mappingPlaceholders(mapping);
  const client = Neo4jClient.open({ uri, user, password, database: null });
  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password));
  try {
    const [{ accounts }] = await client.read('count-accounts', {}, { names });
    const window = { offset: 0, limit: accounts };

    const ringscope = async () => {
      const started = performance.now();
      const loaded = await loadSubgraph(client, mapping, { window }, { maxRelationships: 10_000_000 });
      return { records: loaded.relationships, seconds: (performance.now() - started) / 1000 };
    };
    const bare = async () => {
      const started = performance.now();
      const session = driver.session({ defaultAccessMode: neo4j.session.READ });
      try {
        const windowResult = await session.run(renderQuery(graphQueries['accounts-window'], names), { offset: neo4j.int(0), limit: neo4j.int(accounts) });
        const accountIds = windowResult.records.map((record) => record.get('accountId') as string);
        const text = renderQuery(graphQueries['subgraph-around-accounts'], names);
        let records = 0;
        for (let start = 0; start < accountIds.length; start += ACCOUNT_BATCH) {
          for await (const record of session.run(text, { accountIds: accountIds.slice(start, start + ACCOUNT_BATCH) })) {
            if (record.toObject()) records++;
          }
        }
        return { records, seconds: (performance.now() - started) / 1000 };
      } finally {
        await session.close();
      }
    };

    await ringscope();
    await bare();
    const ours: number[] = [];
    const baseline: number[] = [];
    const pairedRatios: number[] = [];
    let records = 0;
    for (let run = 0; run < RUNS; run++) {
      // Alternate, so drift in the server's caches affects both sides alike.
      const a = await ringscope();
      const b = await bare();
      if (a.records !== b.records) throw new Error(`The two loops read different record counts: ${a.records} vs ${b.records}`);
      records = a.records;
      ours.push(a.records / a.seconds);
      baseline.push(b.records / b.seconds);
      pairedRatios.push(ours[run] / baseline[run]);
      log(`load run ${run + 1}: RingScope ${Math.round(ours[run])} records/s, bare driver ${Math.round(baseline[run])} records/s (${a.records} records)`);
    }
    const recordsPerSecond = Math.round(median(ours));
    const baselineRecordsPerSecond = Math.round(median(baseline));
    // The median of each run's pair: the server's and the machine's drift between runs cancels out within a pair.
    const ratio = Math.round(median(pairedRatios) * 1000) / 1000;
    log(`load: RingScope ${recordsPerSecond} records/s vs bare neo4j-driver ${baselineRecordsPerSecond} records/s → ratio ${ratio} (median of ${RUNS} paired runs)`);
    return { command: 'npm run bench -- load', accounts, records, recordsPerSecond, baselineRecordsPerSecond, ratio };
  } finally {
    await client.close();
    await driver.close();
  }
}
