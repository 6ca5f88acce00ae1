// Load Category nodes. $rows: [{key, props}] (kg.store.neo4j.graph_to_rows); MERGE on the key, then overwrite properties.
UNWIND $rows AS row
MERGE (c:Category {code: row.key})
SET c += row.props
RETURN count(*) AS written
