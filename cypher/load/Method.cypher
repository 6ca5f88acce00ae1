// Load Method nodes. $rows: [{key, props, aliases}]. Aliases are the sorted union of the stored and the
// new ones (loading day N+1 after day N gives the aliases of loading both); no aliases: no property.
UNWIND $rows AS row
MERGE (m:Method {key: row.key})
SET m += row.props
WITH m, row, COLLECT {
  UNWIND coalesce(m.aliases, []) + row.aliases AS alias
  RETURN DISTINCT alias ORDER BY alias
} AS aliases
SET m.aliases = CASE WHEN size(aliases) = 0 THEN null ELSE aliases END
RETURN count(*) AS written
