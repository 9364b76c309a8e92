// `review check`: validates the records and the templates against them, and prints the report (new findings first with --baseline).
import { appendFileSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ReviewError } from '../errors.ts';
import { nearest } from '../normalise/nearest.ts';
import { checkRecords, type CheckRun, type RecordsInput } from '../run.ts';
import { formatReport } from '../report/index.ts';
import { formatStepSummary } from '../report/github.ts';
import { markBaseline } from '../report/baseline.ts';
import { registry } from '../checks/registry.ts';
import type { CheckResult } from '../diagnostic.ts';
import type { CliOptions } from './args.ts';
import { displayPath, readRecordsFolder, readTemplatesFolder, recordsSize, requireFolder, type TemplateFile } from './files.ts';
import { createProgress } from './progress.ts';
import { templateChecks, treeCache } from '../template-checks.ts';
import { findCalls, type TemplateTree } from '../render/handlebars.ts';
import { checkExpansion, type ExpandedTemplate } from '../render/expansion.ts';
import type { ClaimWordsAddition } from '../prose/claim-words.ts';
import { readReviewJson } from './review-json.ts';
import { loadConfig, type ReviewConfig } from './config.ts';
import { readBaselineReport, readRevision, type BaselineFinding } from './baseline.ts';
import type { CliIO } from './io.ts';

/** How one check of a project runs: its settings, whether rendering will follow (it keeps the rows), each template's tree. */
export interface ProjectCheckOptions {
  config: ReviewConfig;
  keepOutcomes: boolean;
  /** review.json's additions to the claim vocabularies. */
  claimWords: ClaimWordsAddition;
  treeOf?: (template: Pick<TemplateFile, 'path' | 'source'>) => TemplateTree;
  onRow?: () => void;
}

/** The one check of records and templates that `check`, `build` and a baseline all run, so they find the same things. */
export function checkProject(input: RecordsInput, templates: readonly TemplateFile[], options: ProjectCheckOptions): CheckRun {
  const treeOf = options.treeOf ?? treeCache();
  checkTemplateBounds(templates, treeOf);
  return checkRecords(input, {
    keepOutcomes: options.keepOutcomes,
    severities: options.config.severities,
    ...templateChecks(templates, treeOf, options.claimWords),
    ...(options.onRow ? { onRow: options.onRow } : {}),
  });
}

/**
 * What the render refuses before it runs, refused by the check too (so check and build agree): partials that cannot
 * be bounded, and `{{log}}`, which is no helper here (the markup is held to the model's elements by templateChecks).
 */
function checkTemplateBounds(templates: readonly TemplateFile[], treeOf: (template: Pick<TemplateFile, 'path' | 'source'>) => TemplateTree): void {
  const expanded: ExpandedTemplate[] = templates.map((t) => {
    const tree = treeOf(t);
    const log = findCalls(tree, true).find((call) => call.name === 'log');
    // Worded as the render words it: a call of an unknown helper, or a lookup of a name the context lacks (after the `{{`).
    if (log && log.argumentCount > 0) throw new ReviewError('TEMPLATE', `${t.path}:${log.line}:${log.column}: unknown helper 'log'`, { path: t.path });
    if (log) throw new ReviewError('TEMPLATE', `${t.path}:${log.line}:${log.column + 2}: "log" is not defined`, { path: t.path });
    // A partial is named by its file name without `.hbs`, as the render registers it (render/review.ts).
    return { path: t.path, name: basename(t.path, '.hbs'), chars: t.source.length, tree };
  });
  const main = expanded.find((t) => t.path.endsWith('/review.hbs') && !t.path.includes('/partials/'));
  if (main) checkExpansion(main, expanded.filter((t) => t !== main));
}

/** review.json's claim words, when the templates folder has templates (a records-only check reads none). */
export function projectClaimWords(options: CliOptions, io: CliIO, templates: readonly TemplateFile[]): ClaimWordsAddition {
  return templates.length > 0 ? readReviewJson(resolve(io.cwd, options.templates), io.cwd).claimWords : {};
}

/** The settings of this run: `--config FILE` or review.config.json, checked against the registered rules. */
export function projectConfig(options: CliOptions, io: CliIO): ReviewConfig {
  return loadConfig(options.config, io.cwd, Object.keys(registry));
}

/** The templates of `--templates` (which must exist when given), or of the default folder when it exists (else none: records only). */
export function projectTemplates(options: CliOptions, io: CliIO): TemplateFile[] {
  const dir = resolve(io.cwd, options.templates);
  if (options.given.has('templates')) requireGivenFolder(dir, 'templates', io.cwd);
  return readTemplatesFolder(dir, io.cwd);
}

/** A folder named on the command line must exist; when it does not, the nearest folder beside it is suggested. */
export function requireGivenFolder(dir: string, what: string, cwd: string): void {
  try {
    requireFolder(dir, what, cwd);
  } catch (error) {
    if (!(error instanceof ReviewError)) throw error;
    const near = nearest(basename(dir), foldersBeside(dir));
    throw near === undefined ? error : new ReviewError(error.code, `${error.message}; did you mean ${displayPath(join(dirname(dir), near), cwd)}?`, { path: dir });
  }
}

/** The names of the folders beside `dir` (the first thousand entries: a suggestion is not worth reading a huge folder). */
function foldersBeside(dir: string): string[] {
  try {
    return readdirSync(dirname(dir), { withFileTypes: true })
      .slice(0, 1000)
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
  } catch {
    return [];
  }
}

export async function runCheckCommand(options: CliOptions, io: CliIO): Promise<number> {
  const config = projectConfig(options, io);
  const recordsDir = resolve(io.cwd, options.records);
  requireGivenFolder(recordsDir, 'records', io.cwd);
  const templates = projectTemplates(options, io);
  // The baseline is read before the working tree's check, so a bad REF fails fast.
  const claimWords = projectClaimWords(options, io, templates);
  const baseline = options.baseline === undefined ? undefined : await baselineFindings(options.baseline, options, io, { config, keepOutcomes: false, claimWords });
  const progress = createProgress(io, 'checking', recordsSize(recordsDir), options.quiet);
  const input = readRecordsFolder(recordsDir, io.cwd, (count) => progress.bytes(count));
  const { result } = checkProject(input, templates, { config, keepOutcomes: false, claimWords, onRow: () => progress.row() });
  progress.done();
  writeReport(baseline === undefined ? result : markBaseline(result, baseline), options, io, config);
  return exitCodeFor(result, options.maxWarnings);
}

/** The findings of `--baseline REF`: a JSON report file, else the same check run on REF's records and templates in git. */
async function baselineFindings(ref: string, options: CliOptions, io: CliIO, settings: ProjectCheckOptions): Promise<BaselineFinding[]> {
  const path = resolve(io.cwd, ref);
  if (isFile(path)) return readBaselineReport(path, io.cwd);
  const sources = await readRevision(ref, resolve(io.cwd, options.records), resolve(io.cwd, options.templates), io.cwd, io.env);
  try {
    return checkProject(sources.input, sources.templates, settings).result.diagnostics;
  } catch (error) {
    // A base whose templates do not parse (the change may be the fix) is compared by its records alone.
    if (!(error instanceof ReviewError) || error.code !== 'TEMPLATE') throw error;
    return checkProject(sources.input, [], settings).result.diagnostics;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Prints the report to stdout and, on GitHub Actions, appends the step summary. */
export function writeReport(result: CheckResult, options: CliOptions, io: CliIO, config: ReviewConfig): void {
  const ruleDescriptions = Object.fromEntries(Object.entries(registry).map(([id, rule]) => [id, rule.meta.description]));
  const { baseline: baselineRef } = options;
  io.stdout(formatReport(options.format, result, { color: io.color, toolVersion: io.version, ruleDescriptions, docsUrl: config.docsUrl, baselineRef }));
  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (options.format === 'github' && summaryFile) appendFileSync(summaryFile, formatStepSummary(result, 200, { baselineRef }));
}

/** 1 when there are errors or more warnings than allowed; 0 otherwise. */
export function exitCodeFor(result: CheckResult, maxWarnings: number | undefined): number {
  if (result.summary.errors > 0) return 1;
  if (maxWarnings !== undefined && result.summary.warnings > maxWarnings) return 1;
  return 0;
}
