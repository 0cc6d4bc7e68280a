// Merchants whose business id is one of $ids.
MATCH (merchant:{{merchantLabel}})
WHERE merchant.{{merchantIdProperty}} IN $ids
RETURN merchant AS node, COUNT { MATCH (merchant)-[:{{exploredTypes}}]-(neighbour) RETURN DISTINCT neighbour } AS degree
LIMIT $limit
