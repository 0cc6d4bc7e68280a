// One mapped event-node link whose far end is a merchant, (a)-[fromType]->(e:eventLabel)-[toType]->(m:merchantLabel),
// read as a payment of a to m carrying e's amount and time (transactions stored as nodes), for the accounts $accountIds as a.
UNWIND $accountIds AS accountId
MATCH (account:{{accountLabel}})-[:{{fromType}}]->(event:{{eventLabel}})-[:{{toType}}]->(merchant:{{merchantLabel}})
WHERE account.{{accountIdProperty}} = accountId
RETURN accountId, merchant.{{merchantIdProperty}} AS merchantId,
       toFloatOrNull(event.{{amountProperty}}) AS amount,
       CASE WHEN event.{{timeProperty}} IS :: ZONED DATETIME THEN event.{{timeProperty}}.epochMillis ELSE event.{{timeProperty}} END AS at
