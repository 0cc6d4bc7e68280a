// One hop of "follow the money": the money links (transfers, payments; one row each) leaving the
// frontier nodes ($forward) or arriving at them (NOT $forward), inside the window
// [$fromMillis, $toMillis) when one is set, oldest first. Times compare as epoch milliseconds
// whether stored as temporal values or numbers (as in money-links-among.cypher).
UNWIND $frontier AS frontierId
MATCH (node)
WHERE elementId(node) = frontierId
CALL {
  WITH node
  MATCH (node)-[link:{{transferTypes}}|{{paymentTypes}}]->(other)
  WHERE $forward
  RETURN link, node AS source, other AS target
  UNION
  WITH node
  MATCH (node)<-[link:{{transferTypes}}|{{paymentTypes}}]-(other)
  WHERE NOT $forward
  RETURN link, other AS source, node AS target
}
WITH source, link, target,
     CASE type(link) WHEN $transferType THEN link.{{transferAmountProperty}} WHEN $paymentType THEN link.{{paymentAmountProperty}} END AS amount,
     CASE type(link) WHEN $transferType THEN link.{{transferTimeProperty}} WHEN $paymentType THEN link.{{paymentTimeProperty}} END AS at
WITH source, link, target, amount, at,
     CASE WHEN at IS :: ZONED DATETIME THEN at.epochMillis ELSE toIntegerOrNull(at) END AS atMillis
WHERE ($fromMillis IS NULL OR atMillis >= $fromMillis) AND ($toMillis IS NULL OR atMillis < $toMillis)
RETURN elementId(link) AS id, source, target, type(link) AS type, toFloatOrNull(amount) AS amount, at
ORDER BY atMillis, id
LIMIT $limit
