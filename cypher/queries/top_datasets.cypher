// Most used datasets and benchmarks: datasets ranked by the number of papers that use them.
// Parameters:
//   $limit (int, default 25): rows to return
// Example:
//   :params {limit: 25}
MATCH (p:Paper)-[:USES_DATASET]->(d:Dataset)
WITH d, count(DISTINCT p) AS papers
RETURN d.name AS dataset, coalesce(d.aliases, []) AS aliases, papers
ORDER BY papers DESC, dataset
LIMIT toInteger($limit)  // the Browser's :params sends numbers as floats (25.0), which LIMIT refuses
