// Load Method nodes. $rows: [{key, props, aliases, first_paper}]; first_paper is the smallest arXiv id among this
// load's papers mention it. As in the networkx graph (papers in id order), the name and group come from
// the paper with the smallest arXiv id: nodes load before MENTIONS, so the papers already linked to `m` here
// are those of earlier loads. Aliases are the sorted union of the stored and the new ones, without the name
// (loading day N+1 after day N gives the aliases of loading both); no aliases: no property.
UNWIND $rows AS row
MERGE (m:Method {key: row.key})
WITH m, row, reduce(least = null, id IN [(m)<-[:MENTIONS]-(p:Paper) | p.arxiv_id] |
       CASE WHEN least IS NULL OR id < least THEN id ELSE least END) AS stored_first
WITH m, row, m.name AS old_name, m.name IS NULL OR stored_first IS NULL OR row.first_paper < stored_first AS take_new
SET m.name = CASE WHEN take_new THEN row.props.name ELSE m.name END,
    m.group = CASE WHEN take_new THEN row.props.group ELSE m.group END
WITH m, row, old_name, COLLECT {
  // the name not kept (stored or this load's) stays a spelling of the method (as in the networkx graph: it is one of its papers' surfaces)
  UNWIND coalesce(m.aliases, []) + row.aliases + [x IN [old_name, row.props.name] WHERE x IS NOT NULL] AS alias
  WITH alias WHERE alias <> m.name
  RETURN DISTINCT alias ORDER BY alias
} AS aliases
SET m.aliases = CASE WHEN size(aliases) = 0 THEN null ELSE aliases END
RETURN count(*) AS written
