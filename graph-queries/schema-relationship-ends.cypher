// Which labels each relationship type starts and ends at, from the count store (instant on any
// size): lets discovery propose direct account links and links through event nodes.
CALL db.stats.retrieve('GRAPH COUNTS') YIELD data
UNWIND data.relationships AS counted
WITH counted
WHERE counted.relationshipType IS NOT NULL AND counted.count > 0 AND (counted.startLabel IS NOT NULL OR counted.endLabel IS NOT NULL)
RETURN counted.relationshipType AS relationshipType, counted.startLabel AS startLabel, counted.endLabel AS endLabel
