// One case document by id.
MATCH (c:RSCase {space: $space, id: $id})
RETURN c.doc AS doc
