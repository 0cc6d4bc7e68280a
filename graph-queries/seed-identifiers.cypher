// Identifiers of one kind (label and key from the shape's mapping), each with the links from the
// accounts that use it, created in an empty database; accounts are found through their unique key.
UNWIND $rows AS row
CREATE (identifier:{{identifierLabel}} {{{valueProperty}}: row.value})
WITH identifier, row
UNWIND row.accountIds AS accountId
MATCH (account:{{accountLabel}} {{{accountIdProperty}}: accountId})
CREATE (account)-[:{{relationshipType}}]->(identifier)
