// Category mix over time: papers per category per month / week / day (by first-seen date),
// counting only primary categories unless $primary_only is false.
// Parameters:
//   $period (string, default 'week'): 'month', 'week' or 'day'
//   $primary_only (boolean, default true): count a paper only under its primary category
// Example:
//   :params {period: 'week', primary_only: true}
MATCH (p:Paper)-[r:IN_CATEGORY]->(c:Category)
WHERE p.first_seen IS NOT NULL AND (r.primary OR NOT $primary_only)
WITH date.truncate($period, p.first_seen) AS period_start, c, count(DISTINCT p) AS papers
RETURN toString(period_start) AS period, c.code AS category, coalesce(c.name, '') AS name, papers
ORDER BY period, papers DESC, category
