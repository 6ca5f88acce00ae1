// Most mentioned methods: methods ranked by the number of papers that mention them.
// Parameters:
//   $limit (int, default 25): rows to return
//   $min_papers (int, default 1): leave out methods mentioned by fewer papers
// Example:
//   :params {limit: 25, min_papers: 1}
MATCH (p:Paper)-[:MENTIONS]->(m:Method)
WITH m, count(DISTINCT p) AS papers
WHERE papers >= $min_papers
RETURN m.name AS method, m.key AS key, coalesce(m.group, '') AS group, papers
ORDER BY papers DESC, method
LIMIT toInteger($limit)  // the Browser's :params sends numbers as floats (25.0), which LIMIT refuses
