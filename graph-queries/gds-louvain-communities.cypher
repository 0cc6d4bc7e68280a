// Louvain communities of the projected shared-identifier graph (weighted by identifier kind), computed
// on the server over the whole graph; only communities of at least $minSize accounts come back, as
// account ids. $concurrency is the number of server threads Louvain may use.
CALL gds.louvain.stream($graphName, {relationshipWeightProperty: 'weight', concurrency: $concurrency})
YIELD nodeId, communityId
WITH communityId, collect(nodeId) AS nodeIds
WHERE size(nodeIds) >= $minSize
RETURN communityId, [nodeId IN nodeIds | gds.util.asNode(nodeId).{{accountIdProperty}}] AS accountIds
