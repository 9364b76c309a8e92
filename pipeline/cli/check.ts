// `review check`: validates the records (and the templates' citations) and prints the report.
import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkRecords } from '../run.ts';
import { formatReport } from '../report/index.ts';
import { formatStepSummary } from '../report/github.ts';
import { registry } from '../checks/registry.ts';
import type { CheckResult } from '../diagnostic.ts';
import type { CliOptions } from './args.ts';
import { readRecordsFolder, readTemplatesFolder, recordsSize } from './files.ts';
import { createProgress } from './progress.ts';
import { templateChecks, treeCache } from '../template-checks.ts';
import { readReviewJson } from './review-json.ts';
import type { CliIO } from './io.ts';

export function runCheckCommand(options: CliOptions, io: CliIO): number {
  const recordsDir = resolve(io.cwd, options.records);
  const templatesDir = resolve(io.cwd, options.templates);
  const templates = readTemplatesFolder(templatesDir, io.cwd);
  const checks = templateChecks(templates, treeCache(), templates.length > 0 ? readReviewJson(templatesDir, io.cwd).claimWords : {});
  const progress = createProgress(io, 'checking', recordsSize(recordsDir), options.quiet);
  const input = readRecordsFolder(recordsDir, io.cwd, (count) => progress.bytes(count));
  const { result } = checkRecords(input, { keepOutcomes: false, ...checks, onRow: () => progress.row() });
  progress.done();
  writeReport(result, options, io);
  return exitCodeFor(result, options.maxWarnings);
}

/** Prints the report to stdout and, on GitHub Actions, appends the step summary. */
export function writeReport(result: CheckResult, options: CliOptions, io: CliIO): void {
  const ruleDescriptions = Object.fromEntries(Object.entries(registry).map(([id, rule]) => [id, rule.meta.description]));
  io.stdout(formatReport(options.format, result, { color: io.color, toolVersion: io.version, ruleDescriptions }));
  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (options.format === 'github' && summaryFile) appendFileSync(summaryFile, formatStepSummary(result));
}

/** 1 when there are errors or more warnings than allowed; 0 otherwise. */
export function exitCodeFor(result: CheckResult, maxWarnings: number | undefined): number {
  if (result.summary.errors > 0) return 1;
  if (maxWarnings !== undefined && result.summary.warnings > maxWarnings) return 1;
  return 0;
}
