// Demo accounts, one batch of rows, created in an empty database (seeding checks it is empty first).
UNWIND $rows AS row
CREATE (user:User {userId: row.userId, createdAt: datetime({epochMillis: row.createdAt}), riskScore: row.riskScore, blacklisted: row.blacklisted})
