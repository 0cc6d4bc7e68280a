// One hop of "follow the money": the money links (transfers, payments, payments through mapped
// event nodes ($eventLinks, typed by the event label), payments through event nodes to merchants
// ($eventPayments); one row each) leaving the frontier nodes
// ($forward) or arriving at them (NOT $forward), inside the window [$fromMillis, $toMillis) when one
// is set, oldest first. Times compare as epoch milliseconds whether stored as temporal values or
// numbers (as in money-links-among.cypher).
UNWIND $frontier AS frontierId
MATCH (node)
WHERE elementId(node) = frontierId
CALL {
  WITH node
  MATCH (node)-[link:{{transferTypes}}|{{paymentTypes}}]->(other)
  WHERE $forward
  RETURN elementId(link) AS id, node AS source, other AS target, type(link) AS type,
         CASE type(link) WHEN $transferType THEN link.{{transferAmountProperty}} WHEN $paymentType THEN link.{{paymentAmountProperty}} END AS amount,
         CASE type(link) WHEN $transferType THEN link.{{transferTimeProperty}} WHEN $paymentType THEN link.{{paymentTimeProperty}} END AS at
  UNION
  WITH node
  MATCH (node)<-[link:{{transferTypes}}|{{paymentTypes}}]-(other)
  WHERE NOT $forward
  RETURN elementId(link) AS id, other AS source, node AS target, type(link) AS type,
         CASE type(link) WHEN $transferType THEN link.{{transferAmountProperty}} WHEN $paymentType THEN link.{{paymentAmountProperty}} END AS amount,
         CASE type(link) WHEN $transferType THEN link.{{transferTimeProperty}} WHEN $paymentType THEN link.{{paymentTimeProperty}} END AS at
  UNION
  WITH node
  MATCH (node:{{accountLabel}})-[sent:{{eventFromTypes}}]->(event:{{eventLabels}})-[received:{{eventToTypes}}]->(other:{{accountLabel}})
  WHERE $forward AND other <> node
  WITH node, other, event, [link IN $eventLinks WHERE link.fromType = type(sent) AND link.eventLabel IN labels(event) AND link.toType = type(received)][0] AS link
  WHERE link IS NOT NULL
  RETURN elementId(event) AS id, node AS source, other AS target, link.eventLabel AS type, event[link.amountProperty] AS amount, event[link.timeProperty] AS at
  UNION
  WITH node
  MATCH (node:{{accountLabel}})<-[received:{{eventToTypes}}]-(event:{{eventLabels}})<-[sent:{{eventFromTypes}}]-(other:{{accountLabel}})
  WHERE NOT $forward AND other <> node
  WITH node, other, event, [link IN $eventLinks WHERE link.fromType = type(sent) AND link.eventLabel IN labels(event) AND link.toType = type(received)][0] AS link
  WHERE link IS NOT NULL
  RETURN elementId(event) AS id, other AS source, node AS target, link.eventLabel AS type, event[link.amountProperty] AS amount, event[link.timeProperty] AS at
  UNION
  WITH node
  MATCH (node:{{accountLabel}})-[sent:{{eventPaymentFromTypes}}]->(event:{{eventPaymentLabels}})-[received:{{eventPaymentToTypes}}]->(other:{{eventMerchantLabels}})
  WHERE $forward
  WITH node, other, event, [link IN $eventPayments WHERE link.fromType = type(sent) AND link.eventLabel IN labels(event) AND link.toType = type(received) AND link.merchantLabel IN labels(other)][0] AS link
  WHERE link IS NOT NULL
  RETURN elementId(event) AS id, node AS source, other AS target, link.eventLabel AS type, event[link.amountProperty] AS amount, event[link.timeProperty] AS at
  UNION
  WITH node
  MATCH (node:{{eventMerchantLabels}})<-[received:{{eventPaymentToTypes}}]-(event:{{eventPaymentLabels}})<-[sent:{{eventPaymentFromTypes}}]-(other:{{accountLabel}})
  WHERE NOT $forward
  WITH node, other, event, [link IN $eventPayments WHERE link.fromType = type(sent) AND link.eventLabel IN labels(event) AND link.toType = type(received) AND link.merchantLabel IN labels(node)][0] AS link
  WHERE link IS NOT NULL
  RETURN elementId(event) AS id, other AS source, node AS target, link.eventLabel AS type, event[link.amountProperty] AS amount, event[link.timeProperty] AS at
}
WITH id, source, target, type, amount, at,
     CASE WHEN at IS :: ZONED DATETIME THEN at.epochMillis ELSE toIntegerOrNull(at) END AS atMillis
WHERE ($fromMillis IS NULL OR atMillis >= $fromMillis) AND ($toMillis IS NULL OR atMillis < $toMillis)
RETURN id, source, target, type, toFloatOrNull(amount) AS amount, at
ORDER BY atMillis, id
LIMIT $limit
