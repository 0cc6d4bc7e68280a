// One mapped direct account link (calls, referrals, guarantees, transfers) leaving the accounts
// $accountIds: each relationship is read once, from its start account. Amount and time read as
// unknown where the mapping has none or the value is not a number / time.
UNWIND $accountIds AS accountId
MATCH (account:{{accountLabel}})-[link:{{linkType}}]->(other:{{accountLabel}})
WHERE account.{{accountIdProperty}} = accountId
RETURN accountId, other.{{accountIdProperty}} AS otherId,
       toFloatOrNull(link.{{amountProperty}}) AS amount,
       CASE WHEN link.{{timeProperty}} IS :: ZONED DATETIME THEN link.{{timeProperty}}.epochMillis ELSE link.{{timeProperty}} END AS at
