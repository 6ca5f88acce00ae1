// Most prolific authors: authors ranked by number of papers, optionally within one category
// ($category is an arXiv code such as 'cs.CL'; null = all).
// Parameters:
//   $category (string, default null): only papers in this category, or null for all
//   $limit (int, default 25): rows to return
// Example:
//   :params {category: null, limit: 25}
MATCH (a:Author)-[:AUTHORED]->(p:Paper)
WHERE $category IS NULL OR EXISTS { (p)-[:IN_CATEGORY]->(:Category {code: $category}) }
WITH a, count(DISTINCT p) AS papers, min(p.first_seen) AS first_paper, max(p.first_seen) AS last_paper
RETURN a.name AS author, papers, toString(first_paper) AS first_seen, toString(last_paper) AS last_seen
ORDER BY papers DESC, author
LIMIT toInteger($limit)  // the Browser's :params sends numbers as floats (25.0), which LIMIT refuses
