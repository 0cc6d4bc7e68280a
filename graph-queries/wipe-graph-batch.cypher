// Deletes up to $batch nodes with their relationships; repeated until it deletes nothing.
MATCH (n)
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted
