// First statement of every commit: writing a property takes the head's write lock until the
// transaction ends, so a concurrent commit waits here, and everything it reads afterwards
// (case versions, the last audit event) already includes this commit. Returns the last event.
MATCH (head:RSAuditHead {space: $space})
SET head._lock = true
WITH head
OPTIONAL MATCH (last:RSAuditEvent {space: $space, seq: head.seq})
RETURN head.seq AS seq, last {.seq, .at, .actor, .action, .caseId, .details, .prevHash, .actorKey, .signature, .hash} AS last
