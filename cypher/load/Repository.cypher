// Load Repository nodes. $rows: [{key, props}] (kg.store.neo4j.graph_to_rows); MERGE on the key, then overwrite properties.
UNWIND $rows AS row
MERGE (r:Repository {url: row.key})
SET r += row.props
RETURN count(*) AS written
