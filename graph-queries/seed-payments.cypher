// Demo card payments to merchants, created in an empty database.
UNWIND $rows AS row
MATCH (user:User {userId: row.userId})
MATCH (merchant:Merchant {merchantId: row.merchantId})
CREATE (user)-[:PAID {at: datetime({epochMillis: row.at}), amount: row.amount}]->(merchant)
