// Propagated risk: personalised PageRank over the projected shared-identifier graph (weighted by
// identifier kind), restarting at the blacklisted accounts, computed on the server. Only accounts the
// walk reaches come back. Without a blacklisted account there is no row: GDS would fall back to
// ordinary (non-personalised) PageRank on an empty source list.
MATCH (seed:{{accountLabel}})
WHERE seed.{{accountBlacklistedProperty}} = true
WITH collect(seed) AS seeds
WHERE size(seeds) > 0
CALL gds.pageRank.stream($graphName, {
  sourceNodes: seeds,
  dampingFactor: $damping,
  relationshipWeightProperty: 'weight',
  maxIterations: $maxIterations,
  tolerance: $tolerance
})
YIELD nodeId, score
WITH nodeId, score
WHERE score > 0
RETURN gds.util.asNode(nodeId).{{accountIdProperty}} AS accountId, score
