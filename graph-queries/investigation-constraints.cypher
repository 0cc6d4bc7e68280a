// RingScope's own investigation state (see main/core/store/neo4j-investigation-store.ts): one
// uniqueness constraint per label, each backed by an index, so every lookup by id is an index seek
// and two clients can never create the same case, delivery, audit seq or head twice. Every node
// carries the investigation space it belongs to. One statement per line-ending semicolon.
CREATE CONSTRAINT ringscope_case_id IF NOT EXISTS FOR (n:RSCase) REQUIRE (n.space, n.id) IS UNIQUE;
CREATE CONSTRAINT ringscope_outbox_id IF NOT EXISTS FOR (n:RSOutbox) REQUIRE (n.space, n.id) IS UNIQUE;
CREATE CONSTRAINT ringscope_audit_seq IF NOT EXISTS FOR (n:RSAuditEvent) REQUIRE (n.space, n.seq) IS UNIQUE;
CREATE CONSTRAINT ringscope_audit_head IF NOT EXISTS FOR (n:RSAuditHead) REQUIRE n.space IS UNIQUE;
