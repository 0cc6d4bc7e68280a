// Transactions of the payment-network demo shape as event nodes, (:Client)-[:PERFORMED]->
// (:Transaction)-[:TO]->(receiver), the receiver a client or a merchant (label and key filled in).
UNWIND $rows AS row
MATCH (payer:Client {clientId: row.from})
MATCH (receiver:{{receiverLabel}} {{{receiverIdProperty}}: row.to})
CREATE (payer)-[:PERFORMED]->(:Transaction {transactionId: row.transactionId, amount: row.amount, ts: datetime({epochMillis: row.at})})-[:TO]->(receiver)
