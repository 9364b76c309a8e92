// Writes a run's results: bench/results.json (every run) and the Markdown tables between the markers in bench/README.md.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { BenchmarkResult, ContenderResult } from './benchmarks.ts';
import type { DatasetManifest } from './generate.ts';
import type { MachineInfo } from './lib/machine.ts';
import { formatMegabytes, formatRange, formatRatio, formatSeconds } from './lib/stats.ts';
import type { TargetResult } from './targets.ts';

export const RESULTS_START = '<!-- results:start -->';
export const RESULTS_END = '<!-- results:end -->';

export interface BenchResults {
  /** ISO time the run started. */
  startedAt: string;
  mode: 'full' | 'quick' | 'custom';
  machine: MachineInfo;
  datasets: Record<string, DatasetManifest>;
  benchmarks: BenchmarkResult[];
  targets: TargetResult[];
}

export function resultsMarkdown(results: BenchResults): string {
  return [machineLine(results), '', benchmarkTable(results.benchmarks), '', targetTable(results.targets), '', ...notes(results)].join('\n').trimEnd();
}

function machineLine({ machine, startedAt, mode }: BenchResults): string {
  const load = (values: number[] | undefined): string => (values === undefined ? '?' : values.join(' / '));
  return [
    `Run ${startedAt} (${mode}) on ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.os};`,
    `load average (1/5/15 min) ${load(machine.loadAtStart)} at start, ${load(machine.loadAtEnd)} at end; ${machine.pandoc ?? 'pandoc not installed'};`,
    `bin/review.js ran ${machine.cli === 'dist' ? 'the compiled dist/' : 'the TypeScript sources through tsx'}.`,
  ].join(' ');
}

function benchmarkTable(benchmarks: readonly BenchmarkResult[]): string {
  const header = '| Benchmark | Runs | Subject: median (min–max) | Peak RSS | Baseline | Baseline: median (min–max) | Baseline RSS | Ratio |';
  const rows = benchmarks.map((b) => {
    const basis = b.ratioBasis === 'inner' ? ' (in-process)' : '';
    return `| ${b.title} | ${b.runs} | ${contenderTime(b.subject, b.ratioBasis)} | ${formatMegabytes(b.subject.maxRssKb)} | ${b.baseline?.label ?? '–'} | ${b.baseline ? contenderTime(b.baseline, b.ratioBasis) : '–'} | ${formatMegabytes(b.baseline?.maxRssKb)} | ${formatRatio(b.ratio)}${b.ratio === undefined ? '' : basis} |`;
  });
  return [header, '|---|---|---|---|---|---|---|---|', ...rows].join('\n');
}

/** Wall time, and the in-process time beside it when the child measured one. */
function contenderTime(contender: ContenderResult, basis: BenchmarkResult['ratioBasis']): string {
  if (contender.error !== undefined) return 'failed';
  const wall = formatRange(contender.wall);
  if (contender.inner === undefined) return wall;
  const inner = `in-process ${formatRange(contender.inner)}`;
  return basis === 'inner' ? `${inner}; process ${formatSeconds(contender.wall?.median ?? Number.NaN)}` : `${wall}; ${inner}`;
}

function targetTable(targets: readonly TargetResult[]): string {
  const rows = targets.map((t) => `| ${t.description} | ${t.limit} | ${t.measured ?? '–'} | ${t.pass === undefined ? `not measured (${t.note ?? ''})` : t.pass ? 'PASS' : 'FAIL'} |`);
  return ['| Target | Limit | Measured | Result |', '|---|---|---|---|', ...rows].join('\n');
}

function notes(results: BenchResults): string[] {
  const lines: string[] = [];
  for (const [name, manifest] of Object.entries(results.datasets)) {
    const bad = Object.values(manifest.badRows).reduce((sum, count) => sum + count, 0);
    const megabytes = (manifest.bytes.references + manifest.bytes.studies + manifest.bytes.outcomes) / 2 ** 20;
    lines.push(`- Data ${name}: ${manifest.outcomeRows} outcome rows, ${manifest.studies} studies and references, ${bad} deliberately bad rows, ${megabytes.toFixed(1)} MiB.`);
  }
  for (const b of results.benchmarks) {
    const details = b.subject.details;
    if (b.group === 'check' && details !== undefined) {
      lines.push(`- ${b.title}: read ${details.read}, accepted ${details.accepted}, rejected ${details.rejected}; ${details.errors} errors, ${details.warnings} warnings.`);
    }
    if (b.group === 'pdf' && b.subject.details && b.baseline?.details) {
      lines.push(`- ${b.title}: project ${b.subject.details.pages} pages (${formatMegabytes(Number(b.subject.details.bytes) / 1024)}), doc.table() ${b.baseline.details.pages} pages (${formatMegabytes(Number(b.baseline.details.bytes) / 1024)}).`);
    }
    for (const contender of [b.subject, b.baseline]) if (contender?.error) lines.push(`- ${b.title}: ${contender.label} failed: ${contender.error.split('\n')[0]}`);
    if (b.note) lines.push(`- ${b.title}: ${b.note}.`);
  }
  return lines;
}

/** Replaces what lies between the markers (adding them at the end if missing) and leaves the rest of the README alone. */
export function updateReadme(path: string, markdown: string): void {
  const block = `${RESULTS_START}\n${markdown}\n${RESULTS_END}`;
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const start = text.indexOf(RESULTS_START);
  const end = text.indexOf(RESULTS_END);
  const updated = start >= 0 && end > start ? `${text.slice(0, start)}${block}${text.slice(end + RESULTS_END.length)}` : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(path, updated);
}

export function writeResults(jsonPath: string, readmePath: string, results: BenchResults): void {
  writeFileSync(jsonPath, JSON.stringify(results, null, 2) + '\n');
  updateReadme(readmePath, resultsMarkdown(results));
}
