// The fallback where no full-text index covers a searchable property: nodes whose property starts
// with one of $prefixes (the text as typed, lower case, capitalised), how many (up to $countCap) and
// the first $limit in property order with their degree.
MATCH (node:{{label}})
WHERE any(prefix IN $prefixes WHERE node.{{property}} STARTS WITH prefix)
WITH node
ORDER BY node.{{property}}
LIMIT $countCap
WITH collect(node) AS matched
RETURN size(matched) AS total,
       [node IN matched[0..$limit] | {node: node, degree: COUNT { MATCH (node)-[:{{exploredTypes}}]-(other) RETURN DISTINCT other }}] AS hits
