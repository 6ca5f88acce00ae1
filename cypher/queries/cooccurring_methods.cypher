// Methods co-occurring with a given method: the methods most often mentioned in the same papers.
// $method matches a method key, name or alias, case-insensitively.
// Parameters:
//   $method (string, default 'transformer'): the method
//   $limit (int, default 20): rows to return
// Example:
//   :params {method: 'transformer', limit: 20}
MATCH (m:Method)
WHERE m.key = toLower($method) OR toLower(m.name) = toLower($method)
   OR toLower($method) IN [alias IN coalesce(m.aliases, []) | toLower(alias)]
MATCH (m)-[r:CO_OCCURS]-(other:Method)
RETURN m.name AS method, other.name AS co_method, r.weight AS papers
ORDER BY papers DESC, co_method
LIMIT $limit
