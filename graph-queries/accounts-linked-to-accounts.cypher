// The next hop of a load: accounts that share a non-hub identifier with, or move money to or from,
// one of $accountIds. Identifiers shared by more than $supernodeCutoff accounts are not walked through.
UNWIND $accountIds AS accountId
MATCH (account:{{accountLabel}})
WHERE account.{{accountIdProperty}} = accountId
CALL {
  WITH account
  MATCH (account)-[:{{identifierTypes}}]->(identifier)
  WHERE COUNT { (identifier)<-[:{{identifierTypes}}]-() } <= $supernodeCutoff
  MATCH (identifier)<-[:{{identifierTypes}}]-(other:{{accountLabel}})
  RETURN other
  UNION
  WITH account
  MATCH (account)-[:{{transferTypes}}]-(other:{{accountLabel}})
  RETURN other
}
RETURN DISTINCT other.{{accountIdProperty}} AS accountId
