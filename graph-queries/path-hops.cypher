// The paths a breadth-first search found (path-next-hop.cypher), each given as its nodes' element
// ids from start to end, drawn as in shortest-path.cypher: one row per path with its nodes and each
// hop folded into the edge the canvas draws. A hop through a mapped event node ($eventLinks, the
// chosen ones) is the money link a → b typed by the event label with the events' amounts and times,
// as neighbourhood-page.cypher draws it; the event node itself is never part of the path.
UNWIND $paths AS pathIds
CALL {
  WITH pathIds
  UNWIND range(0, size(pathIds) - 1) AS position
  MATCH (node)
  WHERE elementId(node) = pathIds[position]
  WITH node ORDER BY position
  RETURN collect({node: node, degree: COUNT { MATCH (node)-[:{{exploredTypes}}]-(other) RETURN DISTINCT other }}) AS pathNodes
}
CALL {
  WITH pathIds
  UNWIND range(0, size(pathIds) - 2) AS position
  MATCH (one)
  WHERE elementId(one) = pathIds[position]
  MATCH (other)
  WHERE elementId(other) = pathIds[position + 1]
  CALL {
    WITH one, other
    MATCH (one)-[parallel:{{linkTypes}}]-(other)
    RETURN startNode(parallel) AS source, endNode(parallel) AS target, type(parallel) AS type,
           CASE type(parallel) WHEN $transferType THEN parallel.{{transferAmountProperty}} WHEN $paymentType THEN parallel.{{paymentAmountProperty}} END AS amount,
           CASE type(parallel) WHEN $transferType THEN parallel.{{transferTimeProperty}} WHEN $paymentType THEN parallel.{{paymentTimeProperty}} END AS at
    UNION ALL
    WITH one, other
    MATCH (one:{{accountLabel}})-[sent:{{eventFromTypes}}]->(event:{{eventLabels}})-[received:{{eventToTypes}}]->(other:{{accountLabel}})
    WITH one, other, event, [link IN $eventLinks WHERE link.fromType = type(sent) AND link.eventLabel IN labels(event) AND link.toType = type(received)][0] AS link
    WHERE link IS NOT NULL
    RETURN one AS source, other AS target, link.eventLabel AS type, event[link.amountProperty] AS amount, event[link.timeProperty] AS at
    UNION ALL
    WITH one, other
    MATCH (one:{{accountLabel}})<-[received:{{eventToTypes}}]-(event:{{eventLabels}})<-[sent:{{eventFromTypes}}]-(other:{{accountLabel}})
    WITH one, other, event, [link IN $eventLinks WHERE link.fromType = type(sent) AND link.eventLabel IN labels(event) AND link.toType = type(received)][0] AS link
    WHERE link IS NOT NULL
    RETURN other AS source, one AS target, link.eventLabel AS type, event[link.amountProperty] AS amount, event[link.timeProperty] AS at
  }
  WITH source, target, type, count(*) AS count, CASE WHEN count(toFloatOrNull(amount)) = 0 THEN null ELSE sum(toFloatOrNull(amount)) END AS totalAmount, min(at) AS firstAt, max(at) AS lastAt
  RETURN collect({source: elementId(source), target: elementId(target), type: type, count: count, totalAmount: totalAmount, firstAt: firstAt, lastAt: lastAt}) AS hops
}
RETURN {nodes: pathNodes, hops: hops} AS path
