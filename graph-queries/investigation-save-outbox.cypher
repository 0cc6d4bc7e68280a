// Writes checked scoring deliveries: the entry as JSON in `doc`, its state and times beside it.
UNWIND $entries AS item
MERGE (d:RSOutbox {space: $space, id: item.id})
SET d.version = toInteger(item.version),
    d.caseId = item.caseId,
    d.state = item.state,
    d.nextAttemptAt = item.nextAttemptAt,
    d.updatedBy = item.updatedBy,
    d.updatedAt = item.updatedAt,
    d.doc = item.doc
