// Removes a case's mark. While another approved case still lists the account it stays
// blacklisted (under that case's id); when none does, the value from before the first mark is
// restored and the bookkeeping properties are removed (a null SET removes a property).
UNWIND $accountIds AS accountId
MATCH (account:{{accountLabel}})
WHERE account.{{accountIdProperty}} = accountId AND $caseId IN coalesce(account.ringscopeBlacklistCaseIds, [])
WITH account, [id IN account.ringscopeBlacklistCaseIds WHERE id <> $caseId] AS remaining, account.{{blacklistedBeforeProperty}} AS before
SET account.ringscopeBlacklistCaseIds = CASE WHEN size(remaining) = 0 THEN null ELSE remaining END,
    account.{{blacklistCaseIdProperty}} = remaining[0]
FOREACH (_ IN CASE WHEN size(remaining) = 0 THEN [1] ELSE [] END |
  SET account.{{blacklistedProperty}} = before,
      account.{{blacklistedBeforeProperty}} = null,
      account.{{blacklistedAtProperty}} = null
)
RETURN count(account) AS changed
