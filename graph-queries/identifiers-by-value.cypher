// Identifier nodes of one kind whose value is one of the normalised forms of the search query.
MATCH (identifier:{{identifierLabel}})
WHERE identifier.{{valueProperty}} IN $values
RETURN identifier AS node, COUNT { MATCH (identifier)-[:{{exploredTypes}}]-(neighbour) RETURN DISTINCT neighbour } AS degree
LIMIT $limit
