// A method's aliases: every spelling the extractor merged into one canonical method, found by any
// spelling through the method_names full-text index, with the number of papers mentioning it.
// Parameters:
//   $method (string, default 'transformer'): any spelling (plain words: Lucene's special characters are escaped)
//   $limit (int, default 10): methods to return
// Example:
//   :params {method: 'transformer', limit: 10}
CALL db.index.fulltext.queryNodes('method_names', reduce(q = toLower($method), c IN ['\\', '+', '-', '&', '|', '!', '(', ')', '{', '}', '[', ']', '^', '"', '~', '*', '?', ':', '/'] | replace(q, c, '\\' + c))) YIELD node, score
RETURN node.key AS key, node.name AS method, coalesce(node.aliases, []) AS aliases,
       coalesce(node.group, '') AS group, COUNT { (:Paper)-[:MENTIONS]->(node) } AS papers, round(score, 3) AS score
ORDER BY score DESC, papers DESC
LIMIT toInteger($limit)  // the Browser's :params sends numbers as floats (25.0), which LIMIT refuses
