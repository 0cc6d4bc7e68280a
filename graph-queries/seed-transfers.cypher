// Demo money transfers between accounts; (sender, receiver, time, amount) is the natural key.
UNWIND $rows AS row
MATCH (sender:User {userId: row.from})
MATCH (receiver:User {userId: row.to})
MERGE (sender)-[:TRANSFERRED_TO {at: datetime({epochMillis: row.at}), amount: row.amount}]->(receiver)
