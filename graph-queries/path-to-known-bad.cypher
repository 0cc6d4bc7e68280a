// The shortest path from a node to the nearest other known-bad account (only a boolean true counts,
// as in subgraph-around-accounts.cypher) over the chosen relationship types (any direction), at most
// {{maxHops}} hops; of several equally near, the one with the smallest id. Drawn as in
// shortest-path.cypher: no row means the node does not exist, a null path that none is within reach.
CALL {
  MATCH (node:{{accountLabel}}) WHERE node.{{accountIdProperty}} = $from.accountId RETURN node
  UNION
  MATCH (node:{{merchantLabel}}) WHERE node.{{merchantIdProperty}} = $from.merchantId RETURN node
  UNION
  MATCH (node) WHERE elementId(node) = $from.elementId RETURN node
}
WITH node AS start LIMIT 1
CALL {
  WITH start
  // One breadth-first search from start to every known-bad account in reach, one shortest path each,
  // never through a hub: an identifier with more than $hubCutoff links (as ring detection excludes it).
  OPTIONAL MATCH path = ANY SHORTEST (start) ((from)-[:{{linkTypes}}]-(to) WHERE to:{{accountLabel}} OR COUNT { (to)--() } <= $hubCutoff){1,{{maxHops}}} (bad:{{accountLabel}} WHERE bad.{{accountBlacklistedProperty}} = true AND bad <> start)
  WITH path, bad ORDER BY length(path), bad.{{accountIdProperty}} LIMIT 1
  RETURN nodes(path) AS pathNodes, relationships(path) AS pathHops
}
CALL {
  // Each hop as the canvas draws it: the parallel relationships of its type and direction folded
  // into one edge with count, total amount and first/last time (as in neighbourhood-page.cypher).
  WITH pathNodes, pathHops
  UNWIND pathHops AS hop
  WITH DISTINCT startNode(hop) AS source, endNode(hop) AS target, type(hop) AS type
  MATCH (source)-[parallel]->(target)
  WHERE type(parallel) = type
  WITH source, target, type,
       CASE type WHEN $transferType THEN parallel.{{transferAmountProperty}} WHEN $paymentType THEN parallel.{{paymentAmountProperty}} END AS amount,
       CASE type WHEN $transferType THEN parallel.{{transferTimeProperty}} WHEN $paymentType THEN parallel.{{paymentTimeProperty}} END AS at
  WITH source, target, type, count(*) AS count, CASE WHEN count(toFloatOrNull(amount)) = 0 THEN null ELSE sum(toFloatOrNull(amount)) END AS totalAmount, min(at) AS firstAt, max(at) AS lastAt
  RETURN collect({source: elementId(source), target: elementId(target), type: type, count: count, totalAmount: totalAmount, firstAt: firstAt, lastAt: lastAt}) AS hops
}
RETURN CASE WHEN pathNodes IS NULL THEN null ELSE {
         nodes: [node IN pathNodes | {node: node, degree: COUNT { MATCH (node)-[:{{exploredTypes}}]-(other) RETURN DISTINCT other }}],
         hops: hops
       } END AS path
