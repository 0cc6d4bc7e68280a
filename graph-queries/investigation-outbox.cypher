// Every scoring delivery of the space.
MATCH (d:RSOutbox {space: $space})
RETURN d.doc AS doc
ORDER BY d.id
