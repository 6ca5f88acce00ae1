// A method's trend: papers mentioning it per month (or week / day), by first-seen date.
// $method matches a method key (index seek), or a name or alias exactly, case-insensitively (full-text index).
// Parameters:
//   $method (string, default 'transformer'): the method
//   $period (string, default 'month'): 'month', 'week' or 'day'
// Example:
//   :params {method: 'transformer', period: 'month'}
UNWIND COLLECT {
  MATCH (k:Method) WHERE k.key = toLower(trim($method)) RETURN k AS m
  UNION
  CALL db.index.fulltext.queryNodes('method_names', '"' + replace(replace($method, '\\', '\\\\'), '"', '\\"') + '"') YIELD node
  WHERE toLower(node.name) = toLower(trim($method)) OR toLower(trim($method)) IN [a IN coalesce(node.aliases, []) | toLower(a)]
  RETURN node AS m
} AS m
MATCH (p:Paper)-[:MENTIONS]->(m)
WHERE p.first_seen IS NOT NULL
WITH m, date.truncate($period, p.first_seen) AS period_start, count(DISTINCT p) AS papers
RETURN m.name AS method, toString(period_start) AS period, papers
ORDER BY method, period
