// The audit head of a space: the seq and hash of its last event. Every commit locks it first, so
// commits from any number of clients run one after another and the hash chain stays linear.
MERGE (head:RSAuditHead {space: $space})
ON CREATE SET head.seq = 0, head.hash = $genesisHash
