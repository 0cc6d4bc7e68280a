// Demo accounts, one batch of rows; MERGE on the business key makes a re-run change nothing.
UNWIND $rows AS row
MERGE (user:User {userId: row.userId})
SET user.createdAt = datetime({epochMillis: row.createdAt}),
    user.riskScore = row.riskScore,
    user.blacklisted = row.blacklisted
