// How many accounts the mapped graph has (a count-store lookup, instant on any size).
MATCH (account:{{accountLabel}})
RETURN count(account) AS accounts
