// Every money link (transfer, payment, or a payment through a mapped event node ($eventLinks), typed
// by the event label and identified by the event node; or a payment through one to a merchant,
// $eventPayments; one row each, not folded) between two of the
// given accounts and merchants, oldest first, inside the window [$fromMillis, $toMillis) when one is set.
// Times may be stored as temporal values or epoch milliseconds; both compare as milliseconds.
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
}
WITH collect(node) AS nodes
CALL {
  WITH nodes
  UNWIND nodes AS source
  MATCH (source)-[link:{{transferTypes}}|{{paymentTypes}}]->(target)
  WHERE target IN nodes
  RETURN elementId(link) AS id, source, target, type(link) AS type,
         CASE type(link) WHEN $transferType THEN link.{{transferAmountProperty}} WHEN $paymentType THEN link.{{paymentAmountProperty}} END AS amount,
         CASE type(link) WHEN $transferType THEN link.{{transferTimeProperty}} WHEN $paymentType THEN link.{{paymentTimeProperty}} END AS at
  UNION ALL
  WITH nodes
  UNWIND nodes AS source
  MATCH (source:{{accountLabel}})-[sent:{{eventFromTypes}}]->(event:{{eventLabels}})-[received:{{eventToTypes}}]->(target:{{accountLabel}})
  WHERE target IN nodes AND target <> source
  WITH source, target, event, [link IN $eventLinks WHERE link.fromType = type(sent) AND link.eventLabel IN labels(event) AND link.toType = type(received)][0] AS link
  WHERE link IS NOT NULL
  RETURN elementId(event) AS id, source, target, link.eventLabel AS type, event[link.amountProperty] AS amount, event[link.timeProperty] AS at
  UNION ALL
  WITH nodes
  UNWIND nodes AS source
  MATCH (source:{{accountLabel}})-[sent:{{eventPaymentFromTypes}}]->(event:{{eventPaymentLabels}})-[received:{{eventPaymentToTypes}}]->(target:{{eventMerchantLabels}})
  WHERE target IN nodes
  WITH source, target, event, [link IN $eventPayments WHERE link.fromType = type(sent) AND link.eventLabel IN labels(event) AND link.toType = type(received) AND link.merchantLabel IN labels(target)][0] AS link
  WHERE link IS NOT NULL
  RETURN elementId(event) AS id, source, target, link.eventLabel AS type, event[link.amountProperty] AS amount, event[link.timeProperty] AS at
}
WITH id, source, target, type, amount, at,
     CASE WHEN at IS :: ZONED DATETIME THEN at.epochMillis ELSE toIntegerOrNull(at) END AS atMillis
WHERE ($fromMillis IS NULL OR atMillis >= $fromMillis) AND ($toMillis IS NULL OR atMillis < $toMillis)
RETURN id, source, target, type, toFloatOrNull(amount) AS amount, at
ORDER BY atMillis, id
LIMIT $limit
