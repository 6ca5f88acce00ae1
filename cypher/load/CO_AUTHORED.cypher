// Recompute CO_AUTHORED {weight, first, last} for the author pairs of this load's papers. $rows: [{a, b}], a < b
// (kg.store.neo4j.graph_to_rows: every pair of authors of a paper with at most $max_authors authors in this load).
// Each pair is counted again from all AUTHORED relationships in the database, so loading twice changes nothing and
// loading day N+1 after day N equals loading both at once; only pairs of this load are visited (not the whole
// neighbourhood of every author), a relationship is written only when its values change, and a pair whose count
// drops to 0 (its papers now have more than $max_authors authors) is deleted.
// Stored once, from the smaller key to the larger (as in the networkx graph).
UNWIND $rows AS row
MATCH (a:Author) WHERE a.key = row.a
MATCH (b:Author) WHERE b.key = row.b
// Write-lock both ends before counting: a concurrent load's uncommitted AUTHORED/MENTIONS on them is waited
// for, so the last recompute of a pair sees every committed paper (two loads at once lose no weight).
SET a._kg_lock = true, b._kg_lock = true
REMOVE a._kg_lock, b._kg_lock
WITH *, [(a)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(b) WHERE COUNT { (p)<-[:AUTHORED]-() } <= $max_authors | p.first_seen] AS days
WITH *, size(days) AS weight,
     reduce(m = null, d IN days | CASE WHEN m IS NULL OR d < m THEN d ELSE m END) AS first,
     reduce(m = null, d IN days | CASE WHEN m IS NULL OR d > m THEN d ELSE m END) AS last
OPTIONAL MATCH (a)-[old:CO_AUTHORED]->(b)
WITH a, b, old, weight, first, last,
     old IS NULL OR old.weight <> weight
       OR coalesce(old.first <> first, (old.first IS NULL) <> (first IS NULL))
       OR coalesce(old.last <> last, (old.last IS NULL) <> (last IS NULL)) AS changed
FOREACH (_ IN CASE WHEN weight = 0 AND old IS NOT NULL THEN [1] ELSE [] END | DELETE old)
FOREACH (_ IN CASE WHEN weight > 0 AND changed THEN [1] ELSE [] END |
  MERGE (a)-[r:CO_AUTHORED]->(b)
  SET r.weight = weight, r.first = first, r.last = last)
RETURN count(*) AS written
