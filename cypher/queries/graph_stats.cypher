// Graph size: the number of nodes per label and relationships per type.
// Parameters: none
// Example:
//   :params {}
MATCH (n)
RETURN 'node' AS kind, labels(n)[0] AS name, count(*) AS count
ORDER BY name
UNION ALL
MATCH ()-[r]->()
RETURN 'relationship' AS kind, type(r) AS name, count(*) AS count
ORDER BY name
