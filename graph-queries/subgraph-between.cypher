// The nodes of a picture to draw (a flagged cluster, a case) and every relationship among them, in
// one row: accounts and merchants by business id, identifiers by element id. With
// $includeSharedIdentifiers, identifiers linked to two or more of the requested accounts join them.
// Parallel money flows between two nodes are folded into one per (type, direction), as in
// neighbourhood-page.cypher; so are payments through mapped event nodes ($eventLinks) between two
// of the accounts, and payments through event nodes to a merchant among them ($eventPayments), typed
// by the event label.
CALL {
  UNWIND $accountIds AS accountId
  MATCH (node:{{accountLabel}})
  WHERE node.{{accountIdProperty}} = accountId
  RETURN node
  UNION
  UNWIND $merchantIds AS merchantId
  MATCH (node:{{merchantLabel}})
  WHERE node.{{merchantIdProperty}} = merchantId
  RETURN node
  UNION
  UNWIND $elementIds AS identifierId
  MATCH (node)
  WHERE elementId(node) = identifierId
  RETURN node
}
WITH collect(node) AS requested
CALL {
  WITH requested
  UNWIND requested AS account
  MATCH (account:{{accountLabel}}){{accountSide}}[:{{identifierTypes}}]{{identifierSide}}(identifier)
  WHERE $includeSharedIdentifiers AND NOT identifier IN requested
  WITH identifier, count(DISTINCT account) AS sharers
  WHERE sharers >= 2
  RETURN collect(identifier) AS shared
}
WITH requested + shared AS nodes
CALL {
  WITH nodes
  UNWIND nodes AS node
  // A merchant paid through event nodes counts its payers too.
  RETURN collect({node: node, degree: COUNT { MATCH (node)-[:{{exploredTypes}}]-(other) RETURN DISTINCT other } + COUNT { MATCH (node:{{eventMerchantLabels}})<-[received:{{eventPaymentToTypes}}]-(event:{{eventPaymentLabels}})<-[sent:{{eventPaymentFromTypes}}]-(payer:{{accountLabel}}) WHERE any(link IN $eventPayments WHERE link.fromType = type(sent) AND link.eventLabel IN labels(event) AND link.toType = type(received) AND link.merchantLabel IN labels(node)) RETURN DISTINCT payer }}) AS drawn
}
CALL {
  WITH nodes
  UNWIND nodes AS start
  MATCH (start)-[relationship:{{exploredTypes}}]->(end)
  WHERE end IN nodes
  WITH elementId(start) AS source, elementId(end) AS target, type(relationship) AS type,
       CASE type(relationship)
         WHEN $transferType THEN relationship.{{transferAmountProperty}}
         WHEN $paymentType THEN relationship.{{paymentAmountProperty}}
       END AS amount,
       CASE type(relationship)
         WHEN $transferType THEN relationship.{{transferTimeProperty}}
         WHEN $paymentType THEN relationship.{{paymentTimeProperty}}
       END AS at
  WITH source, target, type, count(*) AS count, CASE WHEN count(toFloatOrNull(amount)) = 0 THEN null ELSE sum(toFloatOrNull(amount)) END AS totalAmount, min(at) AS firstAt, max(at) AS lastAt
  RETURN collect({source: source, target: target, type: type, count: count, totalAmount: totalAmount, firstAt: firstAt, lastAt: lastAt}) AS flows
}
CALL {
  WITH nodes
  UNWIND nodes AS start
  MATCH (start:{{accountLabel}})-[sent:{{eventFromTypes}}]->(event:{{eventLabels}})-[received:{{eventToTypes}}]->(end:{{accountLabel}})
  WHERE end IN nodes AND end <> start
  WITH start, end, event, [link IN $eventLinks WHERE link.fromType = type(sent) AND link.eventLabel IN labels(event) AND link.toType = type(received)][0] AS link
  WHERE link IS NOT NULL
  WITH elementId(start) AS source, elementId(end) AS target, link.eventLabel AS type, event[link.amountProperty] AS amount, event[link.timeProperty] AS at
  WITH source, target, type, count(*) AS count, CASE WHEN count(toFloatOrNull(amount)) = 0 THEN null ELSE sum(toFloatOrNull(amount)) END AS totalAmount, min(at) AS firstAt, max(at) AS lastAt
  RETURN collect({source: source, target: target, type: type, count: count, totalAmount: totalAmount, firstAt: firstAt, lastAt: lastAt}) AS eventFlows
}
CALL {
  WITH nodes
  UNWIND nodes AS start
  MATCH (start:{{accountLabel}})-[sent:{{eventPaymentFromTypes}}]->(event:{{eventPaymentLabels}})-[received:{{eventPaymentToTypes}}]->(end:{{eventMerchantLabels}})
  WHERE end IN nodes
  WITH start, end, event, [link IN $eventPayments WHERE link.fromType = type(sent) AND link.eventLabel IN labels(event) AND link.toType = type(received) AND link.merchantLabel IN labels(end)][0] AS link
  WHERE link IS NOT NULL
  WITH elementId(start) AS source, elementId(end) AS target, link.eventLabel AS type, event[link.amountProperty] AS amount, event[link.timeProperty] AS at
  WITH source, target, type, count(*) AS count, CASE WHEN count(toFloatOrNull(amount)) = 0 THEN null ELSE sum(toFloatOrNull(amount)) END AS totalAmount, min(at) AS firstAt, max(at) AS lastAt
  RETURN collect({source: source, target: target, type: type, count: count, totalAmount: totalAmount, firstAt: firstAt, lastAt: lastAt}) AS paymentFlows
}
RETURN drawn, flows + eventFlows + paymentFlows AS flows
