/**
 * Bench suite `load`: records per second of RingScope's streaming subgraph load against a bare
 * neo4j-driver loop running the same statements over the same accounts in the same run (warm-up,
 * then 3 alternating runs each over the first WINDOW_ACCOUNTS accounts; the ratio is the median of
 * the runs' ratios). The ratio is what RingScope's mapping, validation and columnar accumulation
 * cost on top of the driver; the query itself is the same on both sides.
 *
 * Then the whole graph, as in-process detection loads it (`wholeGraph`): every account and every
 * mapped link, once with RingScope (peak RSS of the process sampled meanwhile) and once with the bare
 * driver streaming the same statements' rows. The mapping is the one discovery proposes for the
 * database, so the suite runs on the demo schema and on the payment-network shape alike.
 * Needs the seeded test Neo4j (node tests/neo4j/start.mjs; npm run neo4j:import -- --accounts 1000000).
 *
 * First, the scale the in-process path promises, past what this machine seeds: whole-graph
 * detection of a synthetic 5M-account / 50M-link graph through the product's load and pipeline code,
 * only the driver replaced by generated pages (load-synthetic.ts), in a child process with a time
 * limit; its peak RSS must stay under 2 GiB.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { graphQueries, renderQuery } from '../../graph-queries/catalog';
import { discoverSchema } from '../../main/core/schema/discovery';
import { accountLinkPlaceholders, eventLinkPlaceholders, mappingPlaceholders, validateMapping } from '../../main/core/schema/schema-mapping';
import { Neo4jClient } from '../../main/core/sources/neo4j/neo4j-client';
import { loadSubgraph } from '../../main/core/sources/neo4j/subgraph-load';
import type { BenchFigures } from './results';

const RUNS = 3;
const ACCOUNT_BATCH = 1_000;
/** Accounts of the paired window runs: the size of the seeded test graph, whatever the database holds. */
const WINDOW_ACCOUNTS = 20_000;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const SYNTHETIC_ACCOUNTS = 5_000_000;
const SYNTHETIC_LINKS_PER_ACCOUNT = 10;
const SYNTHETIC_TIME_LIMIT_MS = 30 * 60_000;
const RSS_BUDGET_MB = 2048;

interface SyntheticFigures {
  accounts: number;
  relationships: number;
  loadSeconds: number;
  detectSeconds: number;
  flaggedClusters: number;
  peakRssMB: number;
}

/** Runs load-synthetic.ts in a child process, killed if it outlives the time limit; its figures, or why there are none. */
function runSynthetic(log: (line: string) => void): Promise<SyntheticFigures> {
  const script = path.join(__dirname, 'load-synthetic.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', script, String(SYNTHETIC_ACCOUNTS), String(SYNTHETIC_LINKS_PER_ACCOUNT)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) log(`synthetic: ${line}`);
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), SYNTHETIC_TIME_LIMIT_MS);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(JSON.parse(output.trim().split('\n').at(-1)!) as SyntheticFigures);
      else reject(new Error(signal ? `the synthetic 5M run was stopped (${signal}) after ${SYNTHETIC_TIME_LIMIT_MS / 60_000} min at most` : `the synthetic 5M run failed (exit code ${code})`));
    });
  });
}

/** Runs the suite and returns its figures for bench-results.json. */
export async function runLoadBench(log: (line: string) => void = console.log): Promise<BenchFigures> {
  const synthetic = await runSynthetic(log);
  log(
    `synthetic whole-graph detection: ${synthetic.accounts} accounts, ${synthetic.relationships} relationships, load ${synthetic.loadSeconds} s + detection ${synthetic.detectSeconds} s, ` +
      `peak RSS ${synthetic.peakRssMB} MB (budget ${RSS_BUDGET_MB} MB)`,
  );
  if (synthetic.peakRssMB >= RSS_BUDGET_MB) log(`synthetic: peak RSS is OVER the ${RSS_BUDGET_MB} MB budget`);
  const uri = process.env.NEO4J_URI ?? `bolt://127.0.0.1:${process.env.NEO4J_BOLT_PORT ?? 7687}`;
  const user = process.env.NEO4J_USER ?? 'neo4j';
  const password = process.env.NEO4J_PASSWORD ?? 'ringscope-test';
  const client = Neo4jClient.open({ uri, user, password, database: null });
  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password));
  try {
    const discovered = await discoverSchema(client);
    const mapping = validateMapping(discovered.proposedMapping, discovered);
    const names = mappingPlaceholders(mapping);
    const [{ accounts: graphAccounts }] = await client.read('count-accounts', {}, { names });
    const accounts = Math.min(graphAccounts, WINDOW_ACCOUNTS);
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
            // The one row per account itself is not a relationship: RingScope counts relationships.
            if (record.toObject().row !== 'account') records++;
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

    // The whole graph: the bare driver first (it also warms the page cache), then RingScope.
    const bareWhole = async () => {
      const started = performance.now();
      const session = driver.session({ defaultAccessMode: neo4j.session.READ });
      try {
        const accountIds: string[] = [];
        for await (const record of session.run(renderQuery(graphQueries['all-account-ids'], names))) accountIds.push(record.get('accountId') as string);
        const statements = [
          renderQuery(graphQueries['subgraph-around-accounts'], names),
          ...mapping.accountLinks.map((_, i) => renderQuery(graphQueries['account-links-around-accounts'], accountLinkPlaceholders(mapping, i))),
          ...mapping.eventLinks.map((link, i) => renderQuery(graphQueries[link.farEnd.kind === 'merchant' ? 'event-payments-around-accounts' : 'event-links-around-accounts'], eventLinkPlaceholders(mapping, i))),
        ];
        let rows = 0;
        for (const text of statements) {
          for (let start = 0; start < accountIds.length; start += ACCOUNT_BATCH) {
            for await (const record of session.run(text, { accountIds: accountIds.slice(start, start + ACCOUNT_BATCH) })) if (record.toObject().row !== 'account') rows++;
          }
        }
        return { accounts: accountIds.length, rows, seconds: (performance.now() - started) / 1000 };
      } finally {
        await session.close();
      }
    };
    const bareWholeRun = await bareWhole();
    log(`whole graph, bare driver: ${bareWholeRun.accounts} accounts, ${bareWholeRun.rows} rows in ${bareWholeRun.seconds.toFixed(1)} s`);
    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
    const wholeStarted = performance.now();
    const whole = await loadSubgraph(client, mapping, { wholeGraph: true }, { maxRelationships: Number.MAX_SAFE_INTEGER });
    const wholeSeconds = (performance.now() - wholeStarted) / 1000;
    clearInterval(sampler);
    if (whole.accounts.count !== bareWholeRun.accounts || whole.truncated) throw new Error(`The whole-graph load read ${whole.accounts.count} accounts, the driver ${bareWholeRun.accounts}`);
    const wholeGraphRatioVsDriver = Math.round((bareWholeRun.seconds / wholeSeconds) * 1000) / 1000;
    log(
      `whole graph, RingScope: ${whole.accounts.count} accounts, ${whole.relationships} relationships in ${wholeSeconds.toFixed(1)} s ` +
        `(speed ratio vs the bare driver ${wholeGraphRatioVsDriver}); peak RSS ${Math.round(peakRss / 2 ** 20)} MB (${Math.round(rssBefore / 2 ** 20)} MB before)`,
    );
    return {
      command: 'npm run bench -- load',
      syntheticAccounts: synthetic.accounts,
      syntheticRelationships: synthetic.relationships,
      syntheticLoadSeconds_5M50M: synthetic.loadSeconds,
      syntheticDetectSeconds_5M50M: synthetic.detectSeconds,
      syntheticPeakRssMB_5M50M: synthetic.peakRssMB,
      accounts,
      records,
      recordsPerSecond,
      baselineRecordsPerSecond,
      ratio,
      wholeGraphAccounts: whole.accounts.count,
      wholeGraphRelationships: whole.relationships,
      wholeGraphSeconds: Math.round(wholeSeconds * 10) / 10,
      wholeGraphDriverSeconds: Math.round(bareWholeRun.seconds * 10) / 10,
      wholeGraphRatioVsDriver,
      wholeGraphPeakRssMB: Math.round(peakRss / 2 ** 20),
      wholeGraphRssBeforeMB: Math.round(rssBefore / 2 ** 20),
    };
  } finally {
    await client.close();
    await driver.close();
  }
}
