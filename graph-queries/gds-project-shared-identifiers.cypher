// Projects the shared-identifier graph into the GDS catalog as $graphName: accounts linked when they
// share an identifier used by 2..$supernodeCutoff accounts, weighted by the identifier kind's weight
// ($typeWeights: relationship type → weight), summed over the identifiers two accounts share.
// Blacklisted accounts are projected even without a link: they are the seeds of risk propagation
// (gds-pagerank-risk), and GDS refuses a source node missing from the projection.
CALL {
  MATCH (account:{{accountLabel}}){{accountSide}}[link:{{identifierTypes}}]{{identifierSide}}(identifier)
  WITH identifier, type(link) AS type, collect(DISTINCT account) AS sharers
  WHERE size(sharers) >= 2 AND size(sharers) <= $supernodeCutoff
  UNWIND sharers AS source
  UNWIND sharers AS target
  WITH source, target, $typeWeights[type] AS weight
  WHERE elementId(source) < elementId(target)
  RETURN source, target, sum(weight) AS weight
  UNION ALL
  MATCH (seed:{{accountLabel}})
  WHERE seed.{{accountBlacklistedProperty}} = true
  RETURN seed AS source, null AS target, null AS weight
}
WITH gds.graph.project($graphName, source, target, {relationshipProperties: {weight: weight}}, {undirectedRelationshipTypes: ['*']}) AS graph
RETURN graph.nodeCount AS nodeCount, graph.relationshipCount AS relationshipCount
