// SARIF 2.1.0, for code-scanning services: one run, the rules that fired, one result per finding.
import type { CheckResult, Severity } from '../diagnostic.ts';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifOptions {
  toolVersion: string;
  /** Rule id → one-line description, for the driver's rule list. */
  ruleDescriptions: Readonly<Record<string, string>>;
}

export function formatSarif(result: CheckResult, options: SarifOptions): string {
  const ruleIds = [...new Set(result.diagnostics.map((d) => d.ruleId))].sort();
  const log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'review',
            version: options.toolVersion,
            rules: ruleIds.map((id) => ({
              id,
              shortDescription: { text: options.ruleDescriptions[id] ?? id },
              helpUri: `docs/rules/${id}.md`,
            })),
          },
        },
        results: result.diagnostics.map((d) => ({
          ruleId: d.ruleId,
          ruleIndex: ruleIds.indexOf(d.ruleId),
          level: LEVEL[d.severity],
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: d.file },
                region: {
                  startLine: d.line,
                  startColumn: d.column,
                  ...(d.endLine !== undefined ? { endLine: d.endLine } : {}),
                  ...(d.endColumn !== undefined ? { endColumn: d.endColumn } : {}),
                },
              },
            },
          ],
        })),
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
