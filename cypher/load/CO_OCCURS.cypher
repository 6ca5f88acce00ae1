// Recompute CO_OCCURS {weight} (papers mentioning both methods) for the method pairs of this load's papers.
// $rows: [{a, b}], a < b (kg.store.neo4j.graph_to_rows: every pair of methods mentioned by one paper of this load).
// Each pair is counted again from all MENTIONS relationships in the database (SET, never added to); a
// relationship is written only when its weight changes. Stored once, from the smaller key to the larger.
// Write-lock every end of this batch's pairs before counting, each node once (not once per pair: that wrote two
// properties per row): a concurrent load's uncommitted AUTHORED/MENTIONS on them is waited for, so the last
// recompute of a pair sees every committed paper (two loads at once lose no weight).
CALL () {
  UNWIND $rows AS row
  UNWIND [row.a, row.b] AS key
  WITH DISTINCT key
  MATCH (n:Method) WHERE n.key = key
  SET n._kg_lock = true
  REMOVE n._kg_lock
}
UNWIND $rows AS row
MATCH (a:Method) WHERE a.key = row.a
MATCH (b:Method) WHERE b.key = row.b
WITH a, b, COUNT { (a)<-[:MENTIONS]-(:Paper)-[:MENTIONS]->(b) } AS weight
OPTIONAL MATCH (a)-[old:CO_OCCURS]->(b)
FOREACH (_ IN CASE WHEN weight = 0 AND old IS NOT NULL THEN [1] ELSE [] END | DELETE old)
FOREACH (_ IN CASE WHEN weight > 0 AND (old IS NULL OR old.weight <> weight) THEN [1] ELSE [] END |
  MERGE (a)-[r:CO_OCCURS]->(b)
  SET r.weight = weight)
RETURN count(*) AS written
