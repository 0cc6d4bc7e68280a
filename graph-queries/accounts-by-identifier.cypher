// Accounts linked to the identifier $elementId, in id order: who uses this phone, card, device?
MATCH (account:{{accountLabel}}){{accountSide}}[:{{identifierTypes}}]{{identifierSide}}(identifier)
WHERE elementId(identifier) = $elementId
WITH DISTINCT account
ORDER BY account.{{accountIdProperty}}
LIMIT $limit
RETURN account AS node, COUNT { MATCH (account)-[:{{exploredTypes}}]-(neighbour) RETURN DISTINCT neighbour } AS degree
