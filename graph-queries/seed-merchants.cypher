// Demo merchants, created in an empty database.
UNWIND $rows AS row
CREATE (:Merchant {merchantId: row.merchantId, name: row.name, category: row.category})
