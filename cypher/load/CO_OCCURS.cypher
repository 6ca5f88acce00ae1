// Recompute CO_OCCURS {weight} (papers mentioning both methods) for the method pairs of this load's papers.
// $rows: [{a, b}], a < b (kg.store.neo4j.graph_to_rows: every pair of methods mentioned by one paper of this load).
// Each pair is counted again from all MENTIONS relationships in the database (SET, never added to); a
// relationship is written only when its weight changes. Stored once, from the smaller key to the larger.
UNWIND $rows AS row
MATCH (a:Method) WHERE a.key = row.a
MATCH (b:Method) WHERE b.key = row.b
// Write-lock both ends before counting: a concurrent load's uncommitted AUTHORED/MENTIONS on them is waited
// for, so the last recompute of a pair sees every committed paper (two loads at once lose no weight).
SET a._kg_lock = true, b._kg_lock = true
REMOVE a._kg_lock, b._kg_lock
WITH a, b, COUNT { (a)<-[:MENTIONS]-(:Paper)-[:MENTIONS]->(b) } AS weight
OPTIONAL MATCH (a)-[old:CO_OCCURS]->(b)
FOREACH (_ IN CASE WHEN weight = 0 AND old IS NOT NULL THEN [1] ELSE [] END | DELETE old)
FOREACH (_ IN CASE WHEN weight > 0 AND (old IS NULL OR old.weight <> weight) THEN [1] ELSE [] END |
  MERGE (a)-[r:CO_OCCURS]->(b)
  SET r.weight = weight)
RETURN count(*) AS written
