// Recompute CO_OCCURS {weight} (papers mentioning both methods) for every pair that involves one of
// $rows (the methods of this load, [{key}]) from all MENTIONS relationships in the database: SET, never added to.
// Stored once, from the smaller key to the larger (as in the networkx graph).
UNWIND $rows AS row
MATCH (a:Method {key: row.key})<-[:MENTIONS]-(p:Paper)-[:MENTIONS]->(b:Method)
WHERE a <> b
WITH a, b, count(DISTINCT p) AS weight
WITH CASE WHEN a.key < b.key THEN a ELSE b END AS x,
     CASE WHEN a.key < b.key THEN b ELSE a END AS y,
     weight
MERGE (x)-[r:CO_OCCURS]->(y)
SET r.weight = weight
RETURN count(*) AS written
