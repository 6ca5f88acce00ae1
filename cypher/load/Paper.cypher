// Load Paper nodes. $rows: [{key, props, categories, first_seen?, last_seen?, date_precision}].
// Merged with what is stored so that loading day N+1 after day N gives the database of loading both
// at once (the rules of kg.merge, with "earlier" = loaded earlier):
// - a property keeps its first non-empty value (later loads only fill what is missing);
// - version: the highest seen; categories: the union, in order of appearance;
// - first_seen/last_seen: min/max; day-precision dates win over month-precision ones
//   ("month" is kept only while no load had a day).
UNWIND $rows AS row
MERGE (p:Paper {arxiv_id: row.key})
WITH p, row, p.first_seen AS old_first, p.last_seen AS old_last, p.date_precision AS old_precision,
     reduce(acc = coalesce(p.categories, []), c IN row.categories | CASE WHEN c IN acc THEN acc ELSE acc + c END) AS categories
WITH p, row, old_first, old_last, old_precision, categories,
     old_first IS NULL OR (row.first_seen IS NOT NULL AND old_precision = 'month' AND row.date_precision = 'day') AS take_new,
     row.first_seen IS NULL OR (old_precision = 'day' AND row.date_precision = 'month') AS keep_old
SET p.title = coalesce(p.title, row.props.title),
    p.abstract = coalesce(p.abstract, row.props.abstract),
    p.tldr = coalesce(p.tldr, row.props.tldr),
    p.summary_language = coalesce(p.summary_language, row.props.summary_language),
    p.url = coalesce(p.url, row.props.url),
    p.primary_category = coalesce(p.primary_category, row.props.primary_category),
    p.comment = coalesce(p.comment, row.props.comment),
    p.keywords = coalesce(p.keywords, row.props.keywords),
    p.translated_title = coalesce(p.translated_title, row.props.translated_title),
    p.doi = coalesce(p.doi, row.props.doi),
    p.version = CASE
      WHEN p.version IS NULL THEN row.props.version
      WHEN coalesce(toInteger(substring(row.props.version, 1)), 0) > coalesce(toInteger(substring(p.version, 1)), 0)
        THEN row.props.version
      ELSE p.version END,
    p.categories = CASE WHEN size(categories) = 0 THEN null ELSE categories END,
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
