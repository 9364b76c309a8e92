// Deterministic synthetic records (references, studies, outcomes) for benchmarks, streamed to disk and cached under bench/data/.
// Usage: node --import tsx bench/generate.ts --rows 100000 [--out DIR] [--seed N]
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CsvFileWriter, csvLine } from './lib/csv-writer.ts';
import { Random } from './lib/random.ts';
import { BAD_ROW_KINDS, BadRowPlanner, spoil, type BadRowKind } from './synthetic/bad-rows.ts';
import { OUTCOME_COLUMNS, outcomeCells, studyOutcomes } from './synthetic/outcomes.ts';
import { makeStudy, REFERENCE_COLUMNS, STUDY_COLUMNS } from './synthetic/studies.ts';

/** The generator's own source files: a cached data set is reused only while they are unchanged. */
const SOURCE_FILES = ['generate.ts', 'lib/random.ts', 'lib/csv-writer.ts', 'synthetic/pools.ts', 'synthetic/studies.ts', 'synthetic/outcomes.ts', 'synthetic/bad-rows.ts'];
export const DEFAULT_SEED = 20240601;
export const DATA_DIR = fileURLToPath(new URL('./data/', import.meta.url));

/** What was written, kept beside the files as manifest.json (the cache key and the runner's description of the data). */
export interface DatasetManifest {
  /** Hash of the generator's source: the cache key, with seed and rows. */
  fingerprint: string;
  seed: number;
  outcomeRows: number;
  studies: number;
  references: number;
  badRows: Record<BadRowKind, number>;
  bytes: { references: number; studies: number; outcomes: number };
}

interface Writers {
  references: CsvFileWriter;
  studies: CsvFileWriter;
  outcomes: CsvFileWriter;
}

/** Writes references.csv, studies.csv and outcomes.csv with exactly `outcomeRows` outcome rows into `dir`. */
export async function generateRecords(dir: string, outcomeRows: number, seed = DEFAULT_SEED): Promise<DatasetManifest> {
  mkdirSync(dir, { recursive: true });
  const writers: Writers = {
    references: await CsvFileWriter.open(join(dir, 'references.csv'), REFERENCE_COLUMNS),
    studies: await CsvFileWriter.open(join(dir, 'studies.csv'), STUDY_COLUMNS),
    outcomes: await CsvFileWriter.open(join(dir, 'outcomes.csv'), OUTCOME_COLUMNS),
  };
  const badRows = Object.fromEntries(BAD_ROW_KINDS.map((kind) => [kind, 0])) as Record<BadRowKind, number>;
  const random = new Random(seed);
  // A separate stream for mistakes: changing how they are placed leaves the rest of the data as it was.
  const mistakes = new Random(seed ^ 0x9e3779b9);
  const planner = new BadRowPlanner(mistakes);
  let written = 0;
  let studies = 0;
  while (written < outcomeRows) {
    const { plan, reference, study } = makeStudy(random, studies++);
    await writers.references.row(reference);
    await writers.studies.row(study);
    for (const row of studyOutcomes(random, plan, Math.min(random.int(10, 30), outcomeRows - written))) {
      const kind = planner.take(written, row);
      written++;
      if (kind === undefined) {
        await writers.outcomes.row(outcomeCells(row));
        continue;
      }
      badRows[kind]++;
      const spoiled = spoil(kind, row, mistakes, written);
      const cells = outcomeCells(spoiled.row);
      await writers.outcomes.line(csvLine(cells.slice(0, cells.length - spoiled.dropFields)));
    }
  }
  await Promise.all([writers.references.close(), writers.studies.close(), writers.outcomes.close()]);
  const size = (name: string): number => statSync(join(dir, name)).size;
  return {
    fingerprint: generatorFingerprint(),
    seed,
    outcomeRows,
    studies,
    references: studies,
    badRows,
    bytes: { references: size('references.csv'), studies: size('studies.csv'), outcomes: size('outcomes.csv') },
  };
}

/** A short hash of the generator's source, so editing the generator invalidates cached data without a version to bump. */
export function generatorFingerprint(): string {
  const hash = createHash('sha256');
  for (const file of SOURCE_FILES) hash.update(readFileSync(new URL(file, import.meta.url)));
  return hash.digest('hex').slice(0, 16);
}

/** "10k", "1m": how data folders and benchmark names show a row count. */
export function sizeLabel(rows: number): string {
  if (rows >= 1_000_000 && rows % 1_000_000 === 0) return `${rows / 1_000_000}m`;
  if (rows >= 1_000 && rows % 1_000 === 0) return `${rows / 1_000}k`;
  return String(rows);
}

/**
 * The folder holding a data set of `outcomeRows` rows, generated unless a complete one from this
 * generator source and seed is cached. Written to a temporary folder and renamed, so an interrupted
 * run never leaves a half-written data set that looks complete.
 */
export async function ensureDataset(outcomeRows: number, root = DATA_DIR, seed = DEFAULT_SEED): Promise<{ dir: string; manifest: DatasetManifest }> {
  const dir = join(root, `records-${sizeLabel(outcomeRows)}`);
  const cached = readManifest(dir);
  if (cached && cached.fingerprint === generatorFingerprint() && cached.seed === seed && cached.outcomeRows === outcomeRows) return { dir, manifest: cached };
  const staging = `${dir}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const manifest = await generateRecords(staging, outcomeRows, seed);
  writeFileSync(join(staging, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  rmSync(dir, { recursive: true, force: true });
  renameSync(staging, dir);
  return { dir, manifest };
}

function readManifest(dir: string): DatasetManifest | undefined {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as DatasetManifest;
  } catch {
    // A damaged manifest only means the data is generated again.
    return undefined;
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { rows: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' } } });
  const rows = Number(values.rows);
  if (!Number.isInteger(rows) || rows < 1) throw new Error('usage: generate.ts --rows N [--out DIR] [--seed N]');
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
  const started = performance.now();
  const { dir, manifest } = values.out === undefined ? await ensureDataset(rows, DATA_DIR, seed) : { dir: resolve(values.out), manifest: await generateRecords(resolve(values.out), rows, seed) };
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(`${dir}: ${manifest.outcomeRows} outcome rows, ${manifest.studies} studies, bad rows ${JSON.stringify(manifest.badRows)} (${seconds} s)\n`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`generate: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  });
}
