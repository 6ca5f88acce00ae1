// Authors working on a method: authors ranked by their papers that mention the method.
// $method matches a method key, name or alias, case-insensitively.
// Parameters:
//   $method (string, default 'transformer'): the method
//   $limit (int, default 25): rows to return
// Example:
//   :params {method: 'transformer', limit: 25}
MATCH (m:Method)
WHERE m.key = toLower($method) OR toLower(m.name) = toLower($method)
   OR toLower($method) IN [alias IN coalesce(m.aliases, []) | toLower(alias)]
MATCH (a:Author)-[:AUTHORED]->(p:Paper)-[:MENTIONS]->(m)
WITH m, a, count(DISTINCT p) AS papers
RETURN a.name AS author, m.name AS method, papers
ORDER BY papers DESC, author
LIMIT $limit
