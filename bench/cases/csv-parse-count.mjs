// Baseline for `review check`: csv-parse alone streams the three record files and counts records. Plain JavaScript on
// purpose: a TypeScript loader would add start-up time to the floor the check is compared with.
// Usage: node bench/cases/csv-parse-count.mjs RECORDS_DIR
import { createReadStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';

const TABLES = ['references', 'studies', 'outcomes'];

/** Records in one file, header included; ragged rows are counted, not fatal, as in the check. */
async function countRecords(path) {
  let records = 0;
  const parser = parse({ bom: true, relax_column_count: true });
  parser.on('data', () => {
    records++;
  });
  await pipeline(createReadStream(path), parser);
  return records;
}

const dir = process.argv[2];
if (!dir) throw new Error('usage: csv-parse-count.mjs RECORDS_DIR');
const started = performance.now();
let records = 0;
for (const table of TABLES) records += await countRecords(join(dir, `${table}.csv`));
const report = { innerMs: performance.now() - started, records };
if (process.env.BENCH_REPORT) writeFileSync(process.env.BENCH_REPORT, JSON.stringify(report));
