// Resolves a RingScope node id to the node: accounts and merchants by business id, identifiers by
// element id (their value may be PII, so it is never part of an id). Exactly one of the ids is set.
CALL {
  MATCH (node:{{accountLabel}})
  WHERE node.{{accountIdProperty}} = $accountId
  RETURN node
  UNION
  MATCH (node:{{merchantLabel}})
  WHERE node.{{merchantIdProperty}} = $merchantId
  RETURN node
  UNION
  MATCH (node)
  WHERE elementId(node) = $elementId
  RETURN node
}
RETURN node, COUNT { MATCH (node)-[:{{exploredTypes}}]-(neighbour) RETURN DISTINCT neighbour } AS degree
LIMIT 1
