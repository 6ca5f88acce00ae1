// Authors working on a method: authors ranked by their papers that mention the method.
// $method matches a method key (index seek), or a name or alias exactly, case-insensitively (full-text index).
// Parameters:
//   $method (string, default 'transformer'): the method
//   $limit (int, default 25): rows to return
// Example:
//   :params {method: 'transformer', limit: 25}
UNWIND COLLECT {
  MATCH (k:Method) WHERE k.key = toLower(trim($method)) RETURN k AS m
  UNION
  CALL db.index.fulltext.queryNodes('method_names', '"' + replace(replace($method, '\\', '\\\\'), '"', '\\"') + '"') YIELD node
  WHERE toLower(node.name) = toLower(trim($method)) OR toLower(trim($method)) IN [a IN coalesce(node.aliases, []) | toLower(a)]
  RETURN node AS m
} AS m
MATCH (a:Author)-[:AUTHORED]->(p:Paper)-[:MENTIONS]->(m)
WITH m, a, count(DISTINCT p) AS papers
RETURN a.name AS author, m.name AS method, papers
ORDER BY papers DESC, author
LIMIT toInteger($limit)  // the Browser's :params sends numbers as floats (25.0), which LIMIT refuses
