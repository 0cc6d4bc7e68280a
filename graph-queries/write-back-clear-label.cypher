// Removes a case's mark; the label goes when no approved case lists the account any more and
// RingScope added it.
UNWIND $accountIds AS accountId
MATCH (account:{{accountLabel}})
WHERE account.{{accountIdProperty}} = accountId AND $caseId IN coalesce(account.ringscopeBlacklistCaseIds, [])
WITH account, [id IN account.ringscopeBlacklistCaseIds WHERE id <> $caseId] AS remaining
SET account.ringscopeBlacklistCaseIds = CASE WHEN size(remaining) = 0 THEN null ELSE remaining END
FOREACH (_ IN CASE WHEN size(remaining) = 0 AND NOT coalesce(account.ringscopeHadBlacklistLabel, false) THEN [1] ELSE [] END |
  REMOVE account:{{blacklistLabel}}
)
FOREACH (_ IN CASE WHEN size(remaining) = 0 THEN [1] ELSE [] END | REMOVE account.ringscopeHadBlacklistLabel)
RETURN count(account) AS changed
