// Most collaborative authors: authors ranked by number of distinct co-authors (CO_AUTHORED),
// with the number of joint papers summed over them.
// Parameters:
//   $limit (int, default 25): rows to return
// Example:
//   :params {limit: 25}
MATCH (a:Author)-[r:CO_AUTHORED]-(b:Author)
WITH a, count(DISTINCT b) AS coauthors, sum(r.weight) AS joint_papers
RETURN a.name AS author, coauthors, joint_papers
ORDER BY coauthors DESC, joint_papers DESC, author
LIMIT toInteger($limit)  // the Browser's :params sends numbers as floats (25.0), which LIMIT refuses
