// Load Digest nodes. $rows: [{key, props}] (kg.store.neo4j.graph_to_rows); MERGE on the key, then overwrite properties.
UNWIND $rows AS row
MERGE (d:Digest {id: row.key})
SET d += row.props
RETURN count(*) AS written
