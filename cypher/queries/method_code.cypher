// Papers with code for a method: papers mentioning the method that link a code repository.
// $method matches a method key (index seek), or a name or alias exactly, case-insensitively (full-text index); null = any method.
// Parameters:
//   $method (string, default null): the method, or null for all papers with code
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
MATCH (p:Paper)-[:HAS_CODE]->(repo:Repository)
WHERE methods IS NULL OR EXISTS { MATCH (p)-[:MENTIONS]->(m:Method) WHERE m IN methods }
WITH p, collect(repo.url) AS code
RETURN p.arxiv_id AS arxiv_id, p.title AS title, code, toString(p.first_seen) AS first_seen
ORDER BY first_seen DESC, arxiv_id
LIMIT toInteger($limit)  // the Browser's :params sends numbers as floats (25.0), which LIMIT refuses
