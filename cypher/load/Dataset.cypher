// Load Dataset nodes. $rows: [{key, props, aliases, first_paper}]; first_paper is the smallest arXiv id among this
// load's papers use it. As in the networkx graph (papers in id order), the name comes from
// the paper with the smallest arXiv id: nodes load before USES_DATASET, so the papers already linked to `d` here
// are those of earlier loads. Aliases are the sorted union of the stored and the new ones, without the name
// (loading day N+1 after day N gives the aliases of loading both); no aliases: no property.
UNWIND $rows AS row
MERGE (d:Dataset {key: row.key})
WITH d, row, reduce(least = null, id IN [(d)<-[:USES_DATASET]-(p:Paper) | p.arxiv_id] |
       CASE WHEN least IS NULL OR id < least THEN id ELSE least END) AS stored_first
WITH d, row, d.name AS old_name, d.name IS NULL OR stored_first IS NULL OR row.first_paper < stored_first AS take_new
SET d.name = CASE WHEN take_new THEN row.props.name ELSE d.name END
WITH d, row, old_name, COLLECT {
  // the name not kept (stored or this load's) stays a spelling of the dataset (as in the networkx graph: it is one of its papers' surfaces)
  UNWIND coalesce(d.aliases, []) + row.aliases + [x IN [old_name, row.props.name] WHERE x IS NOT NULL] AS alias
  WITH alias WHERE alias <> d.name
  RETURN DISTINCT alias ORDER BY alias
} AS aliases
SET d.aliases = CASE WHEN size(aliases) = 0 THEN null ELSE aliases END
RETURN count(*) AS written
