// Runs import-refs on every real export of ../shared/corpus/import, then the tool's own check on what it wrote: nothing refused, no entry lost without a message.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

// In CI, shared/ sits beside the clone: <repo root>/../shared/corpus.
const CORPUS = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'corpus', 'import');
const present = existsSync(CORPUS);
const scratch = mkdtempSync(join(tmpdir(), 'review-import-corpus-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** How many entries a file holds, counted without the tool's parsers (by each format's record marker). */
function entriesIn(name: string, text: string): number {
  if (name.endsWith('.json')) {
    const data = JSON.parse(text) as unknown;
    return Array.isArray(data) ? data.length : 1;
  }
  if (name.endsWith('.bib')) return text.match(/^\s*@(?!string\b|comment\b|preamble\b)[A-Za-z]+\s*[{(]/gim)?.length ?? 0;
  if (/^\uFEFF?FN /.test(text)) return text.match(/^PT /gm)?.length ?? 0;
  if (/^DataType:/m.test(text)) return text.match(/^DataType:/gm)?.length ?? 0;
  return text.match(/^TY {1,2}-/gm)?.length ?? 0;
}

const DOI = /10\.\d{4,9}\/[^\s"'{}<>,;]+/g;

describe.skipIf(!present)(`import-refs on every file of ${CORPUS}`, () => {
  const files = present ? readdirSync(CORPUS).sort() : [];

  it.each(files)('%s', async (name) => {
    const dir = join(scratch, name);
    mkdirSync(join(dir, 'records'), { recursive: true });
    copyFileSync(join(CORPUS, name), join(dir, name));
    writeFileSync(join(dir, 'records', 'studies.csv'), 'id,reference_id,disease,design\n');
    writeFileSync(join(dir, 'records', 'outcomes.csv'), 'study_id,outcome,measure\n');
    const text = readFileSync(join(dir, name), 'utf8');

    const run = await runCli(['import-refs', name], { cwd: dir });
    if (run.code === 2) {
      // Refused: one line that names the format it is.
      expect(run.stderr).toMatch(/^review: unsupported format: [^\n]*(RIS|BibTeX|CSL-JSON|EndNote|Web of Science|CNKI|PubMed|RefWorks|NoteExpress)[^\n]*\n$/);
      return;
    }
    expect([0, 1], run.stderr).toContain(run.code);

    // Every entry is added, skipped as a duplicate with a message, or left out with a message.
    const added = Number(/added (\d+) to/.exec(run.stderr)?.[1]);
    const skipped = run.stderr.match(/^skipped line \d+/gm)?.length ?? 0;
    const leftOut = run.stderr.match(/^line \d+: (?!@string).*left out$/gm)?.length ?? 0;
    expect(added + skipped + leftOut, run.stderr).toBe(entriesIn(name, text));

    // Nothing the import wrote is refused by the tool's own check.
    const check = await runCli(['check', '--format', 'json'], { cwd: dir });
    const report = JSON.parse(check.stdout) as { diagnostics: { severity: string; message: string; line: number }[]; summary: { errors: number; records: { rejected: number } } };
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(report.summary.records.rejected).toBe(0);

    // Every DOI the file holds reaches the doi column (or its entry was skipped as the same work).
    const csv = existsSync(join(dir, 'records', 'references.csv')) ? readFileSync(join(dir, 'records', 'references.csv'), 'utf8').toLowerCase() : '';
    if (skipped === 0) {
      for (const doi of new Set(text.match(DOI) ?? [])) expect(csv, doi).toContain(doi.replace(/[.)\]]+$/, '').toLowerCase());
    }
  });
});

it.runIf(!present)('skips the corpus test: no ../shared/corpus/import beside the repository', () => {
  console.warn(`import-refs corpus test skipped: ${CORPUS} does not exist`);
});
