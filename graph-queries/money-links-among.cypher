// Every money link (transfer or payment, one row each, not folded) between two of the given
// accounts and merchants, oldest first, inside the window [$fromMillis, $toMillis) when one is set.
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
UNWIND nodes AS source
MATCH (source)-[link:{{transferTypes}}|{{paymentTypes}}]->(target)
WHERE target IN nodes
WITH source, link, target,
     CASE type(link) WHEN $transferType THEN link.{{transferAmountProperty}} WHEN $paymentType THEN link.{{paymentAmountProperty}} END AS amount,
     CASE type(link) WHEN $transferType THEN link.{{transferTimeProperty}} WHEN $paymentType THEN link.{{paymentTimeProperty}} END AS at
WITH source, link, target, amount, at,
     CASE WHEN at IS :: ZONED DATETIME THEN at.epochMillis ELSE toIntegerOrNull(at) END AS atMillis
WHERE ($fromMillis IS NULL OR atMillis >= $fromMillis) AND ($toMillis IS NULL OR atMillis < $toMillis)
RETURN elementId(link) AS id, source, target, type(link) AS type, toFloatOrNull(amount) AS amount, at
ORDER BY atMillis, id
LIMIT $limit
