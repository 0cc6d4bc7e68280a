// Appends sealed audit events and moves the head to the last one, releasing the commit's lock
// marker. `at` stays the exact ISO string that was hashed; details are stored as JSON text.
MATCH (head:RSAuditHead {space: $space})
CALL {
  WITH head
  UNWIND $events AS event
  CREATE (:RSAuditEvent {
    space: $space,
    seq: toInteger(event.seq),
    at: event.at,
    actor: event.actor,
    action: event.action,
    caseId: event.caseId,
    details: event.details,
    prevHash: event.prevHash,
    actorKey: event.actorKey,
    signature: event.signature,
    hash: event.hash
  })
}
SET head.seq = $headSeq, head.hash = $headHash
REMOVE head._lock
