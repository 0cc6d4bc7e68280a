/**
 * Bench suite `rings` (issue #4): ring-detection accuracy against the demo generator's planted rings
 * at 100k and 1M accounts, and speed and memory of the 1M-account pipeline against graphology
 * (connected components + Louvain on the same shared-identifier projection, graph built outside
 * the timing) and networkx when python3 has it, all in the same run. First, accuracy on the
 * payment-network shape read from Neo4j through the mapping discovery proposes (payment-network.ts):
 * the same detection with no creation times, e-mail/phone/national-id/device identifiers and
 * transactions as event nodes; null with a note when that Neo4j is not there.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import { connectedComponents as graphologyComponents } from 'graphology-components';
import { louvainCommunities } from '../../main/core/analytics/communities';
import { connectedComponents } from '../../main/core/analytics/components';
import { ringInputFromDataset, type RingDetectionInput } from '../../main/core/analytics/input';
import { runRingPipeline, type RingPipelineResult } from '../../main/core/analytics/pipeline';
import { projectedSubgraph, sharedIdentifierProjection, type WeightedCsrGraph } from '../../main/core/analytics/projection';
import { runRingPipelineInWorker } from '../../main/core/analytics/worker';
import type { PlantedRing } from '../../main/core/demo/dataset';
import { generateDemoDataset } from '../../main/core/demo/generator';
import { ringAccuracy } from './accuracy';
import { loadPaymentNetworkGraph } from './payment-network';
import type { BenchFigures } from './results';

const SEED = 20261125;
const TIMED_RUNS = 3;
const NETWORKX_TIMEOUT_MS = 300_000;

const seconds = (ms: number) => Math.round(ms) / 1000;
const round = (value: number, digits = 4) => Math.round(value * 10 ** digits) / 10 ** digits;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** A full garbage collection between phases, so one phase's garbage is not billed to the next. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** Generates a dataset and keeps only what detection and scoring need (drops millions of identifier strings). */
function demoInput(accounts: number): { input: RingDetectionInput; planted: PlantedRing[]; generationSeconds: number } {
  const started = performance.now();
  const dataset = generateDemoDataset({ seed: SEED, accounts });
  const generationSeconds = seconds(performance.now() - started);
  return { input: ringInputFromDataset(dataset), planted: dataset.plantedRings, generationSeconds };
}

function accuracyFigures(suffix: string, input: RingDetectionInput, planted: PlantedRing[], result: RingPipelineResult): BenchFigures {
  const accuracy = ringAccuracy(input.accounts.count, planted, result.clusters);
  return {
    [`memberPrecision_${suffix}`]: round(accuracy.memberPrecision),
    [`memberRecall_${suffix}`]: round(accuracy.memberRecall),
    [`memberF1_${suffix}`]: round(accuracy.memberF1),
    [`ringRecall_${suffix}`]: round(accuracy.ringRecall),
    [`plantedRings_${suffix}`]: accuracy.plantedRings,
    [`flaggedClusters_${suffix}`]: accuracy.flaggedClusters,
  };
}

function machineFigures(command: string): BenchFigures {
  return {
    machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB, node ${process.version}`,
    loadAverageAtStart: round(os.loadavg()[0], 2),
    command,
  };
}

/** Accuracy on the payment network (from Neo4j) and on the 100k-account demo graph: the minutes-long part of the suite. */
async function accuracyAt100k(log: (line: string) => void): Promise<BenchFigures> {
  // First, so the Neo4j it reads is free again while the in-memory part runs.
  const figures = await paymentNetworkAccuracy(log);
  const { input, planted, generationSeconds } = demoInput(100_000);
  const started = performance.now();
  const result = runRingPipeline(input);
  Object.assign(figures, accuracyFigures('100k', input, planted, result), { seconds_100k: seconds(performance.now() - started) });
  log(`100k accounts (generated in ${generationSeconds} s): member F1 ${figures.memberF1_100k}, ring recall ${figures.ringRecall_100k}`);
  return figures;
}

/**
 * Suite `rings-accuracy`: the accuracy figures of `rings` without its 1M-account part (tens of
 * minutes on a shared 2-core machine), for iterating on detection quality.
 */
export async function runRingsAccuracyBench(log: (line: string) => void = console.log): Promise<BenchFigures> {
  return { ...machineFigures('npm run bench -- rings-accuracy'), ...(await accuracyAt100k(log)) };
}

/** Runs the suite and returns its figures for bench-results.json. */
export async function runRingsBench(log: (line: string) => void = console.log): Promise<BenchFigures> {
  const figures: BenchFigures = { ...machineFigures('npm run bench -- rings'), ...(await accuracyAt100k(log)) };

  const { input, planted, generationSeconds } = demoInput(1_000_000);
  figures.identifierLinks_1m = input.identifierLinks.count;
  figures.transfers_1m = input.transfers.count;
  log(`1M accounts generated in ${generationSeconds} s: ${input.identifierLinks.count} identifier links, ${input.transfers.count} transfers`);

  // In one thread, step by step: the figures behind each step's share of the time.
  const inThreadRuns: number[] = [];
  let result: RingPipelineResult | null = null;
  for (let run = 0; run < TIMED_RUNS; run++) {
    collectGarbage();
    const started = performance.now();
    result = runRingPipeline(input);
    inThreadRuns.push(performance.now() - started);
    log(`in-thread run ${run + 1}: ${seconds(inThreadRuns[run])} s ${JSON.stringify(Object.fromEntries(Object.entries(result.timingsMs).map(([k, v]) => [k, seconds(v)])))}`);
  }
  Object.assign(figures, accuracyFigures('1m', input, planted, result!), {
    inThreadSeconds_1m: seconds(median(inThreadRuns)),
    flaggedClusters_1m: result!.flaggedClusterCount,
    supernodeCutoff: result!.supernodeCutoff,
    excludedHubs_1m: result!.excludedHubs.length,
  });
  log(`1M: member F1 ${figures.memberF1_1m} (P ${figures.memberPrecision_1m}, R ${figures.memberRecall_1m}), ring recall ${figures.ringRecall_1m}`);
  result = null;

  // As the app runs it: clusters and risk on two worker threads (start-up and the copy into shared
  // memory included), while this thread samples the process's RSS for the peak memory.
  const workerRuns: number[] = [];
  collectGarbage();
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 10);
  for (let run = 0; run < TIMED_RUNS; run++) {
    const started = performance.now();
    await runRingPipelineInWorker(input);
    workerRuns.push(performance.now() - started);
    log(`worker run ${run + 1}: ${seconds(workerRuns[run])} s`);
  }
  clearInterval(sampler);
  figures.seconds_1m = seconds(median(workerRuns));
  figures.firstRunSeconds_1m = seconds(workerRuns[0]);
  figures.peakMemoryMB_1m = Math.round(peakRss / 2 ** 20);
  figures.rssBeforePipelineMB_1m = Math.round(rssBefore / 2 ** 20);
  log(`pipeline as the app runs it (2 worker threads): median ${figures.seconds_1m} s; peak RSS ${figures.peakMemoryMB_1m} MB (input columns + workers; ${figures.rssBeforePipelineMB_1m} MB before)`);

  // Baselines on the same projection: every account, projected edges materialised with merged weights.
  const projection = sharedIdentifierProjection(input);
  const allAccounts = Int32Array.from({ length: input.accounts.count }, (_, a) => a);
  const projected = projectedSubgraph(projection, allAccounts, new Int32Array(input.accounts.count).fill(-1));
  figures.projectedEdges_1m = projected.targets.length / 2;

  {
    collectGarbage();
    const started = performance.now();
    connectedComponents(projection);
    louvainCommunities(projected);
    figures.ownComponentsAndLouvainSeconds_1m = seconds(performance.now() - started);
  }

  const graph = graphologyGraph(projected);
  collectGarbage();
  const graphologyStarted = performance.now();
  const components = graphologyComponents(graph);
  const communities = louvain(graph, { getEdgeWeight: 'weight' });
  figures.graphologySeconds_1m = seconds(performance.now() - graphologyStarted);
  figures.speedupVsGraphology_1m = round(Number(figures.graphologySeconds_1m) / Number(figures.seconds_1m), 2);
  figures.inThreadSpeedupVsGraphology_1m = round(Number(figures.graphologySeconds_1m) / Number(figures.inThreadSeconds_1m), 2);
  figures.ownLouvainSpeedupVsGraphology_1m = round(Number(figures.graphologySeconds_1m) / Number(figures.ownComponentsAndLouvainSeconds_1m), 2);
  log(
    `graphology components + Louvain: ${figures.graphologySeconds_1m} s (${components.length} components, ${new Set(Object.values(communities)).size} communities); ` +
      `RingScope pipeline ${figures.seconds_1m} s → ${figures.speedupVsGraphology_1m}× faster (in one thread ${figures.inThreadSpeedupVsGraphology_1m}×); ` +
      `RingScope components + Louvain alone on the whole projection ${figures.ownComponentsAndLouvainSeconds_1m} s`,
  );

  Object.assign(figures, networkxBaseline(projected, log));
  if (typeof figures.networkxSeconds_1m === 'number') {
    figures.speedupVsNetworkx_1m = round(figures.networkxSeconds_1m / Number(figures.seconds_1m), 2);
  }
  figures.processPeakRssMB = Math.round(process.resourceUsage().maxRSS / 1024);
  return figures;
}

/** Detection accuracy on the payment-network shape, loaded from Neo4j as a team's graph is. */
async function paymentNetworkAccuracy(log: (line: string) => void): Promise<BenchFigures> {
  let graph;
  try {
    graph = await loadPaymentNetworkGraph(log);
  } catch (error) {
    const note = error instanceof Error ? error.message : String(error);
    log(`payment-network accuracy skipped: ${note}`);
    return { paymentsMemberF1: null, paymentsRingRecall: null, paymentsNote: `skipped: ${note}` };
  }
  const { loaded, planted, loadSeconds } = graph;
  const started = performance.now();
  const result = runRingPipeline(loaded);
  const accuracy = ringAccuracy(loaded.accounts.count, planted, result.clusters);
  log(`payment network (${loaded.accounts.count} clients): member F1 ${round(accuracy.memberF1)} (P ${round(accuracy.memberPrecision)}, R ${round(accuracy.memberRecall)}), ring recall ${round(accuracy.ringRecall)}`);
  return {
    paymentsAccounts: loaded.accounts.count,
    paymentsMemberPrecision: round(accuracy.memberPrecision),
    paymentsMemberRecall: round(accuracy.memberRecall),
    paymentsMemberF1: round(accuracy.memberF1),
    paymentsRingRecall: round(accuracy.ringRecall),
    paymentsPlantedRings: accuracy.plantedRings,
    paymentsFlaggedClusters: accuracy.flaggedClusters,
    paymentsLoadSeconds: loadSeconds,
    paymentsDetectionSeconds: seconds(performance.now() - started),
  };
}

function graphologyGraph(projected: WeightedCsrGraph): Graph {
  const graph = new Graph({ type: 'undirected', allowSelfLoops: false });
  for (let a = 0; a < projected.nodeCount; a++) graph.addNode(String(a));
  for (let a = 0; a < projected.nodeCount; a++) {
    for (let e = projected.offsets[a]; e < projected.offsets[a + 1]; e++) {
      const b = projected.targets[e];
      if (a < b) graph.addUndirectedEdge(String(a), String(b), { weight: projected.weights[e] });
    }
  }
  return graph;
}

const NETWORKX_SCRIPT = `
import sys, time, json
import networkx as nx
G = nx.Graph()
with open(sys.argv[1]) as f:
    n = int(f.readline())
    G.add_nodes_from(range(n))
    G.add_weighted_edges_from((int(a), int(b), float(w)) for a, b, w in (line.split() for line in f))
start = time.perf_counter()
components = nx.number_connected_components(G)
communities = nx.community.louvain_communities(G, weight="weight", seed=1)
print(json.dumps({"seconds": time.perf_counter() - start, "components": components, "communities": len(communities)}))
`;

/** networkx connected components + Louvain on the same projection, or a note saying why it was skipped. */
function networkxBaseline(projected: WeightedCsrGraph, log: (line: string) => void): BenchFigures {
  const probe = spawnSync('python3', ['-c', 'import networkx; print(networkx.__version__)'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    log('networkx baseline skipped: python3 with networkx is not installed (pip install networkx to include it)');
    return { networkxSeconds_1m: null, networkxNote: 'skipped: python3 -c "import networkx" failed' };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ringscope-bench-'));
  try {
    const lines = [String(projected.nodeCount)];
    for (let a = 0; a < projected.nodeCount; a++) {
      for (let e = projected.offsets[a]; e < projected.offsets[a + 1]; e++) {
        if (a < projected.targets[e]) lines.push(`${a} ${projected.targets[e]} ${projected.weights[e]}`);
      }
    }
    writeFileSync(path.join(dir, 'edges.txt'), `${lines.join('\n')}\n`);
    writeFileSync(path.join(dir, 'baseline.py'), NETWORKX_SCRIPT);
    const run = spawnSync('python3', [path.join(dir, 'baseline.py'), path.join(dir, 'edges.txt')], { encoding: 'utf8', timeout: NETWORKX_TIMEOUT_MS });
    if (run.status !== 0) {
      const why = run.error ? `did not finish within ${NETWORKX_TIMEOUT_MS / 1000} s` : run.stderr.trim().split('\n').at(-1);
      log(`networkx baseline failed: ${why}`);
      return { networkxSeconds_1m: null, networkxNote: `networkx ${probe.stdout.trim()}: ${why}` };
    }
    const { seconds: networkxSeconds, communities } = JSON.parse(run.stdout) as { seconds: number; communities: number };
    log(`networkx ${probe.stdout.trim()} components + Louvain: ${round(networkxSeconds, 3)} s (${communities} communities)`);
    return { networkxSeconds_1m: round(networkxSeconds, 3), networkxNote: `networkx ${probe.stdout.trim()}, graph loaded outside the timing` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
