// Rising methods: papers mentioning each method in the last $weeks weeks vs the $weeks weeks before,
// ranked by the smoothed ratio (recent + 1) / (before + 1). The window ends at $until, or at the
// latest first-seen date in the database when $until is null (a corpus is often not "today").
// Parameters:
//   $weeks (int, default 1): length of each window in weeks
//   $min_support (int, default 2): minimum papers in the recent window
//   $until (string, default null): last day of the recent window, 'YYYY-MM-DD'
//   $limit (int, default 25): rows to return
// Example:
//   :params {weeks: 1, min_support: 2, until: null, limit: 25}
MATCH (p:Paper)
WHERE p.first_seen IS NOT NULL
WITH CASE WHEN $until IS NULL THEN max(p.first_seen) ELSE date($until) END AS last_day
WITH last_day, last_day - duration({weeks: $weeks}) AS middle, last_day - duration({weeks: 2 * $weeks}) AS first_day
MATCH (p:Paper)-[:MENTIONS]->(m:Method)
WHERE p.first_seen > first_day AND p.first_seen <= last_day
WITH m, middle, last_day,
     count(DISTINCT CASE WHEN p.first_seen > middle THEN p END) AS recent,
     count(DISTINCT CASE WHEN p.first_seen <= middle THEN p END) AS before
WHERE recent >= $min_support
RETURN m.name AS method, recent, before, round((recent + 1.0) / (before + 1.0), 2) AS ratio,
       toString(middle + duration({days: 1})) AS recent_from, toString(last_day) AS recent_to
ORDER BY ratio DESC, recent DESC, method
LIMIT toInteger($limit)  // the Browser's :params sends numbers as floats (25.0), which LIMIT refuses
