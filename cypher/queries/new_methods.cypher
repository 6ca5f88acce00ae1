// Newly appearing methods: methods whose first mention falls in the last $days days (ending at $until,
// or at the latest first-seen date in the database when $until is null).
// Parameters:
//   $days (int, default 7): how far back "new" reaches
//   $min_support (int, default 1): minimum papers mentioning the method
//   $until (string, default null): last day considered, 'YYYY-MM-DD'
//   $limit (int, default 25): rows to return
// Example:
//   :params {days: 7, min_support: 1, until: null, limit: 25}
MATCH (p:Paper)
WHERE p.first_seen IS NOT NULL
WITH CASE WHEN $until IS NULL THEN max(p.first_seen) ELSE date($until) END AS last_day
MATCH (p:Paper)-[:MENTIONS]->(m:Method)
WHERE p.first_seen <= last_day
WITH m, last_day, min(p.first_seen) AS first_mention, count(DISTINCT p) AS papers
WHERE first_mention > last_day - duration({days: $days}) AND papers >= $min_support
RETURN m.name AS method, coalesce(m.group, '') AS group, toString(first_mention) AS first_mention, papers
ORDER BY papers DESC, first_mention DESC, method
LIMIT toInteger($limit)  // the Browser's :params sends numbers as floats (25.0), which LIMIT refuses
