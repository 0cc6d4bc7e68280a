// Demo merchants.
UNWIND $rows AS row
MERGE (merchant:Merchant {merchantId: row.merchantId})
SET merchant.name = row.name, merchant.category = row.category
