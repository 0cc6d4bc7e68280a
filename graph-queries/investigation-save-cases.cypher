// Writes checked case documents. The whole case (tags, members, notes, reviews) is the JSON in
// `doc`; status, title, assignee and the timestamps are copied beside it for Cypher users
// (e.g. MATCH (c:RSCase {status: 'in_review'}) in Neo4j Browser).
UNWIND $cases AS item
MERGE (c:RSCase {space: $space, id: item.id})
SET c.version = toInteger(item.version),
    c.status = item.status,
    c.title = item.title,
    c.assignee = item.assignee,
    c.createdBy = item.createdBy,
    c.createdAt = item.createdAt,
    c.updatedBy = item.updatedBy,
    c.updatedAt = item.updatedAt,
    c.submittedAt = item.submittedAt,
    c.doc = item.doc
