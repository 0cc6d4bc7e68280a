// The next hop of a load: accounts that share a non-hub identifier with, or move money to or from,
// one of $accountIds. Identifiers shared by more than $supernodeCutoff accounts are not walked through.
UNWIND $accountIds AS accountId
MATCH (account:{{accountLabel}})
WHERE account.{{accountIdProperty}} = accountId
CALL {
  WITH account
  MATCH (account){{accountSide}}[:{{identifierTypes}}]{{identifierSide}}(identifier)
  WHERE COUNT { (){{accountSide}}[:{{identifierTypes}}]{{identifierSide}}(identifier) } <= $supernodeCutoff
  MATCH (other:{{accountLabel}}){{accountSide}}[:{{identifierTypes}}]{{identifierSide}}(identifier)
  RETURN other
  UNION
  WITH account
  MATCH (account)-[:{{transferTypes}}]-(other:{{accountLabel}})
  RETURN other
}
RETURN DISTINCT other.{{accountIdProperty}} AS accountId
