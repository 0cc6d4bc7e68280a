// Resolves a RingScope node id to the node: accounts and merchants by business id, identifiers by
// element id (their value may be PII, so it is never part of an id). Exactly one of the ids is set.
CALL {
  MATCH (node:{{accountLabel}})
  WHERE node.{{accountIdProperty}} = $accountId
  RETURN node
  UNION
  MATCH (node:{{merchantLabel}})
  WHERE node.{{merchantIdProperty}} = $merchantId
  RETURN node
  UNION
  MATCH (node)
  WHERE elementId(node) = $elementId
  RETURN node
}
// A merchant paid through event nodes ($eventPayments) counts its payers too.
RETURN node, COUNT { MATCH (node)-[:{{exploredTypes}}]-(neighbour) RETURN DISTINCT neighbour } + COUNT { MATCH (node:{{eventMerchantLabels}})<-[received:{{eventPaymentToTypes}}]-(event:{{eventPaymentLabels}})<-[sent:{{eventPaymentFromTypes}}]-(payer:{{accountLabel}}) WHERE any(link IN $eventPayments WHERE link.fromType = type(sent) AND link.eventLabel IN labels(event) AND link.toType = type(received) AND link.merchantLabel IN labels(node)) RETURN DISTINCT payer } AS degree
LIMIT 1
