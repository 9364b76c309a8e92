// The performance targets, each checked against ratios and medians measured in the same run.
import type { BenchmarkResult } from './benchmarks.ts';
import { formatMegabytes, formatRatio, formatSeconds } from './lib/stats.ts';

export interface TargetResult {
  id: string;
  description: string;
  limit: string;
  /** The measured value as shown; undefined when the benchmark was not run or failed. */
  measured?: string;
  value?: number;
  pass?: boolean;
  note?: string;
}

type Check = (value: number) => boolean;

interface TargetDefinition {
  id: string;
  description: string;
  limit: string;
  passes: Check;
  /** The value from the results, or a reason it is missing. */
  measure(results: ReadonlyMap<string, BenchmarkResult>): { value: number; shown: string } | string;
}

const MB = 1024;
const PDF_ROWS = [2000, 10000];

function find(results: ReadonlyMap<string, BenchmarkResult>, id: string): BenchmarkResult | string {
  const result = results.get(id);
  if (result === undefined) return `${id} was not run`;
  const error = result.subject.error ?? result.baseline?.error;
  return error === undefined ? result : `${id} failed`;
}

function ratioOf(results: ReadonlyMap<string, BenchmarkResult>, id: string): { value: number; shown: string } | string {
  const result = find(results, id);
  if (typeof result === 'string') return result;
  if (result.ratio === undefined) return result.note ?? `${id} has no baseline`;
  return { value: result.ratio, shown: formatRatio(result.ratio) };
}

function memoryOf(results: ReadonlyMap<string, BenchmarkResult>, id: string): number | string {
  const result = find(results, id);
  if (typeof result === 'string') return result;
  return result.subject.maxRssKb ?? `${id}: peak memory not measured`;
}

function rowsPerSecond(results: ReadonlyMap<string, BenchmarkResult>, id: string, rows: number): { value: number; shown: string } | string {
  const result = find(results, id);
  if (typeof result === 'string') return result;
  const inner = result.subject.inner;
  if (inner === undefined) return `${id}: no in-process time`;
  const value = rows / (inner.median / 1000);
  return { value, shown: `${Math.round(value)} rows/s` };
}

const DEFINITIONS: readonly TargetDefinition[] = [
  {
    id: 'check-vs-csv-parse',
    description: 'review check (100k) vs csv-parse alone (100k), wall time',
    limit: '≤ 1.5×',
    passes: (ratio) => ratio <= 1.5,
    measure: (results) => ratioOf(results, 'check-100k'),
  },
  {
    id: 'check-memory-1m',
    description: 'review check (1M) peak memory',
    limit: '≤ 300 MB',
    passes: (kb) => kb <= 300 * MB,
    measure: (results) => {
      const kb = memoryOf(results, 'check-1m');
      return typeof kb === 'string' ? kb : { value: kb, shown: formatMegabytes(kb) };
    },
  },
  {
    id: 'check-memory-growth',
    description: 'review check peak memory, 1M / 100k',
    limit: '< 1.5×',
    passes: (ratio) => ratio < 1.5,
    measure: (results) => {
      const large = memoryOf(results, 'check-1m');
      const small = memoryOf(results, 'check-100k');
      if (typeof large === 'string') return large;
      if (typeof small === 'string') return small;
      return { value: large / small, shown: formatRatio(large / small) };
    },
  },
  ...PDF_ROWS.flatMap((rows): TargetDefinition[] => [
    {
      id: `pdf-${rows}-throughput`,
      description: `evidence-table PDF (${rows} rows), rows per second inside renderPdf`,
      limit: '≥ 3000 rows/s',
      passes: (value) => value >= 3000,
      measure: (results) => rowsPerSecond(results, `pdf-${rows / 1000}k`, rows),
    },
    {
      id: `pdf-${rows}-vs-doc-table`,
      description: `evidence-table PDF (${rows} rows) vs PDFKit doc.table(), render time`,
      limit: '≤ 0.55×',
      passes: (ratio) => ratio <= 0.55,
      measure: (results) => ratioOf(results, `pdf-${rows / 1000}k`),
    },
  ]),
  {
    id: 'html-10k',
    description: 'evidence-table HTML (10000 rows), render time inside the process',
    limit: '≤ 0.30 s',
    passes: (ms) => ms <= 300,
    measure: (results) => {
      const result = find(results, 'html-10k');
      if (typeof result === 'string') return result;
      const inner = result.subject.inner;
      return inner === undefined ? 'html-10k: no in-process time' : { value: inner.median, shown: formatSeconds(inner.median) };
    },
  },
  {
    id: 'analyse-10k',
    description: 'review analyse (10000 studies × 10 analyses), analyses inside the process after the check',
    limit: '≤ 1.00 s',
    passes: (ms) => ms <= 1000,
    measure: (results) => {
      const result = find(results, 'analyse-10k');
      if (typeof result === 'string') return result;
      const inner = result.subject.inner;
      return inner === undefined ? 'analyse-10k: no in-process time' : { value: inner.median, shown: formatSeconds(inner.median) };
    },
  },
  {
    id: 'analyse-1k-vs-metafor',
    description: 'review analyse (1000 studies × 10 analyses) vs metafor on the same fits, time inside each process',
    limit: '≤ 1×',
    passes: (ratio) => ratio <= 1,
    measure: (results) => ratioOf(results, 'analyse-1k'),
  },
  {
    id: 'build-vs-pandoc',
    description: 'review build (shipped review, HTML + PDF) vs pandoc --citeproc → HTML, wall time',
    limit: '≤ 4×',
    passes: (ratio) => ratio <= 4,
    measure: (results) => ratioOf(results, 'build'),
  },
];

export function evaluateTargets(results: readonly BenchmarkResult[]): TargetResult[] {
  const byId = new Map(results.map((result) => [result.id, result]));
  return DEFINITIONS.map((definition) => {
    const target: TargetResult = { id: definition.id, description: definition.description, limit: definition.limit };
    const measured = definition.measure(byId);
    if (typeof measured === 'string') {
      target.note = measured;
      return target;
    }
    target.value = measured.value;
    target.measured = measured.shown;
    target.pass = definition.passes(measured.value);
    return target;
  });
}
