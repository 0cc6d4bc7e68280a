// One page of a node's distinct neighbours over the mapped relationship types and mapped event-node
// links ($eventLinks: an account paid or was paid by the neighbour through an event node; $eventPayments:
// an account paid a merchant, or a merchant was paid by an account, through an event node), in a
// stable order so offset paging neither repeats nor skips one. Parallel money flows between the two
// are folded into one edge per (type, direction) with count, total amount and first/last time, as the
// embedded graph does; flows through event nodes are typed by the event label and read the event
// node's mapped amount and time properties.
MATCH (center)
WHERE elementId(center) = $elementId
CALL {
  WITH center
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
  WITH DISTINCT neighbour
  ORDER BY elementId(neighbour)
  SKIP $offset
  LIMIT $limit
  RETURN neighbour
}
CALL {
  WITH center, neighbour
  CALL {
    WITH center, neighbour
    MATCH (center)-[relationship:{{exploredTypes}}]-(neighbour)
    RETURN type(relationship) AS type,
           startNode(relationship) = center AS outgoing,
           CASE type(relationship)
             WHEN $transferType THEN relationship.{{transferAmountProperty}}
             WHEN $paymentType THEN relationship.{{paymentAmountProperty}}
           END AS amount,
           CASE type(relationship)
             WHEN $transferType THEN relationship.{{transferTimeProperty}}
             WHEN $paymentType THEN relationship.{{paymentTimeProperty}}
           END AS at
    UNION ALL
    WITH center, neighbour
    MATCH (center:{{accountLabel}})-[sent:{{eventFromTypes}}]->(event:{{eventLabels}})-[received:{{eventToTypes}}]->(neighbour:{{accountLabel}})
    WITH event, [link IN $eventLinks WHERE link.fromType = type(sent) AND link.eventLabel IN labels(event) AND link.toType = type(received)][0] AS link
    WHERE link IS NOT NULL
    RETURN link.eventLabel AS type, true AS outgoing, event[link.amountProperty] AS amount, event[link.timeProperty] AS at
    UNION ALL
    WITH center, neighbour
    MATCH (center:{{accountLabel}})<-[received:{{eventToTypes}}]-(event:{{eventLabels}})<-[sent:{{eventFromTypes}}]-(neighbour:{{accountLabel}})
    WITH event, [link IN $eventLinks WHERE link.fromType = type(sent) AND link.eventLabel IN labels(event) AND link.toType = type(received)][0] AS link
    WHERE link IS NOT NULL
    RETURN link.eventLabel AS type, false AS outgoing, event[link.amountProperty] AS amount, event[link.timeProperty] AS at
    UNION ALL
    WITH center, neighbour
    MATCH (center:{{accountLabel}})-[sent:{{eventPaymentFromTypes}}]->(event:{{eventPaymentLabels}})-[received:{{eventPaymentToTypes}}]->(neighbour:{{eventMerchantLabels}})
    WITH event, [link IN $eventPayments WHERE link.fromType = type(sent) AND link.eventLabel IN labels(event) AND link.toType = type(received) AND link.merchantLabel IN labels(neighbour)][0] AS link
    WHERE link IS NOT NULL
    RETURN link.eventLabel AS type, true AS outgoing, event[link.amountProperty] AS amount, event[link.timeProperty] AS at
    UNION ALL
    WITH center, neighbour
    MATCH (center:{{eventMerchantLabels}})<-[received:{{eventPaymentToTypes}}]-(event:{{eventPaymentLabels}})<-[sent:{{eventPaymentFromTypes}}]-(neighbour:{{accountLabel}})
    WITH event, [link IN $eventPayments WHERE link.fromType = type(sent) AND link.eventLabel IN labels(event) AND link.toType = type(received) AND link.merchantLabel IN labels(center)][0] AS link
    WHERE link IS NOT NULL
    RETURN link.eventLabel AS type, false AS outgoing, event[link.amountProperty] AS amount, event[link.timeProperty] AS at
  }
  WITH type, outgoing, count(*) AS count, CASE WHEN count(toFloatOrNull(amount)) = 0 THEN null ELSE sum(toFloatOrNull(amount)) END AS totalAmount, min(at) AS firstAt, max(at) AS lastAt
  RETURN collect({type: type, outgoing: outgoing, count: count, totalAmount: totalAmount, firstAt: firstAt, lastAt: lastAt}) AS flows
}
RETURN neighbour,
       // A merchant paid through event nodes counts its payers, so one paid by many is drawn as a hub.
       COUNT { MATCH (neighbour)-[:{{exploredTypes}}]-(other) RETURN DISTINCT other } + COUNT { MATCH (neighbour:{{eventMerchantLabels}})<-[received:{{eventPaymentToTypes}}]-(event:{{eventPaymentLabels}})<-[sent:{{eventPaymentFromTypes}}]-(payer:{{accountLabel}}) WHERE any(link IN $eventPayments WHERE link.fromType = type(sent) AND link.eventLabel IN labels(event) AND link.toType = type(received) AND link.merchantLabel IN labels(neighbour)) RETURN DISTINCT payer } AS neighbourDegree,
       flows
