// One mapped event-node link, (a)-[fromType]->(e:eventLabel)-[toType]->(b), read as a → b carrying
// e's amount and time (payments or transactions stored as nodes), for the accounts $accountIds as a.
UNWIND $accountIds AS accountId
MATCH (account:{{accountLabel}})-[:{{fromType}}]->(event:{{eventLabel}})-[:{{toType}}]->(other:{{accountLabel}})
WHERE account.{{accountIdProperty}} = accountId
RETURN accountId, other.{{accountIdProperty}} AS otherId,
       toFloatOrNull(event.{{amountProperty}}) AS amount,
       CASE WHEN event.{{timeProperty}} IS :: ZONED DATETIME THEN event.{{timeProperty}}.epochMillis ELSE event.{{timeProperty}} END AS at
