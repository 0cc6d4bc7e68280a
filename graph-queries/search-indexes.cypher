// Search indexes for the demo schema, created by `npm run seed:neo4j` (suggested, not required, for
// a team's graph: RingScope falls back to prefix search where one is missing). Full-text indexes
// find merchant names and categories, cities and streets, e-mail domains; text indexes make the
// ENDS WITH of a card's last four digits and a national phone number an index lookup.
CREATE FULLTEXT INDEX ringscope_merchant_text IF NOT EXISTS FOR (n:Merchant) ON EACH [n.name, n.category, n.merchantId];
CREATE FULLTEXT INDEX ringscope_address_text IF NOT EXISTS FOR (n:Address) ON EACH [n.address];
CREATE FULLTEXT INDEX ringscope_email_text IF NOT EXISTS FOR (n:Email) ON EACH [n.email];
CREATE TEXT INDEX ringscope_card_number_text IF NOT EXISTS FOR (n:BankCard) ON (n.cardNumber);
CREATE TEXT INDEX ringscope_phone_number_text IF NOT EXISTS FOR (n:Phone) ON (n.phoneNumber);
CALL db.awaitIndexes(300);
