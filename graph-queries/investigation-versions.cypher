// The stored version and last writer of the cases and deliveries a commit is about to write,
// read under the head lock; ids not stored yet are simply missing from the result.
CALL {
  UNWIND $caseIds AS id
  MATCH (n:RSCase {space: $space, id: id})
  RETURN 'case' AS kind, n
  UNION ALL
  UNWIND $outboxIds AS id
  MATCH (n:RSOutbox {space: $space, id: id})
  RETURN 'delivery' AS kind, n
}
RETURN kind, n.id AS id, n.version AS version, n.updatedBy AS updatedBy, n.updatedAt AS updatedAt
