// Load Author nodes. $rows: [{key, props}]. The display name is the first one seen: set on creation only,
// so loading a later day does not rename an author.
UNWIND $rows AS row
MERGE (a:Author {key: row.key})
ON CREATE SET a += row.props
RETURN count(*) AS written
