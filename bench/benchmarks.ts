// The benchmarks: what each one runs, against which baseline, how often, and the targets their ratios are held to.
import { join } from 'node:path';
import type { ChildReport, Command, Sample } from './lib/measure.ts';
import type { Range } from './lib/stats.ts';
import { sizeLabel } from './generate.ts';

export type Group = 'startup' | 'check' | 'pdf' | 'html' | 'build' | 'analyse';
export const GROUPS: readonly Group[] = ['startup', 'check', 'pdf', 'html', 'build', 'analyse'];

/** Paths a benchmark's commands need; all absolute. */
export interface Paths {
  root: string;
  node: string;
  /** An empty folder: `review check` then checks the records alone. */
  noTemplates: string;
  scratch: string;
}

export interface Contender {
  label: string;
  command: Command;
}

export interface BenchmarkSpec {
  id: string;
  group: Group;
  title: string;
  runs: number;
  /** One untimed run first (tsx's transpile cache, the page cache); left out where a run takes minutes. */
  warmup: boolean;
  subject: Contender;
  baseline?: Contender;
  /** Compare in-process times (render only) rather than whole-process wall times. */
  compareInner: boolean;
  /** Why there is no baseline (pandoc missing …). */
  note?: string;
}

export interface ContenderResult {
  label: string;
  command: string;
  samples: Sample[];
  wall?: Range;
  /** Median peak RSS in KiB. */
  maxRssKb?: number;
  /** The child's own timing of the measured call, when it reports one. */
  inner?: Range;
  /** What the first run reported: the child's numbers, or the check's record counts. */
  details?: ChildReport;
  error?: string;
}

export interface BenchmarkResult {
  id: string;
  group: Group;
  title: string;
  runs: number;
  subject: ContenderResult;
  baseline?: ContenderResult;
  /** subject / baseline, on medians of wall time (or of inner time when compareInner). */
  ratio?: number;
  ratioBasis?: 'wall' | 'inner';
  note?: string;
}

const tsChild = (paths: Paths, script: string, args: string[]): string[] => [paths.node, '--import', 'tsx', join(paths.root, 'bench/cases', script), ...args];
const review = (paths: Paths, args: string[]): string[] => [paths.node, join(paths.root, 'bin/review.js'), ...args];

export function startupBenchmark(paths: Paths, runs: number): BenchmarkSpec {
  return {
    id: 'startup',
    group: 'startup',
    title: 'start-up: review --version',
    runs,
    warmup: true,
    compareInner: false,
    subject: { label: 'node bin/review.js --version', command: { argv: review(paths, ['--version']), cwd: paths.root } },
    baseline: { label: 'node -e 0', command: { argv: [paths.node, '-e', '0'], cwd: paths.root } },
  };
}

export function checkBenchmark(paths: Paths, recordsDir: string, rows: number, runs: number, warmup: boolean): BenchmarkSpec {
  const label = sizeLabel(rows);
  return {
    id: `check-${label}`,
    group: 'check',
    title: `review check, ${label} outcome rows`,
    runs,
    warmup,
    compareInner: false,
    subject: {
      label: 'review check --format json',
      command: {
        argv: review(paths, ['check', '--records', recordsDir, '--templates', paths.noTemplates, '--format', 'json']),
        cwd: paths.root,
        // The generated records hold deliberate errors: exit 1 is the expected outcome.
        okExitCodes: [0, 1],
        stdoutFile: join(paths.scratch, `check-${label}.json`),
      },
    },
    baseline: { label: 'csv-parse (stream, count)', command: { argv: [paths.node, join(paths.root, 'bench/cases/csv-parse-count.mjs'), recordsDir], cwd: paths.root } },
  };
}

export function pdfBenchmark(paths: Paths, tableFile: string, rows: number, runs: number, warmup: boolean): BenchmarkSpec {
  return {
    id: `pdf-${sizeLabel(rows)}`,
    group: 'pdf',
    title: `evidence-table PDF, ${rows} rows`,
    runs,
    warmup,
    compareInner: true,
    subject: { label: 'renderPdf (project)', command: { argv: tsChild(paths, 'evidence-pdf.ts', ['--table', tableFile]), cwd: paths.root } },
    baseline: { label: 'PDFKit doc.table()', command: { argv: tsChild(paths, 'pdfkit-table.ts', ['--table', tableFile]), cwd: paths.root } },
  };
}

export function htmlBenchmark(paths: Paths, recordsDir: string, rows: number, runs: number): BenchmarkSpec {
  return {
    id: `html-${sizeLabel(rows)}`,
    group: 'html',
    title: `evidence-table HTML, ${rows} rows`,
    runs,
    // Each run reads and checks the whole table data set first: a warm-up would double a long benchmark.
    warmup: false,
    compareInner: true,
    subject: { label: 'buildEvidenceTable + evidenceTableHtml', command: { argv: tsChild(paths, 'evidence-html.ts', ['--records', recordsDir, '--rows', String(rows)]), cwd: paths.root } },
  };
}

/** The shipped build (both documents, HTML and PDF) against pandoc --citeproc on the same review; `pandocDir` holds pandoc's input. */
export function buildBenchmark(paths: Paths, pandocDir: string | undefined, runs: number): BenchmarkSpec {
  const spec: BenchmarkSpec = {
    id: 'build',
    group: 'build',
    title: 'review build (shipped review, HTML + PDF)',
    runs,
    warmup: true,
    compareInner: false,
    subject: {
      label: 'review build',
      command: { argv: review(paths, ['build', '--records', 'records', '--templates', 'templates', '--out', join(paths.scratch, 'build-out'), '--quiet']), cwd: paths.root },
    },
  };
  if (pandocDir === undefined) {
    spec.note = 'pandoc is not installed (command -v pandoc): no baseline, no ratio';
    return spec;
  }
  spec.baseline = {
    label: 'pandoc --citeproc → HTML',
    command: {
      argv: ['pandoc', 'review.md', '--citeproc', '--bibliography', 'references.json', '--standalone', '--output', join(paths.scratch, 'pandoc.html')],
      cwd: pandocDir,
    },
  };
  return spec;
}

/** Studies up to which metafor is the baseline: rma.uni works on k × k matrices (10,000 studies: 800 MB each, not done in 10 minutes here). */
export const METAFOR_MAX_STUDIES = 1000;

/**
 * `review analyse`'s analyses of `studies` made-up studies × 10 analyses, timed inside the process
 * after the check, against metafor fitting the same analyses (timed inside R) when Rscript and
 * metafor are installed and the data set is small enough for metafor.
 */
export function analyseBenchmark(paths: Paths, recordsDir: string, studies: number, runs: number, rscript: boolean): BenchmarkSpec {
  const spec: BenchmarkSpec = {
    id: `analyse-${sizeLabel(studies)}`,
    group: 'analyse',
    title: `review analyse, ${studies} studies × 10 analyses`,
    runs,
    warmup: true,
    compareInner: true,
    subject: { label: 'analyseRecords (project)', command: { argv: tsChild(paths, 'analyse.ts', ['--records', recordsDir]), cwd: paths.root } },
  };
  if (!rscript) spec.note = 'R with metafor is not installed (Rscript -e library(metafor)): no baseline, no ratio';
  else if (studies > METAFOR_MAX_STUDIES) spec.note = `no metafor baseline above ${METAFOR_MAX_STUDIES} studies: rma.uni builds k × k matrices`;
  else spec.baseline = { label: 'metafor (R), the same fits', command: { argv: ['Rscript', join(paths.root, 'bench/cases/analyse-metafor.R'), recordsDir], cwd: paths.root } };
  return spec;
}
