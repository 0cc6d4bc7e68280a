// One level of a breadth-first path search that counts a link through a mapped event node as one
// hop (Cypher's own shortest path counts relationships, two for a → e → b): the nodes one hop from
// each frontier node over the chosen relationship types (any direction) and the chosen event-node
// links ($eventLinks; either way, account to account, never the event node itself). Never into a
// non-account node with more than $hubCutoff links (null: no cutoff), as path-to-known-bad.cypher.
// knownBadId is the account id of a reached known-bad account (only a boolean true counts), else null.
UNWIND $frontier AS fromId
MATCH (node)
WHERE elementId(node) = fromId
CALL {
  WITH node
  MATCH (node)-[:{{linkTypes}}]-(next)
  RETURN next
  UNION
  WITH node
  MATCH (node:{{accountLabel}})-[sent:{{eventFromTypes}}]->(event:{{eventLabels}})-[received:{{eventToTypes}}]->(next:{{accountLabel}})
  WHERE next <> node AND any(link IN $eventLinks WHERE link.fromType = type(sent) AND link.eventLabel IN labels(event) AND link.toType = type(received))
  RETURN next
  UNION
  WITH node
  MATCH (node:{{accountLabel}})<-[received:{{eventToTypes}}]-(event:{{eventLabels}})<-[sent:{{eventFromTypes}}]-(next:{{accountLabel}})
  WHERE next <> node AND any(link IN $eventLinks WHERE link.fromType = type(sent) AND link.eventLabel IN labels(event) AND link.toType = type(received))
  RETURN next
}
WITH fromId, next
WHERE $hubCutoff IS NULL OR next:{{accountLabel}} OR COUNT { (next)--() } <= $hubCutoff
RETURN fromId, elementId(next) AS nextId,
       CASE WHEN next:{{accountLabel}} AND next.{{accountBlacklistedProperty}} = true THEN next.{{accountIdProperty}} END AS knownBadId
