// Property keys seen on nodes, per label (Neo4j samples the store, so this stays cheap on big graphs).
CALL db.schema.nodeTypeProperties() YIELD nodeLabels, propertyName
WITH nodeLabels, propertyName
WHERE propertyName IS NOT NULL
UNWIND nodeLabels AS label
RETURN label, collect(DISTINCT propertyName) AS properties
ORDER BY label
