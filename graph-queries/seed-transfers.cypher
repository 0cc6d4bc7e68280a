// Demo money transfers between accounts, created in an empty database.
UNWIND $rows AS row
MATCH (sender:User {userId: row.from})
MATCH (receiver:User {userId: row.to})
CREATE (sender)-[:TRANSFERRED_TO {at: datetime({epochMillis: row.at}), amount: row.amount}]->(receiver)
