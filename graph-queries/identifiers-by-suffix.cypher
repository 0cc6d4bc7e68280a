// Identifiers whose value ends with $suffix (a card's last four digits, a phone's national number):
// how many (up to $countCap) and the first $limit in value order with their degree. A text index on
// the value property (search-indexes.cypher) makes it an index lookup.
MATCH (node:{{identifierLabel}})
WHERE node.{{valueProperty}} ENDS WITH $suffix
WITH node
ORDER BY node.{{valueProperty}}
LIMIT $countCap
WITH collect(node) AS matched
RETURN size(matched) AS total,
       [node IN matched[0..$limit] | {node: node, degree: COUNT { MATCH (node)-[:{{exploredTypes}}]-(other) RETURN DISTINCT other }}] AS hits
