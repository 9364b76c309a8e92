// What the bench's TypeScript children share: reading their options and writing the report the runner reads ($BENCH_REPORT).
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { ChildReport } from '../lib/measure.ts';
import type { EvidenceTable } from '../../pipeline/render/evidence-table.ts';

/** The prepared evidence table a PDF child renders (written by table-data.ts). */
export interface TableFile {
  rows: number;
  table: EvidenceTable;
}

/** Named string options; a missing one is a usage error. */
export function options<const Names extends readonly string[]>(names: Names): Record<Names[number], string> {
  const { values } = parseArgs({ options: Object.fromEntries(names.map((name) => [name, { type: 'string' as const }])) });
  const result = {} as Record<Names[number], string>;
  for (const name of names as readonly Names[number][]) {
    const value = values[name];
    if (typeof value !== 'string') throw new Error(`missing --${name}`);
    result[name] = value;
  }
  return result;
}

export function readTableFile(path: string): TableFile {
  return JSON.parse(readFileSync(path, 'utf8')) as TableFile;
}

export function writeReport(report: ChildReport): void {
  const file = process.env.BENCH_REPORT;
  if (file) writeFileSync(file, JSON.stringify(report));
}

/** Runs the child's work and turns any failure into a message and exit code 2, without a stack trace unless asked. */
export function runChild(name: string, work: () => Promise<void>): void {
  work().catch((error: unknown) => {
    process.stderr.write(`${name}: ${error instanceof Error ? (process.env.BENCH_DEBUG ? error.stack : error.message) : String(error)}\n`);
    process.exitCode = 2;
  });
}

/** Pages in a PDFKit file: page objects are written uncompressed as `/Type /Page`, so counting them needs no parser. */
export function countPages(pdf: Uint8Array): number {
  return Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
}
