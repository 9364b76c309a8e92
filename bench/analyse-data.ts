// Made-up records for the `review analyse` benchmark: 10,000 studies, each with both arms of 10 outcomes, and 10 analyses (no real study).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Random } from './lib/random.ts';

/** The analyses: five of events, five of means, across measures, models and options. */
const ANALYSES = [
  ['sae', 'RR', 'random', 'DL', 'z', 'yes', 'disease'],
  ['infection', 'OR', 'common', 'MH', '', '', ''],
  ['neutropenia', 'OR', 'common', 'Peto', '', '', ''],
  ['remission', 'RD', 'random', 'REML', 'hksj', 'yes', ''],
  ['completion', 'RR', 'common', 'IV', '', '', 'disease'],
  ['fvc', 'MD', 'random', 'REML', 'z', 'yes', 'disease'],
  ['dlco', 'SMD', 'random', 'PM', 'hksj', 'yes', ''],
  ['lung_function', 'MD', 'random', 'DL', 'z', '', ''],
  ['disease_activity', 'SMD', 'common', 'IV', '', '', ''],
  ['quality_of_life', 'MD', 'random', 'PM', 'z', 'yes', ''],
] as const;
const BINARY = new Set(['RR', 'OR', 'RD']);
const DISEASES = ['RA', 'SSc', 'SLE', 'IIM'];
/** Bump when the generated shape changes: the cached copy is then rewritten. */
const VERSION = 2;

export const ANALYSE_STUDIES = 10_000;

/** A made-up family name from a number: 1 → Ab, 2 → Ac … (letters only, as names are). */
function familyName(n: number): string {
  let name = '';
  for (let rest = n; rest > 0; rest = Math.floor(rest / 26)) name = String.fromCharCode(97 + (rest % 26)) + name;
  return `A${name}`;
}

/** The records folder for `studies` studies under `dataDir`, written unless a copy of this version is there. */
export function ensureAnalyseData(dataDir: string, studies = ANALYSE_STUDIES): string {
  const dir = join(dataDir, `analyse-${studies}`);
  const stamp = join(dir, 'version');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === String(VERSION)) return dir;
  mkdirSync(dir, { recursive: true });
  const random = new Random(20261204);
  const references = ['id,authors,year,status,note'];
  const studyRows = ['id,reference_id,disease,design,n_enrolled,note'];
  const outcomes = ['study_id,outcome,measure,arm,n,value,sd,count,denominator'];
  for (let s = 1; s <= studies; s++) {
    const id = `s${s}`;
    const n1 = random.int(20, 400);
    const n2 = random.int(20, 400);
    references.push(`${id},${familyName(s)} A,${random.int(1990, 2025)},unverified,made-up for the benchmark`);
    studyRows.push(`${id},${id},${random.pick(DISEASES)},rct,${n1 + n2},made-up for the benchmark`);
    for (const [outcome, measure] of ANALYSES) {
      if (BINARY.has(measure)) {
        const risk = random.decimal(0.05, 0.5, 3);
        const ratio = Math.exp(random.decimal(-0.8, 0.4, 3));
        outcomes.push(`${id},${outcome},count,TCZ,,,,${Math.round(n1 * Math.min(risk * ratio, 1))},${n1}`);
        outcomes.push(`${id},${outcome},count,placebo,,,,${Math.round(n2 * risk)},${n2}`);
      } else {
        const sd = random.decimal(2, 12, 1);
        outcomes.push(`${id},${outcome},mean_change,TCZ,${n1},${random.decimal(-6, 2, 1)},${sd},,`);
        outcomes.push(`${id},${outcome},mean_change,placebo,${n2},${random.decimal(-5, 1, 1)},${random.decimal(2, 12, 1)},,`);
      }
    }
  }
  const analyses = ['id,title,outcome,measure,experimental,control,model,method,ci,prediction,subgroup'];
  for (const [outcome, measure, model, method, ci, prediction, subgroup] of ANALYSES) {
    analyses.push(`${outcome}-${measure.toLowerCase()},${outcome} (made up),${outcome},${measure},TCZ,placebo,${model},${method},${ci},${prediction},${subgroup}`);
  }
  const write = (name: string, lines: string[]) => writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
  write('references.csv', references);
  write('studies.csv', studyRows);
  write('outcomes.csv', outcomes);
  write('analyses.csv', analyses);
  writeFileSync(stamp, String(VERSION));
  return dir;
}
