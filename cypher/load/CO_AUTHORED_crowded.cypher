// Papers of this load with more than $max_authors authors in the database (a later listing added authors) make no
// co-author pairs: recompute the CO_AUTHORED relationships stored between their authors, deleting those whose count
// drops to 0. $rows: [{paper}] (every paper of this load; most are skipped by the degree lookup).
UNWIND $rows AS row
MATCH (p:Paper) WHERE p.arxiv_id = row.paper
WITH p WHERE COUNT { (p)<-[:AUTHORED]-() } > $max_authors
MATCH (p)<-[:AUTHORED]-(a:Author)-[old:CO_AUTHORED]->(b:Author)-[:AUTHORED]->(p)
WITH DISTINCT a, b, old
WITH *, [(a)-[:AUTHORED]->(q:Paper)<-[:AUTHORED]-(b) WHERE COUNT { (q)<-[:AUTHORED]-() } <= $max_authors | q.first_seen] AS days
WITH *, size(days) AS weight,
     reduce(m = null, d IN days | CASE WHEN m IS NULL OR d < m THEN d ELSE m END) AS first,
     reduce(m = null, d IN days | CASE WHEN m IS NULL OR d > m THEN d ELSE m END) AS last
FOREACH (_ IN CASE WHEN weight = 0 THEN [1] ELSE [] END | DELETE old)
FOREACH (_ IN CASE WHEN weight > 0 THEN [1] ELSE [] END | SET old.weight = weight, old.first = first, old.last = last)
RETURN count(*) AS written
