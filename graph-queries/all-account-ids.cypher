// Every account id, streamed in store order (no sort: one pass over the label, any graph size).
MATCH (account:{{accountLabel}})
WHERE account.{{accountIdProperty}} IS NOT NULL
RETURN account.{{accountIdProperty}} AS accountId
