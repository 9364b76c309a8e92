// End-to-end tests of `review import-refs`: RIS, BibTeX and CSL-JSON into references.csv, with what could not be mapped.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { checkRecords } from '../../pipeline/run.ts';

let dir: string;
const scratch = mkdtempSync(join(tmpdir(), 'review-import-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let counter = 0;
beforeEach(() => {
  dir = join(scratch, String(counter++));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'records'), { recursive: true });
});

const RIS = `TY  - JOUR
AU  - Illei, Gabor G.
AU  - Shirota, Yuko
TI  - Tocilizumab in systemic lupus erythematosus
JO  - Arthritis Rheum
PY  - 2010
VL  - 62
IS  - 2
SP  - 542
EP  - 552
DO  - 10.1002/art.27221
AB  - An abstract that has no column.
ER  - 
`;

describe('review import-refs', () => {
  it('creates references.csv from RIS, as unverified rows, and says which fields it could not map', async () => {
    writeFileSync(join(dir, 'list.ris'), RIS);
    const run = await runCli(['import-refs', 'list.ris'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('added 1 of 1 references to records/references.csv (status unverified): illei2010');
    expect(run.stderr).toContain('not mapped: abstract (1 item)');
    const csv = readFileSync(join(dir, 'records', 'references.csv'), 'utf8');
    expect(csv).toBe(
      'id,number,type,authors,title,journal,year,volume,issue,pages,doi,pmid,language,status,note\n' +
        'illei2010,,article-journal,Illei GG; Shirota Y,Tocilizumab in systemic lupus erythematosus,Arthritis Rheum,2010,62,2,542-552,10.1002/art.27221,,,unverified,imported from list.ris\n',
    );
    const { result } = checkRecords({ tables: { references: { path: 'references.csv', bytes: new TextEncoder().encode(csv) } } });
    expect(result.summary.errors).toBe(0);
  });

  it('appends BibTeX to an existing file, keeps ids unique and skips a DOI already there', async () => {
    writeFileSync(join(dir, 'records', 'references.csv'), 'id,status,doi,title\nillei2010,verified,10.1002/ART.27221,Existing\n');
    writeFileSync(
      join(dir, 'refs.bib'),
      '@article{illei2010, author={Illei, Gabor G}, title={Same}, year={2010}, doi={10.1002/art.27221}}\n' +
        '@article{illei2010, author={Illei, Gabor G}, title={=HYPERLINK("x")}, year={2011}}\n',
    );
    const run = await runCli(['import-refs', 'refs.bib'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('skipped item 1 (Same): DOI 10.1002/art.27221 is already reference illei2010');
    const csv = readFileSync(join(dir, 'records', 'references.csv'), 'utf8');
    // Only the existing columns are written, and a formula-like title is neutralised for spreadsheets.
    expect(csv).toBe('id,status,doi,title\nillei2010,verified,10.1002/ART.27221,Existing\nillei2010-2,unverified,,"\'=HYPERLINK(""x"")"\n');
  });

  it('exits 2 on a file it cannot read as its format', async () => {
    writeFileSync(join(dir, 'bad.json'), '{ not json');
    const run = await runCli(['import-refs', 'bad.json'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^review: unsupported format: bad\.json: not valid JSON/);
  });
});
