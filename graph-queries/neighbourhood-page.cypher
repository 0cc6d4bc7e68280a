// One page of a node's distinct neighbours over the mapped relationship types, in a stable order so
// offset paging neither repeats nor skips one. Parallel money flows between the two are folded into
// one edge per (type, direction) with count, total amount and first/last time, as the embedded graph does.
MATCH (center)
WHERE elementId(center) = $elementId
CALL {
  WITH center
  MATCH (center)-[:{{exploredTypes}}]-(neighbour)
  WITH DISTINCT neighbour
  ORDER BY elementId(neighbour)
  SKIP $offset
  LIMIT $limit
  RETURN neighbour
}
CALL {
  WITH center, neighbour
  MATCH (center)-[relationship:{{exploredTypes}}]-(neighbour)
  WITH type(relationship) AS type,
       startNode(relationship) = center AS outgoing,
       CASE type(relationship)
         WHEN $transferType THEN relationship.{{transferAmountProperty}}
         WHEN $paymentType THEN relationship.{{paymentAmountProperty}}
       END AS amount,
       CASE type(relationship)
         WHEN $transferType THEN relationship.{{transferTimeProperty}}
         WHEN $paymentType THEN relationship.{{paymentTimeProperty}}
       END AS at
  WITH type, outgoing, count(*) AS count, CASE WHEN count(toFloatOrNull(amount)) = 0 THEN null ELSE sum(toFloatOrNull(amount)) END AS totalAmount, min(at) AS firstAt, max(at) AS lastAt
  RETURN collect({type: type, outgoing: outgoing, count: count, totalAmount: totalAmount, firstAt: firstAt, lastAt: lastAt}) AS flows
}
RETURN neighbour,
       COUNT { MATCH (neighbour)-[:{{exploredTypes}}]-(other) RETURN DISTINCT other } AS neighbourDegree,
       flows
