// Shortest collaboration path between two authors over CO_AUTHORED (at most 8 hops),
// as the chain of names and as a path the Browser draws. Authors are matched on their key (an index seek).
// Parameters:
//   $author_a (author, default 'Jiayu Liu'): one author (a name: kg query applies the author-key rule; in the Browser write it without accents or periods, any case)
//   $author_b (author, default 'Chentao Shen'): the other author (a name: kg query applies the author-key rule; in the Browser write it without accents or periods, any case)
// Example:
//   :params {author_a: 'Jiayu Liu', author_b: 'Chentao Shen'}
MATCH (a:Author)
WHERE a.key = toLower(trim($author_a))
MATCH (b:Author)
WHERE b.key = toLower(trim($author_b))
MATCH path = shortestPath((a)-[:CO_AUTHORED*..8]-(b))
WHERE a <> b
RETURN [n IN nodes(path) | n.name] AS chain, length(path) AS hops, path
ORDER BY hops
LIMIT 1
