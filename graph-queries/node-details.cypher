// How many distinct neighbours a node has per mapped relationship type, and per mapped event-node
// link ($eventLinks, counted under the event label: the accounts it paid or was paid by through one;
// $eventPayments: the merchants an account paid, the accounts that paid a merchant, through one).
MATCH (node)
WHERE elementId(node) = $elementId
CALL {
  WITH node
  MATCH (node)-[relationship:{{exploredTypes}}]-(neighbour)
  RETURN type(relationship) AS type, neighbour
  UNION
  WITH node
  MATCH (node:{{accountLabel}})-[sent:{{eventFromTypes}}]->(event:{{eventLabels}})-[received:{{eventToTypes}}]->(neighbour:{{accountLabel}})
  WHERE neighbour <> node
  WITH neighbour, [link IN $eventLinks WHERE link.fromType = type(sent) AND link.eventLabel IN labels(event) AND link.toType = type(received)][0] AS link
  WHERE link IS NOT NULL
  RETURN link.eventLabel AS type, neighbour
  UNION
  WITH node
  MATCH (node:{{accountLabel}})<-[received:{{eventToTypes}}]-(event:{{eventLabels}})<-[sent:{{eventFromTypes}}]-(neighbour:{{accountLabel}})
  WHERE neighbour <> node
  WITH neighbour, [link IN $eventLinks WHERE link.fromType = type(sent) AND link.eventLabel IN labels(event) AND link.toType = type(received)][0] AS link
  WHERE link IS NOT NULL
  RETURN link.eventLabel AS type, neighbour
  UNION
  WITH node
  MATCH (node:{{accountLabel}})-[sent:{{eventPaymentFromTypes}}]->(event:{{eventPaymentLabels}})-[received:{{eventPaymentToTypes}}]->(neighbour:{{eventMerchantLabels}})
  WITH neighbour, [link IN $eventPayments WHERE link.fromType = type(sent) AND link.eventLabel IN labels(event) AND link.toType = type(received) AND link.merchantLabel IN labels(neighbour)][0] AS link
  WHERE link IS NOT NULL
  RETURN link.eventLabel AS type, neighbour
  UNION
  WITH node
  MATCH (node:{{eventMerchantLabels}})<-[received:{{eventPaymentToTypes}}]-(event:{{eventPaymentLabels}})<-[sent:{{eventPaymentFromTypes}}]-(neighbour:{{accountLabel}})
  WITH neighbour, [link IN $eventPayments WHERE link.fromType = type(sent) AND link.eventLabel IN labels(event) AND link.toType = type(received) AND link.merchantLabel IN labels(node)][0] AS link
  WHERE link IS NOT NULL
  RETURN link.eventLabel AS type, neighbour
}
RETURN type, count(DISTINCT neighbour) AS count
ORDER BY type
