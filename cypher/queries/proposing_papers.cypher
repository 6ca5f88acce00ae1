// Papers proposing new methods: papers the extractor marked as proposing a method ("we propose X"),
// newest first; optionally only those proposing $method (key, name or alias; null = any method).
// Parameters:
//   $method (string, default null): only this method, or null for all
//   $limit (int, default 25): rows to return
// Example:
//   :params {method: null, limit: 25}
MATCH (p:Paper)-[:PROPOSES]->(m:Method)
WHERE $method IS NULL OR m.key = toLower($method) OR toLower(m.name) = toLower($method)
   OR toLower($method) IN [alias IN coalesce(m.aliases, []) | toLower(alias)]
WITH p, collect(m.name) AS methods
RETURN p.arxiv_id AS arxiv_id, p.title AS title, toString(p.first_seen) AS first_seen, methods
ORDER BY first_seen DESC, arxiv_id
LIMIT $limit
