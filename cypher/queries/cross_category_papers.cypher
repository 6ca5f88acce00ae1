// Cross-category papers: papers listed in at least $min_categories arXiv categories, with the
// category groups they span (e.g. Computer Science + Statistics), most groups first.
// Parameters:
//   $min_categories (int, default 2): minimum number of categories
//   $limit (int, default 25): rows to return
// Example:
//   :params {min_categories: 2, limit: 25}
MATCH (p:Paper)-[:IN_CATEGORY]->(c:Category)
WITH p, collect(c.code) AS categories, collect(DISTINCT coalesce(c.group, '')) AS groups
WHERE size(categories) >= $min_categories
RETURN p.arxiv_id AS arxiv_id, p.title AS title, p.primary_category AS primary_category, categories, groups
ORDER BY size(groups) DESC, size(categories) DESC, arxiv_id
LIMIT toInteger($limit)  // the Browser's :params sends numbers as floats (25.0), which LIMIT refuses
