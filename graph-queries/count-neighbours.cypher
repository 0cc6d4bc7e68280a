// How many distinct neighbours a node has over the mapped relationship types and the mapped
// event-node links, to accounts and to merchants (a page's total; the same neighbours neighbourhood-page.cypher pages through).
MATCH (center)
WHERE elementId(center) = $elementId
CALL {
  WITH center
  MATCH (center)-[:{{exploredTypes}}]-(neighbour)
  RETURN neighbour
  UNION
  WITH center
  MATCH (center:{{accountLabel}})-[sent:{{eventFromTypes}}]->(event:{{eventLabels}})-[received:{{eventToTypes}}]->(neighbour:{{accountLabel}})
  WHERE neighbour <> center AND any(link IN $eventLinks WHERE link.fromType = type(sent) AND link.eventLabel IN labels(event) AND link.toType = type(received))
  RETURN neighbour
  UNION
  WITH center
  MATCH (center:{{accountLabel}})<-[received:{{eventToTypes}}]-(event:{{eventLabels}})<-[sent:{{eventFromTypes}}]-(neighbour:{{accountLabel}})
  WHERE neighbour <> center AND any(link IN $eventLinks WHERE link.fromType = type(sent) AND link.eventLabel IN labels(event) AND link.toType = type(received))
  RETURN neighbour
  UNION
  WITH center
  MATCH (center:{{accountLabel}})-[sent:{{eventPaymentFromTypes}}]->(event:{{eventPaymentLabels}})-[received:{{eventPaymentToTypes}}]->(neighbour:{{eventMerchantLabels}})
  WHERE any(link IN $eventPayments WHERE link.fromType = type(sent) AND link.eventLabel IN labels(event) AND link.toType = type(received) AND link.merchantLabel IN labels(neighbour))
  RETURN neighbour
  UNION
  WITH center
  MATCH (center:{{eventMerchantLabels}})<-[received:{{eventPaymentToTypes}}]-(event:{{eventPaymentLabels}})<-[sent:{{eventPaymentFromTypes}}]-(neighbour:{{accountLabel}})
  WHERE any(link IN $eventPayments WHERE link.fromType = type(sent) AND link.eventLabel IN labels(event) AND link.toType = type(received) AND link.merchantLabel IN labels(center))
  RETURN neighbour
}
RETURN count(neighbour) AS totalNeighbours
