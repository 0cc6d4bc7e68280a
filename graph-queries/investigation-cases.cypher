// Every case document of the space.
MATCH (c:RSCase {space: $space})
RETURN c.doc AS doc
ORDER BY c.id
