// Load IN_CATEGORY relationships (Paper -> Category). $rows: [{start, end, props}]; both end nodes are loaded first.
// (WHERE, not a {key: ...} map: same index seek, and the Cypher linter reads row.start right.)
// Properties come from the first load that writes the relationship (kg.merge: first non-empty value wins).
// RETURN count: the loader checks it equals the number of rows (no relationship silently lost).
UNWIND $rows AS row
MATCH (a:Paper) WHERE a.arxiv_id = row.start
MATCH (b:Category) WHERE b.code = row.end
MERGE (a)-[r:IN_CATEGORY]->(b)
ON CREATE SET r += row.props
RETURN count(*) AS written
