// The report formats by name; each formatter is `(result) => string`.
import type { CheckResult } from '../diagnostic.ts';
import { formatGithub, type GithubOptions } from './github.ts';
import { formatJson } from './json.ts';
import { formatSarif, type SarifOptions } from './sarif.ts';
import { formatStylish } from './stylish.ts';

export const REPORT_FORMATS = ['stylish', 'json', 'github', 'sarif'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportOptions extends SarifOptions, GithubOptions {
  color: boolean;
}

export function formatReport(format: ReportFormat, result: CheckResult, options: ReportOptions): string {
  switch (format) {
    case 'json':
      return formatJson(result);
    case 'github':
      return formatGithub(result, options);
    case 'sarif':
      return formatSarif(result, options);
    case 'stylish':
      return formatStylish(result, { color: options.color, baselineRef: options.baselineRef });
  }
}
