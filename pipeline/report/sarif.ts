// SARIF 2.1.0, for code-scanning services: one run, the rules that fired, one result per finding.
import type { CheckResult, Severity } from '../diagnostic.ts';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifOptions {
  toolVersion: string;
  /** Rule id → one-line description, for the driver's rule list. */
  ruleDescriptions: Readonly<Record<string, string>>;
  /** Absolute base URL of the rule pages (ending in `/`): each rule's helpUri is `<docsUrl><id>.md`; without it, no helpUri (SARIF wants absolute ones). */
  docsUrl?: string | undefined;
  /** Set when findings were compared with a baseline: each result then says `new` or `unchanged`. */
  baselineRef?: string | undefined;
}

export function formatSarif(result: CheckResult, options: SarifOptions): string {
  const ruleIds = [...new Set(result.diagnostics.map((d) => d.ruleId))].sort();
  const { docsUrl } = options;
  const log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'review',
            version: options.toolVersion,
            ...(docsUrl ? { informationUri: docsUrl } : {}),
            rules: ruleIds.map((id) => ({
              id,
              shortDescription: { text: options.ruleDescriptions[id] ?? id },
              ...(docsUrl ? { helpUri: new URL(`${id}.md`, docsUrl).href } : {}),
            })),
          },
        },
        // Columns count UTF-16 code units (diagnostic.ts), SARIF's default made explicit.
        columnKind: 'utf16CodeUnits',
        results: result.diagnostics.map((d) => ({
          ruleId: d.ruleId,
          ruleIndex: ruleIds.indexOf(d.ruleId),
          level: LEVEL[d.severity],
          message: { text: d.message },
          ...(options.baselineRef !== undefined ? { baselineState: d.baseline ? 'unchanged' : 'new' } : {}),
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
