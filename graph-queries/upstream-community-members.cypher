// One page of an upstream community's members in id order, after the id $after (keyset paging).
MATCH (account:{{accountLabel}})
WHERE account.{{accountCommunityProperty}} = $community AND account.{{accountIdProperty}} > $after
RETURN account.{{accountIdProperty}} AS accountId
ORDER BY accountId
LIMIT $limit
