// Load AUTHORED relationships (Author -> Paper). $rows: [{start, end, props}]; both end nodes are loaded first.
// (WHERE, not a {key: ...} map: same index seek, and the Cypher linter reads row.start right.)
// Properties come from the first load that writes the relationship (kg.merge: first non-empty value wins).
// RETURN count: the loader checks it equals the number of rows (no relationship silently lost).
UNWIND $rows AS row
MATCH (a:Author) WHERE a.key = row.start
MATCH (b:Paper) WHERE b.arxiv_id = row.end
MERGE (a)-[r:AUTHORED]->(b)
ON CREATE SET r += row.props
RETURN count(*) AS written
