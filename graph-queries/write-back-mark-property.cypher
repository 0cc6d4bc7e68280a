// Marks the accounts of an approved blacklist case with the configured properties. The first case
// to mark an account keeps the value it had before (so revoking restores it); a later case only
// joins the list of cases in ringscopeBlacklistCaseIds. Idempotent: a case already listed is skipped.
UNWIND $accountIds AS accountId
MATCH (account:{{accountLabel}})
WHERE account.{{accountIdProperty}} = accountId AND NOT $caseId IN coalesce(account.ringscopeBlacklistCaseIds, [])
WITH account, account.ringscopeBlacklistCaseIds IS NULL AS firstMark, account.{{blacklistedProperty}} AS before
SET account.ringscopeBlacklistCaseIds = coalesce(account.ringscopeBlacklistCaseIds, []) + $caseId
FOREACH (_ IN CASE WHEN firstMark THEN [1] ELSE [] END |
  SET account.{{blacklistedBeforeProperty}} = before,
      account.{{blacklistedProperty}} = true,
      account.{{blacklistCaseIdProperty}} = $caseId,
      account.{{blacklistedAtProperty}} = datetime()
)
RETURN count(account) AS changed
