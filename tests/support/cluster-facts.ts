import { ClusterFacts } from '../../main/core/cases/cluster-facts';
import { generateDemoDataset } from '../../main/core/demo/generator';
import { RingService } from '../../main/core/rings/ring-service';
import { ActiveGraphSource } from '../../main/core/sources/active-source';
import { EmbeddedGraphSource } from '../../main/core/sources/embedded-source';

/**
 * The facts the case handlers check client claims against, from a graph source (by default a
 * small embedded demo graph, seed 7, whose accounts U0000001… the investigation tests use).
 */
export function clusterFactsOf(source: ActiveGraphSource = new ActiveGraphSource(EmbeddedGraphSource.fromDataset(generateDemoDataset({ seed: 7, accounts: 1_000 })))): ClusterFacts {
  const rings = new RingService({ source });
  return new ClusterFacts({ source, ringCluster: (clusterId) => rings.get(clusterId) });
}
