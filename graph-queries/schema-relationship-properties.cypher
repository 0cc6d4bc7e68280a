// Property keys seen on relationships, per type (relType comes as :`TYPE`; the caller unquotes it).
CALL db.schema.relTypeProperties() YIELD relType, propertyName
WITH relType, propertyName
WHERE propertyName IS NOT NULL
RETURN relType, collect(DISTINCT propertyName) AS properties
ORDER BY relType
