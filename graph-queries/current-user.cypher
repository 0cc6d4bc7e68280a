// The user Neo4j authenticated for this connection: RingScope's investigator in Neo4j mode.
// `roles` is null on Community Edition, which has no roles.
SHOW CURRENT USER YIELD user, roles
RETURN user, roles
