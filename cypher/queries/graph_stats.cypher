// Graph size: the number of nodes per label and relationships per type (arxiv-kg's labels and types).
// Each count is one lookup in Neo4j's count store (no scan), so it is instant on any size of graph.
// Parameters: none
// Example:
//   :params {}
MATCH (n:Author) WITH count(n) AS count RETURN 'node' AS kind, 'Author' AS name, count
UNION ALL
MATCH (n:Category) WITH count(n) AS count RETURN 'node' AS kind, 'Category' AS name, count
UNION ALL
MATCH (n:Dataset) WITH count(n) AS count RETURN 'node' AS kind, 'Dataset' AS name, count
UNION ALL
MATCH (n:Digest) WITH count(n) AS count RETURN 'node' AS kind, 'Digest' AS name, count
UNION ALL
MATCH (n:Method) WITH count(n) AS count RETURN 'node' AS kind, 'Method' AS name, count
UNION ALL
MATCH (n:Paper) WITH count(n) AS count RETURN 'node' AS kind, 'Paper' AS name, count
UNION ALL
MATCH (n:Repository) WITH count(n) AS count RETURN 'node' AS kind, 'Repository' AS name, count
UNION ALL
MATCH ()-[r:AUTHORED]->() WITH count(r) AS count RETURN 'relationship' AS kind, 'AUTHORED' AS name, count
UNION ALL
MATCH ()-[r:CO_AUTHORED]->() WITH count(r) AS count RETURN 'relationship' AS kind, 'CO_AUTHORED' AS name, count
UNION ALL
MATCH ()-[r:CO_OCCURS]->() WITH count(r) AS count RETURN 'relationship' AS kind, 'CO_OCCURS' AS name, count
UNION ALL
MATCH ()-[r:HAS_CODE]->() WITH count(r) AS count RETURN 'relationship' AS kind, 'HAS_CODE' AS name, count
UNION ALL
MATCH ()-[r:IN_CATEGORY]->() WITH count(r) AS count RETURN 'relationship' AS kind, 'IN_CATEGORY' AS name, count
UNION ALL
MATCH ()-[r:LISTED_IN]->() WITH count(r) AS count RETURN 'relationship' AS kind, 'LISTED_IN' AS name, count
UNION ALL
MATCH ()-[r:MENTIONS]->() WITH count(r) AS count RETURN 'relationship' AS kind, 'MENTIONS' AS name, count
UNION ALL
MATCH ()-[r:PROPOSES]->() WITH count(r) AS count RETURN 'relationship' AS kind, 'PROPOSES' AS name, count
UNION ALL
MATCH ()-[r:USES_DATASET]->() WITH count(r) AS count RETURN 'relationship' AS kind, 'USES_DATASET' AS name, count
