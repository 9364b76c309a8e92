// The JSON report: exactly one document, shaped as the design brief fixes it (version 1).
import type { CheckResult } from '../diagnostic.ts';

export function formatJson(result: CheckResult): string {
  return JSON.stringify({ version: 1, diagnostics: result.diagnostics, summary: result.summary }, null, 2) + '\n';
}
