// Everything ring detection needs about the accounts $accountIds, one row per relationship:
// account → identifier links (with how many accounts share the identifier, for supernode collapse),
// outgoing transfers (with the receiving account's own fields) and payments to merchants.
// Team graphs are not always clean: amounts are read with toFloatOrNull (a text amount reads as
// unknown) and only a boolean true counts as blacklisted or known-good, so odd values never fail the load.
// Zoned date-times are returned as epoch milliseconds: converting driver DateTime objects in
// JavaScript cost a fifth of the load time (measured with npm run bench -- load).
UNWIND $accountIds AS accountId
MATCH (account:{{accountLabel}})
WHERE account.{{accountIdProperty}} = accountId
CALL {
  // One row for the account itself, so an account with none of the links below still loads
  // (direct and event-node links are read by their own statements once every account is known).
  WITH account
  RETURN 'account' AS row, null AS type, null AS target, null AS sharedBy,
         null AS amount, null AS at, null AS targetCreatedAt, null AS targetBlacklisted, null AS targetKnownGood
  UNION ALL
  WITH account
  MATCH (account){{accountSide}}[link:{{identifierTypes}}]{{identifierSide}}(identifier)
  RETURN 'link' AS row, type(link) AS type, elementId(identifier) AS target,
         COUNT { (){{accountSide}}[:{{identifierTypes}}]{{identifierSide}}(identifier) } AS sharedBy,
         null AS amount, null AS at, null AS targetCreatedAt, null AS targetBlacklisted, null AS targetKnownGood
  UNION ALL
  WITH account
  MATCH (account)-[transfer:{{transferTypes}}]->(receiver:{{accountLabel}})
  RETURN 'transfer' AS row, type(transfer) AS type, receiver.{{accountIdProperty}} AS target, null AS sharedBy,
         toFloatOrNull(transfer.{{transferAmountProperty}}) AS amount, CASE WHEN transfer.{{transferTimeProperty}} IS :: ZONED DATETIME THEN transfer.{{transferTimeProperty}}.epochMillis ELSE transfer.{{transferTimeProperty}} END AS at,
         CASE WHEN receiver.{{accountCreatedAtProperty}} IS :: ZONED DATETIME THEN receiver.{{accountCreatedAtProperty}}.epochMillis ELSE receiver.{{accountCreatedAtProperty}} END AS targetCreatedAt, receiver.{{accountBlacklistedProperty}} = true AS targetBlacklisted,
         receiver.{{accountKnownGoodProperty}} = true AS targetKnownGood
  UNION ALL
  WITH account
  MATCH (account)-[payment:{{paymentTypes}}]->(merchant:{{merchantLabel}})
  RETURN 'payment' AS row, type(payment) AS type, merchant.{{merchantIdProperty}} AS target, null AS sharedBy,
         toFloatOrNull(payment.{{paymentAmountProperty}}) AS amount, CASE WHEN payment.{{paymentTimeProperty}} IS :: ZONED DATETIME THEN payment.{{paymentTimeProperty}}.epochMillis ELSE payment.{{paymentTimeProperty}} END AS at,
         null AS targetCreatedAt, null AS targetBlacklisted, null AS targetKnownGood
}
RETURN account.{{accountIdProperty}} AS accountId,
       CASE WHEN account.{{accountCreatedAtProperty}} IS :: ZONED DATETIME THEN account.{{accountCreatedAtProperty}}.epochMillis ELSE account.{{accountCreatedAtProperty}} END AS createdAt,
       account.{{accountBlacklistedProperty}} = true AS blacklisted,
       account.{{accountKnownGoodProperty}} = true AS knownGood,
       row, type, target, sharedBy, amount, at, targetCreatedAt, targetBlacklisted, targetKnownGood
