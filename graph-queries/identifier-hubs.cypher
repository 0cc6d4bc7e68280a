// Identifiers shared by more than $supernodeCutoff accounts in the whole graph (the hubs ring
// detection leaves out, counted per link type as gds-project-shared-identifiers groups them): how
// many there are, and the $limit largest.
MATCH (account:{{accountLabel}}){{accountSide}}[link:{{identifierTypes}}]{{identifierSide}}(identifier)
WITH identifier, type(link) AS type, count(DISTINCT account) AS accountCount
WHERE accountCount > $supernodeCutoff
WITH identifier, type, accountCount
ORDER BY accountCount DESC, elementId(identifier)
WITH collect({elementId: elementId(identifier), type: type, accountCount: accountCount}) AS hubs
RETURN size(hubs) AS hubCount, hubs[0..$limit] AS hubs
