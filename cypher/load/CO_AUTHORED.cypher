// Recompute CO_AUTHORED {weight, first, last} for every pair that involves one of $rows (the authors
// of this load, [{key}]) from all AUTHORED relationships in the database: weights are SET, never added to, so
// loading twice changes nothing and loading day N+1 after day N equals loading both at once.
// Papers with more than $max_authors authors make no pairs (kg.graph.MAX_COAUTHORS).
// Stored once, from the smaller key to the larger (as in the networkx graph).
UNWIND $rows AS row
MATCH (a:Author {key: row.key})-[:AUTHORED]->(p:Paper)
WHERE COUNT { (p)<-[:AUTHORED]-() } <= $max_authors  // a degree lookup, once per paper, before the pairs
MATCH (p)<-[:AUTHORED]-(b:Author)
WHERE a <> b
WITH a, b, count(DISTINCT p) AS weight, min(p.first_seen) AS first, max(p.first_seen) AS last
WITH CASE WHEN a.key < b.key THEN a ELSE b END AS x,
     CASE WHEN a.key < b.key THEN b ELSE a END AS y,
     weight, first, last
MERGE (x)-[r:CO_AUTHORED]->(y)
SET r.weight = weight, r.first = first, r.last = last
RETURN count(*) AS written
