// Clients of the payment-network demo shape: no creation time; `verified` and `fraud` are the
// team's known-good and known-bad markers. Created in an empty database.
UNWIND $rows AS row
CREATE (:Client {clientId: row.clientId, verified: row.verified, fraud: row.fraud})
