// Methods co-occurring with a given method: the methods most often mentioned in the same papers.
// $method matches a method key (index seek), or a name or alias exactly, case-insensitively (full-text index).
// Parameters:
//   $method (string, default 'transformer'): the method
//   $limit (int, default 20): rows to return
// Example:
//   :params {method: 'transformer', limit: 20}
UNWIND COLLECT {
  MATCH (k:Method) WHERE k.key = toLower(trim($method)) RETURN k AS m
  UNION
  CALL db.index.fulltext.queryNodes('method_names', '"' + replace(replace($method, '\\', '\\\\'), '"', '\\"') + '"') YIELD node
  WHERE toLower(node.name) = toLower(trim($method)) OR toLower(trim($method)) IN [a IN coalesce(node.aliases, []) | toLower(a)]
  RETURN node AS m
} AS m
MATCH (m)-[r:CO_OCCURS]-(other:Method)
RETURN m.name AS method, other.name AS co_method, r.weight AS papers
ORDER BY papers DESC, co_method
LIMIT toInteger($limit)  // the Browser's :params sends numbers as floats (25.0), which LIMIT refuses
