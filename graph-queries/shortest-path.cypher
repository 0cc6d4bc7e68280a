// One shortest path between two nodes over the chosen relationship types (any direction), at most
// {{maxHops}} hops (a variable-length bound is literal text in Cypher; hopLimit makes it). Start and
// goal are resolved as in node-by-ref.cypher; no row means one of them does not exist, a row with a
// null path means nothing connects them within the bound.
CALL {
  MATCH (node:{{accountLabel}}) WHERE node.{{accountIdProperty}} = $from.accountId RETURN node
  UNION
  MATCH (node:{{merchantLabel}}) WHERE node.{{merchantIdProperty}} = $from.merchantId RETURN node
  UNION
  MATCH (node) WHERE elementId(node) = $from.elementId RETURN node
}
WITH node AS start LIMIT 1
CALL {
  MATCH (node:{{accountLabel}}) WHERE node.{{accountIdProperty}} = $to.accountId RETURN node
  UNION
  MATCH (node:{{merchantLabel}}) WHERE node.{{merchantIdProperty}} = $to.merchantId RETURN node
  UNION
  MATCH (node) WHERE elementId(node) = $to.elementId RETURN node
}
WITH start, node AS goal LIMIT 1
OPTIONAL MATCH path = shortestPath((start)-[:{{linkTypes}}*..{{maxHops}}]-(goal))
RETURN CASE WHEN path IS NULL THEN null ELSE {
         nodes: nodes(path),
         hops: [hop IN relationships(path) | {source: elementId(startNode(hop)), target: elementId(endNode(hop)), type: type(hop)}]
       } END AS path
