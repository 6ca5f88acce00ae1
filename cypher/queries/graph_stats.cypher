// Graph size: the number of nodes per label and relationships per type (arxiv-kg's labels and types).
// Each count is one lookup in Neo4j's count store (no scan), so it is instant on any size of graph.
// Parameters: none
// Example:
//   :params {}
MATCH (n:Author) RETURN 'node' AS kind, 'Author' AS name, count(n) AS count
UNION ALL
MATCH (n:Category) RETURN 'node' AS kind, 'Category' AS name, count(n) AS count
UNION ALL
MATCH (n:Dataset) RETURN 'node' AS kind, 'Dataset' AS name, count(n) AS count
UNION ALL
MATCH (n:Digest) RETURN 'node' AS kind, 'Digest' AS name, count(n) AS count
UNION ALL
MATCH (n:Method) RETURN 'node' AS kind, 'Method' AS name, count(n) AS count
UNION ALL
MATCH (n:Paper) RETURN 'node' AS kind, 'Paper' AS name, count(n) AS count
UNION ALL
MATCH (n:Repository) RETURN 'node' AS kind, 'Repository' AS name, count(n) AS count
UNION ALL
MATCH ()-[r:AUTHORED]->() RETURN 'relationship' AS kind, 'AUTHORED' AS name, count(r) AS count
UNION ALL
MATCH ()-[r:CO_AUTHORED]->() RETURN 'relationship' AS kind, 'CO_AUTHORED' AS name, count(r) AS count
UNION ALL
MATCH ()-[r:CO_OCCURS]->() RETURN 'relationship' AS kind, 'CO_OCCURS' AS name, count(r) AS count
UNION ALL
MATCH ()-[r:HAS_CODE]->() RETURN 'relationship' AS kind, 'HAS_CODE' AS name, count(r) AS count
UNION ALL
MATCH ()-[r:IN_CATEGORY]->() RETURN 'relationship' AS kind, 'IN_CATEGORY' AS name, count(r) AS count
UNION ALL
MATCH ()-[r:LISTED_IN]->() RETURN 'relationship' AS kind, 'LISTED_IN' AS name, count(r) AS count
UNION ALL
MATCH ()-[r:MENTIONS]->() RETURN 'relationship' AS kind, 'MENTIONS' AS name, count(r) AS count
UNION ALL
MATCH ()-[r:PROPOSES]->() RETURN 'relationship' AS kind, 'PROPOSES' AS name, count(r) AS count
UNION ALL
MATCH ()-[r:USES_DATASET]->() RETURN 'relationship' AS kind, 'USES_DATASET' AS name, count(r) AS count
