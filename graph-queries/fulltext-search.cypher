// Nodes a full-text index finds for a Lucene query (best first): how many (up to $countCap) and the
// first $limit with their degree. The index name is a parameter, so nothing is spliced into the text.
CALL db.index.fulltext.queryNodes($indexName, $query, {limit: $countCap}) YIELD node
WITH collect(node) AS matched
RETURN size(matched) AS total,
       [node IN matched[0..$limit] | {node: node, degree: COUNT { MATCH (node)-[:{{exploredTypes}}]-(other) RETURN DISTINCT other }}] AS hits
