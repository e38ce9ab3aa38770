import { RULE_IDS, RULES } from '../../core';
import type { CheckedFile } from './types';

const LEVEL = { error: 'error', warning: 'warning', information: 'note' } as const;

/** SARIF 2.1.0, for code-scanning dashboards; columns are one-based UTF-16 units. */
export function formatSarif(files: readonly CheckedFile[], version: string): string {
  const results = [];
  for (const file of files) {
    for (const diagnostic of file.diagnostics) {
      const start = file.lines.position(diagnostic.range.start);
      const end = file.lines.position(diagnostic.range.end);
      results.push({
        ruleId: diagnostic.rule,
        ruleIndex: RULE_IDS.indexOf(diagnostic.rule),
        level: LEVEL[diagnostic.severity],
        message: { text: diagnostic.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: encodeURI(file.path), uriBaseId: '%SRCROOT%' },
            region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
          },
        }],
      });
    }
  }
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'findings',
          version,
          rules: RULE_IDS.map((id) => ({
            id,
            shortDescription: { text: RULES[id].description },
            defaultConfiguration: { level: LEVEL[RULES[id].severity] },
          })),
        },
      },
      columnKind: 'utf16CodeUnits',
      artifacts: files.map((file) => ({ location: { uri: encodeURI(file.path), uriBaseId: '%SRCROOT%' } })),
      results,
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
