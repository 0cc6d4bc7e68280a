// Uniqueness constraints (each backed by an index) on the payment-network demo shape's keys, created
// before seeding so that every lookup of a client or merchant is an index seek.
CREATE CONSTRAINT client_client_id IF NOT EXISTS FOR (n:Client) REQUIRE n.clientId IS UNIQUE;
CREATE CONSTRAINT email_address IF NOT EXISTS FOR (n:Email) REQUIRE n.address IS UNIQUE;
CREATE CONSTRAINT phone_number IF NOT EXISTS FOR (n:Phone) REQUIRE n.number IS UNIQUE;
CREATE CONSTRAINT national_id_id_number IF NOT EXISTS FOR (n:NationalId) REQUIRE n.idNumber IS UNIQUE;
CREATE CONSTRAINT device_fingerprint IF NOT EXISTS FOR (n:Device) REQUIRE n.fingerprint IS UNIQUE;
CREATE CONSTRAINT merchant_merchant_id IF NOT EXISTS FOR (n:Merchant) REQUIRE n.merchantId IS UNIQUE;
CREATE CONSTRAINT transaction_transaction_id IF NOT EXISTS FOR (n:Transaction) REQUIRE n.transactionId IS UNIQUE;
CREATE CONSTRAINT ringscope_seed_name IF NOT EXISTS FOR (n:RingScopeSeed) REQUIRE n.name IS UNIQUE;
