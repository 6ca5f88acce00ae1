// Papers proposing new methods: papers the extractor marked as proposing a method ("we propose X"),
// newest first; optionally only those proposing $method (key, or exact name or alias through the full-text index; null = any method).
// Parameters:
//   $method (string, default null): only this method, or null for all
//   $limit (int, default 25): rows to return
// Example:
//   :params {method: null, limit: 25}
WITH CASE WHEN $method IS NULL THEN null ELSE COLLECT {
  MATCH (k:Method) WHERE k.key = toLower(trim($method)) RETURN k AS m
  UNION
  CALL db.index.fulltext.queryNodes('method_names', '"' + replace(replace($method, '\\', '\\\\'), '"', '\\"') + '"') YIELD node
  WHERE toLower(node.name) = toLower(trim($method)) OR toLower(trim($method)) IN [a IN coalesce(node.aliases, []) | toLower(a)]
  RETURN node AS m
} END AS methods
MATCH (p:Paper)-[:PROPOSES]->(m:Method)
WHERE methods IS NULL OR m IN methods
WITH p, collect(m.name) AS methods
RETURN p.arxiv_id AS arxiv_id, p.title AS title, toString(p.first_seen) AS first_seen, methods
ORDER BY first_seen DESC, arxiv_id
LIMIT toInteger($limit)  // the Browser's :params sends numbers as floats (25.0), which LIMIT refuses
