// Connected components of the projected shared-identifier graph, computed on the server; only
// components of at least $minSize accounts come back, as account ids (the candidate rings).
CALL gds.wcc.stream($graphName)
YIELD nodeId, componentId
WITH componentId, collect(gds.util.asNode(nodeId).{{accountIdProperty}}) AS accountIds
WHERE size(accountIds) >= $minSize
RETURN componentId, accountIds
