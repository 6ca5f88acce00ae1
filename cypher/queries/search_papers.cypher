// Full-text search of papers: titles and abstracts through the paper_text Lucene index. $text is plain words
// (lower-cased, so AND/OR/NOT are words, and Lucene's special characters escaped: 'C++' or 'text-to-image' are safe), unless $lucene is true:
// then it is Lucene syntax ("exact phrases", AND/OR, prefix*).
// Parameters:
//   $text (string, default 'diffusion'): what to search for
//   $lucene (boolean, default false): read $text as Lucene query syntax instead of plain words
//   $limit (int, default 20): rows to return
// Example:
//   :params {text: 'diffusion', lucene: false, limit: 20}
CALL db.index.fulltext.queryNodes('paper_text', CASE WHEN $lucene THEN $text
  ELSE reduce(q = toLower($text), c IN ['\\', '+', '-', '&', '|', '!', '(', ')', '{', '}', '[', ']', '^', '"', '~', '*', '?', ':', '/'] | replace(q, c, '\\' + c)) END) YIELD node, score
RETURN node.arxiv_id AS arxiv_id, node.title AS title, toString(node.first_seen) AS first_seen,
       round(score, 3) AS score
ORDER BY score DESC, arxiv_id
LIMIT toInteger($limit)  // the Browser's :params sends numbers as floats (25.0), which LIMIT refuses
