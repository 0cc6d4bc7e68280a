// Marks the accounts of an approved blacklist case with the configured label. The first case to
// mark an account records whether the label was there already, so revoking never removes a
// label RingScope did not add. Idempotent like the property mode.
UNWIND $accountIds AS accountId
MATCH (account:{{accountLabel}})
WHERE account.{{accountIdProperty}} = accountId AND NOT $caseId IN coalesce(account.ringscopeBlacklistCaseIds, [])
WITH account, account.ringscopeBlacklistCaseIds IS NULL AS firstMark, account:{{blacklistLabel}} AS hadLabel
SET account.ringscopeBlacklistCaseIds = coalesce(account.ringscopeBlacklistCaseIds, []) + $caseId,
    account:{{blacklistLabel}}
FOREACH (_ IN CASE WHEN firstMark THEN [1] ELSE [] END | SET account.ringscopeHadBlacklistLabel = hadLabel)
RETURN count(account) AS changed
