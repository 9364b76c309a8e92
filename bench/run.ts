// Runs the benchmarks in fresh child processes and reports medians, peak memory and ratios to baselines measured in the same run.
// Usage: npm run bench [-- --quick] [-- --only check,pdf]
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  buildBenchmark,
  checkBenchmark,
  GROUPS,
  htmlBenchmark,
  analyseBenchmark,
  METAFOR_MAX_STUDIES,
  pdfBenchmark,
  startupBenchmark,
  type BenchmarkResult,
  type BenchmarkSpec,
  type Contender,
  type ContenderResult,
  type Group,
  type Paths,
} from './benchmarks.ts';
import { DATA_DIR, ensureDataset, sizeLabel, type DatasetManifest } from './generate.ts';
import { ANALYSE_STUDIES, ensureAnalyseData } from './analyse-data.ts';
import { cliMode, describeMachine, loadAverage, pandocVersion } from './lib/machine.ts';
import { measure, RunFailure, type ChildReport, type Sample } from './lib/measure.ts';
import { formatSeconds, median, range } from './lib/stats.ts';
import { resultsMarkdown, writeResults, type BenchResults } from './report.ts';
import { evaluateTargets } from './targets.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** The table data set holds this many outcome rows per table row wanted: ~20 a study on average, with a margin. */
const OUTCOME_ROWS_PER_TABLE_ROW = 25;
const RUN_TIMEOUT_MS = 30 * 60 * 1000;

export interface BenchOptions {
  mode: BenchResults['mode'];
  groups: readonly Group[];
  /** Outcome rows of the `review check` data sets. */
  checkSizes: readonly number[];
  /** Table rows of the PDF benchmarks. */
  pdfRows: readonly number[];
  /** Table rows of the HTML benchmark. */
  htmlRows: number;
  /** Runs of a benchmark whose run takes seconds, and of one whose run takes minutes. */
  runs: { small: number; large: number };
  /** Whether to run each command once untimed first (tsx's transpile cache, the page cache). */
  warmup: boolean;
  dataDir: string;
  /** Where results go; nothing is written when absent (the test run). */
  output?: { json: string; readme: string };
  log(line: string): void;
}

export function fullOptions(): BenchOptions {
  return {
    mode: 'full',
    groups: GROUPS,
    checkSizes: [10_000, 100_000, 1_000_000],
    pdfRows: [2_000, 10_000],
    htmlRows: 10_000,
    runs: { small: 5, large: 3 },
    warmup: true,
    dataDir: DATA_DIR,
    output: { json: join(ROOT, 'bench/results.json'), readme: join(ROOT, 'bench/README.md') },
    log: (line) => process.stderr.write(`${line}\n`),
  };
}

/** Fewer runs, no 1M check and no 10k-row PDF: a few minutes instead of half an hour. */
export function quickOptions(): BenchOptions {
  return { ...fullOptions(), mode: 'quick', checkSizes: [10_000, 100_000], pdfRows: [2_000], runs: { small: 2, large: 1 } };
}

export async function runBench(options: BenchOptions): Promise<BenchResults> {
  const machine = { ...describeMachine(), cli: cliMode(ROOT) };
  const startedAt = new Date().toISOString();
  const scratch = mkdtempSync(join(tmpdir(), 'review-bench-'));
  try {
    const paths: Paths = { root: ROOT, node: process.execPath, noTemplates: join(scratch, 'no-templates'), scratch };
    mkdirSync(paths.noTemplates);
    const datasets: Record<string, DatasetManifest> = {};
    const benchmarks: BenchmarkResult[] = [];
    for (const spec of await planBenchmarks(options, paths, datasets)) benchmarks.push(await runBenchmark(spec, scratch, options));
    machine.loadAtEnd = loadAverage();
    const results: BenchResults = { startedAt, mode: options.mode, machine, datasets, benchmarks, targets: evaluateTargets(benchmarks) };
    if (options.output) writeResults(options.output.json, options.output.readme, results);
    return results;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The benchmarks of the chosen groups, with their data generated (or taken from the cache) and their inputs prepared. */
async function planBenchmarks(options: BenchOptions, paths: Paths, datasets: Record<string, DatasetManifest>): Promise<BenchmarkSpec[]> {
  const specs: BenchmarkSpec[] = [];
  const wants = (group: Group): boolean => options.groups.includes(group);
  const largest = Math.max(...options.checkSizes);
  if (wants('startup')) specs.push(startupBenchmark(paths, options.runs.small));
  if (wants('check')) {
    for (const rows of options.checkSizes) {
      const { dir } = await dataset(rows, options, datasets);
      const large = rows === largest && rows >= 1_000_000;
      specs.push(checkBenchmark(paths, dir, rows, large ? options.runs.large : options.runs.small, options.warmup && !large));
    }
  }
  if (wants('pdf') || wants('html')) specs.push(...(await tableBenchmarks(options, paths, datasets)));
  if (wants('build')) specs.push(buildBenchmark(paths, preparePandocInput(paths), options.runs.small));
  if (wants('analyse')) {
    const metafor = hasMetafor();
    for (const studies of [METAFOR_MAX_STUDIES, ANALYSE_STUDIES]) {
      options.log(`data: ${studies} studies × 10 analyses …`);
      // metafor takes about a minute on the small set: a few runs say enough.
      specs.push(analyseBenchmark(paths, ensureAnalyseData(options.dataDir, studies), studies, studies === ANALYSE_STUDIES ? options.runs.small : options.runs.large, metafor));
    }
  }
  return specs;
}

async function dataset(rows: number, options: BenchOptions, datasets: Record<string, DatasetManifest>): Promise<{ dir: string; manifest: DatasetManifest }> {
  options.log(`data: ${sizeLabel(rows)} outcome rows …`);
  const found = await ensureDataset(rows, options.dataDir);
  datasets[sizeLabel(rows)] = found.manifest;
  return found;
}

async function tableBenchmarks(options: BenchOptions, paths: Paths, datasets: Record<string, DatasetManifest>): Promise<BenchmarkSpec[]> {
  const pdfRows = options.groups.includes('pdf') ? options.pdfRows : [];
  const htmlRows = options.groups.includes('html') ? [options.htmlRows] : [];
  const mostRows = Math.max(...pdfRows, ...htmlRows);
  const { dir, manifest } = await dataset(mostRows * OUTCOME_ROWS_PER_TABLE_ROW, options, datasets);
  const specs: BenchmarkSpec[] = [];
  if (pdfRows.length > 0) {
    const tables = prepareTables(dir, manifest, pdfRows, options);
    for (const rows of pdfRows) {
      const large = rows >= 10_000;
      specs.push(pdfBenchmark(paths, join(tables, `evidence-${rows}.json`), rows, large ? options.runs.large : options.runs.small, options.warmup && !large));
    }
  }
  for (const rows of htmlRows) specs.push(htmlBenchmark(paths, dir, rows, options.runs.large));
  return specs;
}

/**
 * The evidence tables the PDF benchmarks render, built by the project's renderer from the generated
 * studies. Cached beside the data, keyed by the data and by every source file under pipeline/, so a
 * change to the renderer rebuilds them.
 */
function prepareTables(recordsDir: string, manifest: DatasetManifest, rows: readonly number[], options: BenchOptions): string {
  const key = createHash('sha256').update(manifest.fingerprint).update(pipelineFingerprint()).digest('hex').slice(0, 16);
  const dir = join(options.dataDir, `tables-${key}`);
  if (rows.every((n) => existsSync(join(dir, `evidence-${n}.json`)))) return dir;
  options.log(`data: evidence tables of ${rows.join(', ')} rows …`);
  runPreparation(['table-data.ts', '--records', recordsDir, '--rows', rows.join(','), '--out', dir]);
  return dir;
}

function pipelineFingerprint(): string {
  const hash = createHash('sha256');
  const files = readdirSync(join(ROOT, 'pipeline'), { recursive: true, encoding: 'utf8' }).sort();
  for (const file of files) {
    const path = join(ROOT, 'pipeline', file);
    if (file.endsWith('.ts') || file.endsWith('.css')) hash.update(file).update(readFileSync(path));
  }
  return hash.digest('hex');
}

/** pandoc's input (the shipped review as Markdown + CSL-JSON) in the scratch folder, or undefined when pandoc is missing. */
/** Whether R and metafor can run the analyse benchmark's baseline. */
function hasMetafor(): boolean {
  try {
    execFileSync('Rscript', ['-e', 'suppressMessages(library(metafor))'], { stdio: 'ignore', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

function preparePandocInput(paths: Paths): string | undefined {
  if (pandocVersion() === undefined) return undefined;
  const dir = join(paths.scratch, 'pandoc');
  runPreparation(['pandoc-input.ts', '--out', dir]);
  return dir;
}

/** Runs a preparation child (not timed); its stderr becomes the error message when it fails. */
function runPreparation([script, ...args]: readonly string[]): void {
  try {
    execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench/cases', script as string), ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`${script} failed${stderr ? `: ${stderr}` : ''}`);
  }
}

/**
 * Runs subject and baseline alternately (A B, then B A …), so that a change in the machine's load
 * during the benchmark falls on both and the ratio stays fair on a shared machine.
 */
async function runBenchmark(spec: BenchmarkSpec, scratch: string, options: BenchOptions): Promise<BenchmarkResult> {
  const pairs: [Contender, ContenderResult][] = [spec.subject, ...(spec.baseline ? [spec.baseline] : [])].map((c) => [c, newResult(c)]);
  const runDir = join(scratch, spec.id);
  mkdirSync(runDir, { recursive: true });
  if (spec.warmup) for (const [contender, result] of pairs) await attempt(contender, result, runDir);
  for (let run = 0; run < spec.runs; run++) {
    const order = run % 2 === 0 ? pairs : [...pairs].reverse();
    for (const [contender, result] of order) {
      const sample = await attempt(contender, result, runDir);
      if (sample) result.samples.push(sample);
    }
    options.log(`${spec.id}: run ${run + 1}/${spec.runs} ${pairs.map(([, r]) => `${r.label} ${lastTime(r)}`).join(', ')}`);
  }
  return summarise(spec, pairs.map(([, result]) => result));
}

function newResult(contender: Contender): ContenderResult {
  return { label: contender.label, command: contender.command.argv.join(' '), samples: [] };
}

/** One measured run; a failure is kept on the result and stops further runs of that command. */
async function attempt(contender: Contender, result: ContenderResult, runDir: string): Promise<Sample | undefined> {
  if (result.error !== undefined) return undefined;
  try {
    const sample = await measure(contender.command, runDir, RUN_TIMEOUT_MS);
    result.details ??= sample.report ?? checkSummary(contender.command.stdoutFile);
    return sample;
  } catch (error) {
    if (!(error instanceof RunFailure)) throw error;
    result.error = error.message;
    return undefined;
  }
}

/** The counts of `review check --format json`'s summary, which show the data was read as intended. */
function checkSummary(stdoutFile: string | undefined): ChildReport | undefined {
  if (stdoutFile === undefined || !existsSync(stdoutFile)) return undefined;
  const { summary } = JSON.parse(readFileSync(stdoutFile, 'utf8')) as { summary: { errors: number; warnings: number; records: { read: number; accepted: number; rejected: number } } };
  return { ...summary.records, errors: summary.errors, warnings: summary.warnings };
}

function lastTime(result: ContenderResult): string {
  if (result.error !== undefined) return 'failed';
  const sample = result.samples[result.samples.length - 1];
  if (sample === undefined) return '–';
  const inner = sample.report?.innerMs;
  return typeof inner === 'number' ? `${formatSeconds(sample.wallMs)} (inner ${formatSeconds(inner)})` : formatSeconds(sample.wallMs);
}

function summarise(spec: BenchmarkSpec, [subject, baseline]: ContenderResult[]): BenchmarkResult {
  for (const result of [subject, baseline]) if (result) addStatistics(result);
  const result: BenchmarkResult = { id: spec.id, group: spec.group, title: spec.title, runs: spec.runs, subject: subject as ContenderResult };
  if (baseline) result.baseline = baseline;
  if (spec.note) result.note = spec.note;
  const basis = spec.compareInner ? 'inner' : 'wall';
  const top = subject?.[basis]?.median;
  const bottom = baseline?.[basis]?.median;
  if (top !== undefined && bottom !== undefined && bottom > 0 && subject?.error === undefined && baseline?.error === undefined) {
    result.ratio = top / bottom;
    result.ratioBasis = basis;
  }
  return result;
}

function addStatistics(result: ContenderResult): void {
  const { samples } = result;
  if (samples.length === 0) return;
  result.wall = range(samples.map((s) => s.wallMs));
  const memory = samples.flatMap((s) => (s.maxRssKb === undefined ? [] : [s.maxRssKb]));
  if (memory.length > 0) result.maxRssKb = median(memory);
  const inner = samples.flatMap((s) => (typeof s.report?.innerMs === 'number' ? [s.report.innerMs] : []));
  if (inner.length === samples.length) result.inner = range(inner);
}

function optionsFromArgs(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({ args: [...argv], options: { quick: { type: 'boolean' }, only: { type: 'string' } } });
  const options = values.quick ? quickOptions() : fullOptions();
  if (values.only === undefined) return options;
  const groups = values.only.split(',').map((group) => group.trim());
  const unknown = groups.filter((group) => !GROUPS.includes(group as Group));
  if (unknown.length > 0) throw new Error(`unknown benchmark group ${unknown.join(', ')}; the groups are ${GROUPS.join(', ')}`);
  return { ...options, mode: 'custom', groups: groups as Group[] };
}

async function main(): Promise<void> {
  const results = await runBench(optionsFromArgs(process.argv.slice(2)));
  process.stdout.write(`${resultsMarkdown(results)}\n`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  });
}
