// Accounts whose business id starts with one of $prefixes (the query as typed and upper-cased),
// in id order: "U00012" finds U0001200 … U0001299 like the embedded graph does. Index-backed.
UNWIND $prefixes AS prefix
MATCH (account:{{accountLabel}})
WHERE account.{{accountIdProperty}} STARTS WITH prefix
WITH DISTINCT account
ORDER BY account.{{accountIdProperty}}
LIMIT $limit
RETURN account AS node, COUNT { MATCH (account)-[:{{exploredTypes}}]-(neighbour) RETURN DISTINCT neighbour } AS degree
