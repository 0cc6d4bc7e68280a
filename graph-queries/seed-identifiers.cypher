// Demo identifiers of one kind (label and key filled from the demo schema mapping), with the link
// from each account that uses it; MERGE on keys keeps re-runs idempotent.
UNWIND $rows AS row
MERGE (identifier:{{identifierLabel}} {{{valueProperty}}: row.value})
WITH identifier, row
UNWIND row.userIds AS userId
MATCH (user:User {userId: userId})
MERGE (user)-[:{{relationshipType}}]->(identifier)
