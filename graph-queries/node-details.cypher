// How many distinct neighbours a node has per mapped relationship type.
MATCH (node)-[relationship:{{exploredTypes}}]-(neighbour)
WHERE elementId(node) = $elementId
RETURN type(relationship) AS type, count(DISTINCT neighbour) AS count
ORDER BY type
