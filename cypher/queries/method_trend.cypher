// A method's trend: papers mentioning it per month (or week / day), by first-seen date.
// $method matches a method key, name or alias, case-insensitively.
// Parameters:
//   $method (string, default 'transformer'): the method
//   $period (string, default 'month'): 'month', 'week' or 'day'
// Example:
//   :params {method: 'transformer', period: 'month'}
MATCH (m:Method)
WHERE m.key = toLower($method) OR toLower(m.name) = toLower($method)
   OR toLower($method) IN [alias IN coalesce(m.aliases, []) | toLower(alias)]
MATCH (p:Paper)-[:MENTIONS]->(m)
WHERE p.first_seen IS NOT NULL
WITH m, date.truncate($period, p.first_seen) AS period_start, count(DISTINCT p) AS papers
RETURN m.name AS method, toString(period_start) AS period, papers
ORDER BY method, period
