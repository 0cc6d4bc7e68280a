// Search indexes for the payment-network demo shape, created by `npm run seed:neo4j -- --schema
// payments`. Full-text indexes find merchant names and categories and e-mail domains; text indexes
// make the ENDS WITH of a national-id or phone number's last digits an index lookup. Names differ
// from the demo schema's, whose indexes cover other keys of the same labels.
CREATE FULLTEXT INDEX ringscope_merchant_text IF NOT EXISTS FOR (n:Merchant) ON EACH [n.name, n.category, n.merchantId];
CREATE FULLTEXT INDEX ringscope_client_email_text IF NOT EXISTS FOR (n:Email) ON EACH [n.address];
CREATE TEXT INDEX ringscope_client_national_id_text IF NOT EXISTS FOR (n:NationalId) ON (n.idNumber);
CREATE TEXT INDEX ringscope_client_phone_text IF NOT EXISTS FOR (n:Phone) ON (n.number);
CALL db.awaitIndexes(300);
