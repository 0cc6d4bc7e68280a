// A window of account ids in id order: the "whole graph, one slice at a time" starting set of a load.
MATCH (account:{{accountLabel}})
WHERE account.{{accountIdProperty}} IS NOT NULL
RETURN account.{{accountIdProperty}} AS accountId
ORDER BY accountId
SKIP $offset
LIMIT $limit
