// How many distinct neighbours a node has over the mapped relationship types (a page's total).
MATCH (center)
WHERE elementId(center) = $elementId
RETURN COUNT { MATCH (center)-[:{{exploredTypes}}]-(neighbour) RETURN DISTINCT neighbour } AS totalNeighbours
