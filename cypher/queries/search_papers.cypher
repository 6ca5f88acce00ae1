// Full-text search of papers: titles and abstracts through the paper_text Lucene index
// ($text is Lucene syntax: words, "exact phrases", AND/OR, prefix*).
// Parameters:
//   $text (string, default 'diffusion'): what to search for
//   $limit (int, default 20): rows to return
// Example:
//   :params {text: 'diffusion', limit: 20}
CALL db.index.fulltext.queryNodes('paper_text', $text) YIELD node, score
RETURN node.arxiv_id AS arxiv_id, node.title AS title, toString(node.first_seen) AS first_seen,
       round(score, 3) AS score
ORDER BY score DESC, arxiv_id
LIMIT $limit
