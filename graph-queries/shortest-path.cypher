// One shortest path between two nodes over the chosen relationship types (any direction), at most
// {{maxHops}} hops (a variable-length bound is literal text in Cypher; hopLimit makes it), with what
// the canvas needs to draw it in the same round trip. Start and goal are resolved as in
// node-by-ref.cypher; no row means one of them does not exist, a row with a null path means nothing
// connects them within the bound. Hops come unordered: consecutive path nodes say which is which.
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
WITH nodes(path) AS pathNodes, relationships(path) AS pathHops
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
