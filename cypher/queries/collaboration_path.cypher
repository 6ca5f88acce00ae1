// Shortest collaboration path between two authors over CO_AUTHORED (at most 8 hops),
// as the chain of names and as a path the Browser draws. Names or normalised keys, case-insensitive.
// Parameters:
//   $author_a (string, default 'Jiayu Liu'): one author
//   $author_b (string, default 'Chentao Shen'): the other author
// Example:
//   :params {author_a: 'Jiayu Liu', author_b: 'Chentao Shen'}
MATCH (a:Author)
WHERE a.key = toLower($author_a) OR toLower(a.name) = toLower($author_a)
MATCH (b:Author)
WHERE b.key = toLower($author_b) OR toLower(b.name) = toLower($author_b)
MATCH path = shortestPath((a)-[:CO_AUTHORED*..8]-(b))
WHERE a <> b
RETURN [n IN nodes(path) | n.name] AS chain, length(path) AS hops, path
ORDER BY hops
LIMIT 1
