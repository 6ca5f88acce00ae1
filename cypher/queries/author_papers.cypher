// An author's papers, newest first, with their methods. $author is matched on the author key (an index seek).
// Parameters:
//   $author (author, default 'Yang Liu'): the author (a name: kg query applies the author-key rule; in the Browser write it without accents or periods, any case)
//   $limit (int, default 50): rows to return
// Example:
//   :params {author: 'Yang Liu', limit: 50}
MATCH (a:Author)-[:AUTHORED]->(p:Paper)
WHERE a.key = toLower(trim($author))
OPTIONAL MATCH (p)-[:MENTIONS]->(m:Method)
WITH a, p, collect(m.name) AS methods
RETURN a.name AS author, p.arxiv_id AS arxiv_id, p.title AS title, toString(p.first_seen) AS first_seen, methods
ORDER BY first_seen DESC, arxiv_id
LIMIT toInteger($limit)  // the Browser's :params sends numbers as floats (25.0), which LIMIT refuses
