// Uniqueness constraints (each backed by an index) on the demo schema's business keys, created
// before seeding so that every MERGE is an index seek. One statement per line-ending semicolon.
CREATE CONSTRAINT user_user_id IF NOT EXISTS FOR (n:User) REQUIRE n.userId IS UNIQUE;
CREATE CONSTRAINT device_device_id IF NOT EXISTS FOR (n:Device) REQUIRE n.deviceId IS UNIQUE;
CREATE CONSTRAINT phone_phone_number IF NOT EXISTS FOR (n:Phone) REQUIRE n.phoneNumber IS UNIQUE;
CREATE CONSTRAINT ip_address_ip_address IF NOT EXISTS FOR (n:IPAddress) REQUIRE n.ipAddress IS UNIQUE;
CREATE CONSTRAINT bank_card_card_number IF NOT EXISTS FOR (n:BankCard) REQUIRE n.cardNumber IS UNIQUE;
CREATE CONSTRAINT address_address IF NOT EXISTS FOR (n:Address) REQUIRE n.address IS UNIQUE;
CREATE CONSTRAINT email_email IF NOT EXISTS FOR (n:Email) REQUIRE n.email IS UNIQUE;
CREATE CONSTRAINT merchant_merchant_id IF NOT EXISTS FOR (n:Merchant) REQUIRE n.merchantId IS UNIQUE;
CREATE CONSTRAINT ringscope_seed_name IF NOT EXISTS FOR (n:RingScopeSeed) REQUIRE n.name IS UNIQUE;
