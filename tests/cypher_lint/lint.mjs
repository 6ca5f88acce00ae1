// Lint Cypher with Neo4j's own front end (@neo4j-cypher/language-support, lintCypherQuery).
//
// stdin:  {"schema": DbSchema, "queries": [{"name": str, "text": str, "parameters": {...}}]}
//         Each query is linted against the schema plus its own parameters. When the schema gives
//         no functions/procedures, the package's own catalogue of a Neo4j 5 server's built-ins
//         (testData.mockSchema) is used, so misspelt or unknown functions/procedures are errors.
// stdout: [{"name": str, "diagnostics": [{"severity": "error"|"warning"|"info"|"hint",
//                                          "message": str, "line": int, "character": int}]}]
// Used by tests/test_cypher_lint.py; run `npm ci` at the repository root first.
import { readFileSync } from 'node:fs';
import { lintCypherQuery, testData } from '@neo4j-cypher/language-support';

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

const input = JSON.parse(readFileSync(0, 'utf8'));
const base = {
  functions: testData.mockSchema.functions,
  procedures: testData.mockSchema.procedures,
  defaultLanguage: 'CYPHER 5',
  ...input.schema,
};

const results = input.queries.map(({ name, text, parameters }) => {
  const schema = { ...base, parameters: { ...(base.parameters ?? {}), ...(parameters ?? {}) } };
  const { diagnostics } = lintCypherQuery(text, schema, { consoleCommandsEnabled: false });
  return {
    name,
    diagnostics: diagnostics.map((d) => ({
      severity: SEVERITY[d.severity] ?? String(d.severity),
      message: d.message,
      line: d.range.start.line + 1,
      character: d.range.start.character + 1,
    })),
  };
});
process.stdout.write(JSON.stringify(results));
