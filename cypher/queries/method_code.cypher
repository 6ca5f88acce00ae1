// Papers with code for a method: papers mentioning the method that link a code repository.
// $method matches a method key, name or alias, case-insensitively; null = any method.
// Parameters:
//   $method (string, default null): the method, or null for all papers with code
//   $limit (int, default 25): rows to return
// Example:
//   :params {method: null, limit: 25}
MATCH (p:Paper)-[:HAS_CODE]->(repo:Repository)
WHERE $method IS NULL OR EXISTS {
  MATCH (p)-[:MENTIONS]->(m:Method)
  WHERE m.key = toLower($method) OR toLower(m.name) = toLower($method)
     OR toLower($method) IN [alias IN coalesce(m.aliases, []) | toLower(alias)]
}
WITH p, collect(repo.url) AS code
RETURN p.arxiv_id AS arxiv_id, p.title AS title, code, toString(p.first_seen) AS first_seen
ORDER BY first_seen DESC, arxiv_id
LIMIT $limit
