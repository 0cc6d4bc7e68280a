// The whole audit trail of the space in chain order.
MATCH (e:RSAuditEvent {space: $space})
RETURN e.seq AS seq, e.at AS at, e.actor AS actor, e.action AS action, e.caseId AS caseId, e.details AS details, e.prevHash AS prevHash, e.actorKey AS actorKey, e.signature AS signature, e.hash AS hash
ORDER BY e.seq
