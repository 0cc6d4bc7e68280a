// Demo card payments to merchants; (account, merchant, time, amount) is the natural key.
UNWIND $rows AS row
MATCH (user:User {userId: row.userId})
MATCH (merchant:Merchant {merchantId: row.merchantId})
MERGE (user)-[:PAID {at: datetime({epochMillis: row.at}), amount: row.amount}]->(merchant)
