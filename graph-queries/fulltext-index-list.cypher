// The full-text indexes on nodes that can answer a search now (state ONLINE).
SHOW FULLTEXT INDEXES
YIELD name, labelsOrTypes, properties, state, entityType
WHERE state = 'ONLINE' AND entityType = 'NODE'
RETURN name, labelsOrTypes AS labels, properties
