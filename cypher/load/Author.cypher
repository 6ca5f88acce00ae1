// Load Author nodes. $rows: [{key, props, first_paper}]; first_paper is the smallest arXiv id among the
// author's papers in this load. The display name is the spelling on the author's paper with the
// smallest arXiv id, as in the networkx graph (papers in id order): authors load before AUTHORED,
// so the papers already linked to `a` here are those of earlier loads.
UNWIND $rows AS row
MERGE (a:Author {key: row.key})
WITH a, row, reduce(least = null, id IN [(a)-[:AUTHORED]->(p:Paper) | p.arxiv_id] |
       CASE WHEN least IS NULL OR id < least THEN id ELSE least END) AS stored_first
SET a.name = CASE WHEN a.name IS NULL OR stored_first IS NULL OR row.first_paper < stored_first
                  THEN row.props.name ELSE a.name END
RETURN count(*) AS written
