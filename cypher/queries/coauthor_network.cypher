// An author's co-author ego network: the author, their co-authors and the CO_AUTHORED links
// (the Browser draws it as a graph). $author is matched on the author key (an index seek).
// Parameters:
//   $author (author, default 'Yang Liu'): the author (a name: kg query applies the author-key rule; in the Browser write it without accents or periods, any case)
//   $min_weight (int, default 1): only co-authors with at least this many joint papers
//   $limit (int, default 50): co-authors to return
// Example:
//   :params {author: 'Yang Liu', min_weight: 1, limit: 50}
MATCH (ego:Author)
WHERE ego.key = toLower(trim($author))
MATCH (ego)-[r:CO_AUTHORED]-(coauthor:Author)
WHERE r.weight >= $min_weight
RETURN ego, r, coauthor, r.weight AS joint_papers, toString(r.first) AS first, toString(r.last) AS last
ORDER BY joint_papers DESC, coauthor.name
LIMIT toInteger($limit)  // the Browser's :params sends numbers as floats (25.0), which LIMIT refuses
