/**
 * Child process of the `load` bench (tests/bench/load.ts runs it with a time limit): in-process ring
 * detection of a whole synthetic graph as the app runs it, through the product's code with only the
 * Neo4j driver replaced by synthetic pages (synthetic-graph.ts): the streamed load, the detection
 * graph, then the ring pipeline on its worker threads. Logs RSS at each phase boundary on stderr and
 * prints one JSON line of figures on stdout. The peak RSS is the kernel's high-water mark of the
 * whole process, worker threads included (getrusage maxrss), so no short spike between samples is missed.
 *
 * tsx tests/bench/load-synthetic.ts <accounts> <linksPerAccount>
 */
import { runRingPipelineInWorker } from '../../main/core/analytics/worker';
import { DEFAULT_PROJECTION_OPTIONS } from '../../main/core/analytics/projection';
import { loadedDetectionGraph } from '../../main/core/rings/detection-graph';
import { loadSubgraph } from '../../main/core/sources/neo4j/subgraph-load';
import { SYNTHETIC_MAPPING, syntheticRowSource } from './synthetic-graph';

const MB = 2 ** 20;
const rssMB = () => Math.round(process.memoryUsage().rss / MB);
const peakRssMB = () => Math.round((process.resourceUsage().maxRSS * 1024) / MB);

async function main(): Promise<void> {
  const accounts = Number(process.argv[2]);
  const linksPerAccount = Number(process.argv[3]);
  const log = (line: string) => console.error(`${line} (RSS ${rssMB()} MB, peak ${peakRssMB()} MB)`);
  const supernodeCutoff = DEFAULT_PROJECTION_OPTIONS.supernodeCutoff;
  const source = syntheticRowSource({ accounts, linksPerAccount, transfersPerAccount: 1.4 });
  log(`synthetic graph of ${accounts} accounts, ${linksPerAccount} links per account`);

  const started = performance.now();
  let lastReport = 0;
  const loaded = await loadSubgraph(source, SYNTHETIC_MAPPING, { wholeGraph: true }, {
    maxRelationships: Number.MAX_SAFE_INTEGER,
    supernodeCutoff,
    onProgress: (relationships) => {
      if (relationships - lastReport < 10_000_000) return;
      lastReport = relationships;
      log(`  ${relationships} relationships`);
    },
  });
  const loadSeconds = (performance.now() - started) / 1000;
  log(
    `loaded ${loaded.accounts.count} accounts, ${loaded.relationships} relationships in ${loadSeconds.toFixed(1)} s: ` +
      `${loaded.identifierLinks.count} links to ${loaded.identifiers.count} shared identifiers (${loaded.unsharedIdentifierLinks} to unshared ones), ` +
      `${loaded.transfers.count} transfers, ${loaded.payments.count} payments`,
  );
  const graph = loadedDetectionGraph(loaded, supernodeCutoff);
  log('detection graph built');
  const detectStarted = performance.now();
  const result = await runRingPipelineInWorker(graph.input, { projection: { supernodeCutoff }, includeUnflagged: true });
  const detectSeconds = (performance.now() - detectStarted) / 1000;
  log(`detected ${result.scoredClusterCount} clusters (${result.flaggedClusterCount} flagged), ${result.cycles.length} cycles in ${detectSeconds.toFixed(1)} s`);
  console.log(
    JSON.stringify({
      accounts: loaded.accounts.count,
      relationships: loaded.relationships,
      loadSeconds: Math.round(loadSeconds * 10) / 10,
      detectSeconds: Math.round(detectSeconds * 10) / 10,
      flaggedClusters: result.flaggedClusterCount,
      peakRssMB: peakRssMB(),
    }),
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
