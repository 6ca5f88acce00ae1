// Load Paper nodes. $rows: [{key, props, first_seen?, last_seen?, date_precision}].
// first_seen/last_seen merge with what is stored (min/max), so loading day N+1 after day N
// gives the dates of loading both at once. Day-precision dates win over month-precision
// ones (as in kg.merge): "month" is kept only while no load had a day.
UNWIND $rows AS row
MERGE (p:Paper {arxiv_id: row.key})
WITH p, row, p.first_seen AS old_first, p.last_seen AS old_last, p.date_precision AS old_precision
WITH p, row, old_first, old_last, old_precision,
     old_first IS NULL OR (row.first_seen IS NOT NULL AND old_precision = 'month' AND row.date_precision = 'day') AS take_new,
     row.first_seen IS NULL OR (old_precision = 'day' AND row.date_precision = 'month') AS keep_old
SET p += row.props,
    p.date_precision = CASE WHEN take_new OR NOT keep_old THEN row.date_precision ELSE old_precision END,
    p.first_seen = CASE
      WHEN take_new THEN row.first_seen
      WHEN keep_old THEN old_first
      WHEN row.first_seen < old_first THEN row.first_seen
      ELSE old_first END,
    p.last_seen = CASE
      WHEN take_new THEN row.last_seen
      WHEN keep_old THEN old_last
      WHEN row.last_seen > old_last THEN row.last_seen
      ELSE old_last END
RETURN count(*) AS written
