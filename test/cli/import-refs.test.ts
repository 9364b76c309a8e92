// End-to-end tests of `review import-refs`: every export format into references.csv, the target kept safe, nothing lost without a message.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'import');
const TARGET = (): string => join(dir, 'records', 'references.csv');
const HEADER = 'id,number,type,authors,title,journal,year,volume,issue,pages,doi,pmid,language,status,note';

function fixture(name: string): string {
  copyFileSync(join(FIXTURES, name), join(dir, name));
  return name;
}

/** The check's verdict on a references.csv: its errors, by message. */
function checkErrors(csv: string): string[] {
  const { result } = checkRecords({ tables: { references: { path: 'references.csv', bytes: new TextEncoder().encode(csv) } } });
  return result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.ruleId} line ${d.line}: ${d.message}`);
}

/** The rows written, as objects by column (a small CSV reader: the tests' rows have no line breaks in cells). */
function rows(csv: string): Record<string, string>[] {
  const [header, ...lines] = csv.replace(/^\uFEFF/, '').split(/\r?\n/).filter(Boolean);
  const columns = (header as string).split(',');
  return lines.map((line) => {
    const cells: string[] = [];
    const cell = /("(?:[^"]|"")*"|[^,]*)(,|$)/gy;
    for (let m = cell.exec(line); m && m[0] !== ''; m = cell.exec(line)) cells.push((m[1] as string).replace(/^"|"$/g, '').replace(/""/g, '"'));
    return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
  });
}

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

describe('review import-refs: formats', () => {
  it('creates references.csv from RIS, as unverified rows, and says which fields it could not map', async () => {
    writeFileSync(join(dir, 'list.ris'), RIS);
    const run = await runCli(['import-refs', 'list.ris'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('read 1 entry of list.ris (RIS); added 1 to records/references.csv (status unverified): illei2010');
    expect(run.stderr).toContain('not mapped: abstract (1 item)');
    const csv = readFileSync(TARGET(), 'utf8');
    expect(csv).toBe(
      `${HEADER}\n` +
        'illei2010,,article-journal,Illei GG; Shirota Y,Tocilizumab in systemic lupus erythematosus,Arthritis Rheum,2010,62,2,542-552,10.1002/art.27221,,en,unverified,imported from list.ris\n',
    );
    expect(checkErrors(csv)).toEqual([]);
  });

  it('RIS: reads the year from Y1 "2010///", leaves PY 0000 empty with a note, finds the DOI in M3 or UR and the PMID in AN', async () => {
    // Made up for this test: the tag forms of the corpus files (Y1 with slashes, DOI only in M3 or UR, PMID in AN).
    writeFileSync(
      join(dir, 'mixed.ris'),
      'TY  - JOUR\nAU  - Smith, John\nTI  - First\nY1  - 2010///\nM3  - doi: 10.1000/abc.1\nAN  - 12345678\nER  - \n' +
        'TY  - JOUR\nAU  - Doe, Jane\nTI  - Second\nPY  - 0000\nUR  - https://doi.org/10.1000/ABC.2\nER  - \n',
    );
    const run = await runCli(['import-refs', 'mixed.ris'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("line 8: PY '0000' holds no year; the year is left empty");
    const [first, second] = rows(readFileSync(TARGET(), 'utf8'));
    expect(first).toMatchObject({ id: 'smith2010', year: '2010', doi: '10.1000/abc.1', pmid: '12345678' });
    expect(second).toMatchObject({ id: 'doe', year: '', doi: '10.1000/ABC.2' });
    expect(checkErrors(readFileSync(TARGET(), 'utf8'))).toEqual([]);
  });

  it('RIS from the corpus: single-space tags, continuation lines, CRLF, a record without title or year', async () => {
    for (const name of ['zotero-ris-case3-single-space-tags.ris', 'zotero-ris-case0-endnote-a1-t1-continuation.ris', 'zotero-ris-case9-scopus-crlf.ris', 'zotero-ris-case5-tandf-doi.ris']) {
      expect((await runCli(['import-refs', fixture(name)], { cwd: dir })).code).toBe(0);
    }
    const csv = readFileSync(TARGET(), 'utf8');
    const byId = Object.fromEntries(rows(csv).map((r) => [r.id, r]));
    expect(Object.keys(byId)).toEqual(['castoe2009', 'baldwin1996', 'bryan2008', 'prostate', 'light2014']);
    expect(byId.castoe2009).toMatchObject({ doi: '10.1111/j.1755-0998.2009.02750.x', journal: 'Molecular Ecology Resources', year: '2009' });
    expect(byId.baldwin1996).toMatchObject({ title: 'Blood-brain barrier breach following cortical contusion in the rat', authors: 'Baldwin SA; Fugaccia I; Brown DR; Brown LV; Scheff SW', pages: '476-481' });
    expect(byId.bryan2008).toMatchObject({ volume: '100', issue: '6', pages: '674-682', doi: '10.1016/S0027-9684(15)31340-7' });
    expect(byId.light2014).toMatchObject({ journal: 'Augment Altern Commun', volume: '30', issue: '2', pages: '99-105', doi: '10.3109/07434618.2014.906498' });
    expect(checkErrors(csv)).toEqual([]);
  });

  it('reads EndNote tagged (.enw) natively', async () => {
    // Made up for this test, in EndNote's tagged export form (%0 type, %A author, %T, %J, %D, %V, %N, %P, %R DOI, %M accession).
    writeFileSync(
      join(dir, 'list.enw'),
      '%0 Journal Article\n%A Illei, Gabor G.\n%A Shirota, Yuko\n%T Tocilizumab in systemic lupus erythematosus\n%J Arthritis Rheum\n%D 2010\n%V 62\n%N 2\n%P 542-552\n%R 10.1002/art.27221\n%M 20112381\n%X An abstract.\n\n' +
        '%0 Journal Article\n%A 陈建锋\n%T 托珠单抗治疗间质性肺病\n%J 中华医学杂志\n%D 2020\n',
    );
    const run = await runCli(['import-refs', 'list.enw'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('read 2 entries of list.enw (EndNote tagged)');
    const [first, second] = rows(readFileSync(TARGET(), 'utf8'));
    expect(first).toMatchObject({ id: 'illei2010', authors: 'Illei GG; Shirota Y', journal: 'Arthritis Rheum', year: '2010', volume: '62', issue: '2', pages: '542-552', doi: '10.1002/art.27221', pmid: '20112381', language: 'en' });
    expect(second).toMatchObject({ id: 'chen2020', authors: '陈建锋', language: 'zh' });
  });

  it('reads PubMed/MEDLINE (.nbib) natively: FAU over AU, the DOI of LID/AID marked [doi], the PMID', async () => {
    // Made up for this test in MEDLINE form, with the bibliographic data of the RIS record above.
    writeFileSync(
      join(dir, 'pubmed.nbib'),
      'PMID- 20112381\nTI  - Tocilizumab in systemic lupus erythematosus--safety, preliminary\n      efficacy, and impact on circulating plasma cells.\nLID - 10.1002/art.27221 [doi]\n' +
        'AB  - An abstract.\nFAU - Illei, Gabor G\nAU  - Illei GG\nFAU - Shirota, Yuko\nAU  - Shirota Y\nLA  - eng\nPT  - Journal Article\nDP  - 2010 Feb\n' +
        'TA  - Arthritis Rheum\nJT  - Arthritis and rheumatism\nVI  - 62\nIP  - 2\nPG  - 542-52\nAID - art.27221 [pii]\n\n',
    );
    const run = await runCli(['import-refs', 'pubmed.nbib'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('read 1 entry of pubmed.nbib (PubMed/MEDLINE)');
    expect(rows(readFileSync(TARGET(), 'utf8'))[0]).toEqual({
      id: 'illei2010', number: '', type: 'article-journal', authors: 'Illei GG; Shirota Y',
      title: 'Tocilizumab in systemic lupus erythematosus--safety, preliminary efficacy, and impact on circulating plasma cells.',
      journal: 'Arthritis Rheum', year: '2010', volume: '62', issue: '2', pages: '542-52', doi: '10.1002/art.27221', pmid: '20112381',
      language: 'en', status: 'unverified', note: 'imported from pubmed.nbib',
    });
  });

  it('reads a Web of Science tagged export: full names, article numbers as pages, DOI and PMID', async () => {
    const run = await runCli(['import-refs', fixture('wos-tagged-export.txt')], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('read 12 entries of wos-tagged-export.txt (Web of Science tagged); added 12');
    const csv = readFileSync(TARGET(), 'utf8');
    expect(rows(csv)[0]).toMatchObject({
      id: 'asampong2018',
      authors: 'Asampong E; Gyeke MDP; Oduro R',
      title: "Caregivers' views on stigmatization and discrimination of people affected by leprosy in Ghana",
      journal: 'Plos Neglect. Trop. Dis.',
      year: '2018',
      volume: '12',
      issue: '1',
      pages: 'e0006219',
      doi: '10.1371/journal.pntd.0006219',
      pmid: '29377890',
      language: 'en',
    });
    expect(checkErrors(csv)).toEqual([]);
  });

  it('reads a CNKI E-Study export: Chinese names, pinyin ids, a/b for collisions, the year from PubTime when Year is missing', async () => {
    const run = await runCli(['import-refs', fixture('cnki-estudy-export-zh.txt')], { cwd: dir });
    expect(run.code).toBe(0);
    const written = rows(readFileSync(TARGET(), 'utf8'));
    expect(written).toHaveLength(20);
    expect(written[0]).toMatchObject({ id: 'ke2021', authors: '柯洪琴; 陈璿英; 王启斌', journal: '中南药学', year: '2021', volume: '19', issue: '01', pages: '168-170', language: 'zh' });
    // No author: the id comes from the title's first two characters (中国 → zhongguo).
    expect(written[1]).toMatchObject({ id: 'zhongguo2021', authors: '', year: '2021' });
    expect(written.filter((r) => (r.id ?? '').startsWith('zhang2021')).map((r) => r.id)).toEqual(['zhang2021a', 'zhang2021b']);
    expect(written.every((r) => r.year === '2021' && !/^ref\d/.test(r.id ?? ''))).toBe(true);
    expect(checkErrors(readFileSync(TARGET(), 'utf8'))).toEqual([]);
    // Imported again: every entry, the one without an author too, is the same work as a row now there.
    const again = await runCli(['import-refs', 'cnki-estudy-export-zh.txt'], { cwd: dir });
    expect(again.stderr).toContain('added 0 to records/references.csv');
    expect(again.stderr.match(/^skipped line \d+/gm)).toHaveLength(20);
  });

  it('BibTeX: "and others" ends the list (et al), a particle stays with the family name, a keyless EndNote entry and a crossref to a @book are read', async () => {
    writeFileSync(
      join(dir, 'refs.bib'),
      // Made up for this test: the particle and "and others" forms of issue 11.
      '@article{laar2010, author = {van Laar, Jacob M. and Smith, J. and others}, title = {Stem cells}, journal = {Lancet}, year = {2010}}\n',
    );
    for (const name of ['refs.bib', fixture('thuthesis-refs-gbt7714-zh.bib'), fixture('bbt-endnote-keyless.bib'), fixture('bbt-2373-crossref.bib')]) {
      const run = await runCli(['import-refs', name], { cwd: dir });
      expect(run.code, run.stderr).toBe(0);
    }
    const csv = readFileSync(TARGET(), 'utf8');
    const byId = Object.fromEntries(rows(csv).map((r) => [r.id, r]));
    expect(byId.vanlaar2010).toMatchObject({ authors: 'van Laar JM; Smith J; et al', language: 'en' });
    expect(byId.zhang1994).toMatchObject({ authors: '张昆; 冯立群; 余昌钰; et al', title: '机器人柔性手腕的球面齿轮设计研究', year: '1994', volume: '34', issue: '2', pages: '1-7', language: 'zh', note: 'imported from thuthesis-refs-gbt7714-zh.bib (key zhangkun1994)' });
    expect(byId.huang2012).toMatchObject({ authors: 'Huang Y; Mucke L', journal: 'Cell', volume: '148', issue: '6', pages: '1204-22', year: '2012' });
    expect(byId.elhusseini2004).toMatchObject({ type: 'chapter', title: 'Lebanon', journal: 'Global Civil Society: Dimensions of the Nonprofit Sector', year: '2004' });
    expect(Object.keys(byId).some((id) => /others/.test(byId[id]?.authors ?? ''))).toBe(false);
    expect(checkErrors(csv)).toEqual([]);
  });

  it('BibTeX: an unreadable entry is reported with its line and the others are imported (exit 1)', async () => {
    // Made up for this test: a good entry, one without its closing brace, one citation-js cannot parse, and a good one.
    writeFileSync(
      join(dir, 'refs.bib'),
      '@article{good1, author = {Alpha, A}, title = {One}, year = {2001}}\n' +
        '@article{open, author = {Beta, B}, title = {Two, year = {2002}\n' +
        '@article{bad, author = {Gamma, G} title = {Three}, year = {2003}}\n' +
        '@article{good2, author = {Delta, D}, title = {Four}, year = {2004}}\n',
    );
    const run = await runCli(['import-refs', 'refs.bib'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('added 2 to records/references.csv (status unverified): alpha2001, delta2004');
    expect(run.stderr).toMatch(/line 2: @article entry is not closed .*left out/);
    expect(run.stderr).toMatch(/line 3: @article\{bad\} cannot be read: .*left out/);
  });

  it('BibTeX: @string expansion is bounded (a doubling bomb is refused in a second, not after gigabytes)', async () => {
    // Made up for this test: each @string doubles the one before it; the last would be 2^40 characters.
    const defs = ['@string{s0 = "xxxxxxxxxxxxxxxx"}'];
    for (let i = 1; i <= 40; i++) defs.push(`@string{s${i} = s${i - 1} # s${i - 1}}`);
    writeFileSync(join(dir, 'bomb.bib'), `${defs.join('\n')}\n@article{a, author = {Alpha, A}, title = s40, year = {2001}}\n@article{b, author = {Beta, B}, title = {Fine}, year = {2002}}\n`);
    const started = Date.now();
    const run = await runCli(['import-refs', 'bomb.bib'], { cwd: dir });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/@article\{a\} expands @string macros to more than 1,000,000 characters; it is left out/);
    expect(run.stderr).toMatch(/@string s1\d expands to more than 1,000,000 characters; it is left out/);
    expect(run.stderr).toContain('added 1 to records/references.csv (status unverified): beta2002');
  });

  it('CSL-JSON: rich text in a name becomes plain text; the title keeps CSL rich text', async () => {
    const run = await runCli(['import-refs', fixture('csl-testsuite-testers_FirstAutoGeneratedZoteroPluginTest.json')], { cwd: dir });
    expect(run.code).toBe(0);
    const csv = readFileSync(TARGET(), 'utf8');
    expect(rows(csv)[0]).toMatchObject({ id: 'chnm', authors: 'Center for History and New Media', title: '<b>Zotero</b> … "Quick Start" & <sc>Guide</sc> 日本語', language: 'en' });
    // Two books by two Smiths with one title and year: the check would call them one work, so the second is skipped, with a message.
    expect(run.stderr).toContain('skipped line 33 (Book A): same first author, year and title as the entry on line 15');
    expect(checkErrors(csv)).toEqual([]);
  });

  it('refuses an export it does not read with one line naming what it is and what to export instead', async () => {
    writeFileSync(join(dir, 'library.xml'), '<?xml version="1.0" encoding="UTF-8"?><xml><records><record></record></records></xml>');
    let run = await runCli(['import-refs', 'library.xml'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('review: unsupported format: library.xml: this is an EndNote XML file; in EndNote export with the RefMan (RIS) output style, or as BibTeX\n');
    writeFileSync(join(dir, 'notes.txt'), 'Some notes about papers\n');
    run = await runCli(['import-refs', 'notes.txt'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^review: unsupported format: notes\.txt: not a reference export the tool reads \(CSL-JSON, BibTeX, RIS, EndNote tagged, PubMed\/MEDLINE, Web of Science tagged, CNKI E-Study\)[^\n]*\n$/);
    writeFileSync(join(dir, 'bad.json'), '{ not json');
    run = await runCli(['import-refs', 'bad.json'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^review: unsupported format: bad\.json \(CSL-JSON\): not valid JSON/);
    expect(existsSync(TARGET())).toBe(false);
  });
});

describe('review import-refs: the target', () => {
  it('appends to an existing file, keeps ids unique with letters and skips works already there by DOI or by first author + year + title', async () => {
    writeFileSync(TARGET(), 'id,status,doi,title,authors,year\r\nillei2010,verified,10.1002/ART.27221,Existing,Illei GG,2010\r\nsmith2001,verified,,No DOI here,Smith J,2001');
    writeFileSync(
      join(dir, 'refs.bib'),
      '@article{x1, author={Illei, Gabor G}, title={Same}, year={2010}, doi={10.1002/art.27221}}\n' +
        '@article{x2, author={Smith, John}, title={No DOI here.}, year={2001}}\n' +
        '@article{x3, author={Illei, Gabor G}, title={=HYPERLINK("x")}, year={2010}}\n' +
        '@article{x4, author={Illei, G}, title={Another}, year={2010}}\n',
    );
    const run = await runCli(['import-refs', 'refs.bib'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('skipped line 1 (Same): DOI 10.1002/art.27221 is the same as reference illei2010');
    expect(run.stderr).toContain('skipped line 2 (No DOI here.): same first author, year and title as reference smith2001');
    const csv = readFileSync(TARGET(), 'utf8');
    // Only the existing columns are written, with the file's own CRLF line ends, and a formula-like title is neutralised for spreadsheets.
    expect(csv).toBe(
      'id,status,doi,title,authors,year\r\nillei2010,verified,10.1002/ART.27221,Existing,Illei GG,2010\r\nsmith2001,verified,,No DOI here,Smith J,2001\r\n' +
        'illei2010a,unverified,,"\'=HYPERLINK(""x"")",Illei GG,2010\r\nillei2010b,unverified,,Another,Illei G,2010\r\n',
    );
    expect(checkErrors(csv)).toEqual([]);
  });

  it('importing the same file twice adds nothing the second time, entries without a DOI included, each named', async () => {
    writeFileSync(join(dir, 'list.ris'), RIS.replace(/^DO {2}- .*\n/m, '') + RIS.replace('Tocilizumab in', 'Rituximab in').replace(/^DO {2}- .*\n/m, ''));
    expect((await runCli(['import-refs', 'list.ris'], { cwd: dir })).code).toBe(0);
    const once = readFileSync(TARGET(), 'utf8');
    const run = await runCli(['import-refs', 'list.ris'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('added 0 to records/references.csv');
    expect(run.stderr.match(/^skipped line \d+ .*same first author, year and title as reference illei2010[ab]$/gm)).toHaveLength(2);
    expect(readFileSync(TARGET(), 'utf8')).toBe(once);
  });

  it.each([
    ['empty', ''],
    ['blank', '\n  \n\n'],
    ['BOM-only', '\uFEFF'],
  ])('an %s references.csv gets a header and the rows: nothing is lost', async (_kind, content) => {
    writeFileSync(TARGET(), content);
    writeFileSync(join(dir, 'list.ris'), RIS + RIS.replace('10.1002/art.27221', '10.1002/art.99999').replace('Tocilizumab in', 'Rituximab in'));
    const run = await runCli(['import-refs', 'list.ris'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('added 2 to records/references.csv (status unverified): illei2010a, illei2010b');
    const csv = readFileSync(TARGET(), 'utf8');
    expect(csv.startsWith(content.startsWith('\uFEFF') ? `\uFEFF${HEADER}\n` : `${HEADER}\n`)).toBe(true);
    expect(rows(csv).map((r) => r.title)).toEqual(['Tocilizumab in systemic lupus erythematosus', 'Rituximab in systemic lupus erythematosus']);
    expect(checkErrors(csv)).toEqual([]);
  });

  it('refuses a broken target (an unclosed quote would swallow the new rows), one not in UTF-8 (UTF-16, GB18030) and one without an id column, leaving them as they were', async () => {
    writeFileSync(join(dir, 'list.ris'), RIS);
    const broken = 'id,status,title\nok1,verified,"Unclosed\n';
    writeFileSync(TARGET(), broken);
    let run = await runCli(['import-refs', 'list.ris'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^review: cannot write: records\/references\.csv: line 2, column \d+: .*before importing into it\n$/);
    expect(readFileSync(TARGET(), 'utf8')).toBe(broken);
    writeFileSync(TARGET(), Buffer.from('\uFEFFid,status\nok1,verified\n', 'utf16le'));
    run = await runCli(['import-refs', 'list.ris'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('review: cannot write: records/references.csv: is UTF-16 or binary, not UTF-8; save it as UTF-8 before importing into it\n');
    writeFileSync(TARGET(), Buffer.from([0x69, 0x64, 0x2c, 0x73, 0x74, 0x61, 0x74, 0x75, 0x73, 0x0a, 0xd6, 0xd0, 0xce, 0xc4, 0x2c, 0x76, 0x0a]));
    run = await runCli(['import-refs', 'list.ris'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('review: cannot write: records/references.csv: is not UTF-8; save it as UTF-8 before importing into it\n');
    writeFileSync(TARGET(), 'title,status\nSomething,verified\n');
    run = await runCli(['import-refs', 'list.ris'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("review: cannot write: records/references.csv: its header (line 1) has no 'id' column; add it before importing\n");
  });

  it('keeps --into a regular file inside the review: a symlink, a device, a path outside and a linked folder are refused (exit 2, one line)', async () => {
    writeFileSync(join(dir, 'list.ris'), RIS);
    const outside = join(scratch, `outside-${counter}.csv`);
    writeFileSync(outside, 'id,status\n');
    symlinkSync(outside, join(dir, 'records', 'link.csv'));
    mkdirSync(join(scratch, `elsewhere-${counter}`));
    symlinkSync(join(scratch, `elsewhere-${counter}`), join(dir, 'linked'));
    const cases: [string, RegExp][] = [
      ['records/link.csv', /is a symbolic link/],
      ['/dev/null', /must name a file inside the review folder/],
      [outside, /must name a file inside the review folder/],
      ['../x.csv', /must name a file inside the review folder/],
      ['linked/references.csv', /leads outside the review folder/],
      ['records', /is not a regular file/],
      ['nowhere/references.csv', /folder nowhere does not exist/],
    ];
    for (const [into, message] of cases) {
      const run = await runCli(['import-refs', 'list.ris', '--into', into], { cwd: dir });
      expect(run.code, into).toBe(2);
      expect(run.stderr, into).toMatch(message);
      expect(run.stderr.trimEnd().split('\n'), into).toHaveLength(1);
    }
    expect(lstatSync(join(dir, 'records', 'link.csv')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'records', 'link.csv'))).toBe(outside);
    expect(readFileSync(outside, 'utf8')).toBe('id,status\n');
    expect(readdirSync(join(scratch, `elsewhere-${counter}`))).toEqual([]);
  });

  it('tidies the temporary files of a stopped import (its own names, for a process no longer running) and leaves other files alone', async () => {
    // A process that has exited: its pid names the leftovers of "an import killed while writing".
    const dead = spawnSync(process.execPath, ['-e', '']).pid as number;
    writeFileSync(TARGET(), 'id,status\n');
    writeFileSync(join(dir, 'records', `.references.csv.import-refs-${dead}.tmp`), 'half a file');
    writeFileSync(join(dir, 'records', `.references.csv.${dead}.tmp`), 'half a file, as earlier versions named it');
    writeFileSync(join(dir, 'records', '.references.csv.notes.tmp'), 'not ours');
    writeFileSync(join(dir, 'list.ris'), RIS);
    const run = await runCli(['import-refs', 'list.ris'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`removed records/.references.csv.import-refs-${dead}.tmp, left by an import that was stopped`);
    expect(readdirSync(join(dir, 'records')).sort()).toEqual(['.references.csv.notes.tmp', 'references.csv']);
  });

  it('an import killed (SIGKILL) while writing leaves the target as it was, and the next import removes its temporary file', async () => {
    // 40 MB in 400 rows: the copy takes long enough to be caught, the parse stays short.
    const existing = `id,status,note\n${Array.from({ length: 400 }, (_, i) => `r${i},verified,${'x'.repeat(100_000)}\n`).join('')}`;
    writeFileSync(TARGET(), existing);
    writeFileSync(join(dir, 'list.ris'), RIS);
    const child = spawn(process.execPath, [join(import.meta.dirname, '..', '..', 'bin', 'review.js'), 'import-refs', 'list.ris'], { cwd: dir, stdio: 'ignore' });
    const temporary = `.references.csv.import-refs-${child.pid}.tmp`;
    const exited = new Promise<void>((done) => child.on('exit', () => done()));
    let caught = false;
    const deadline = Date.now() + 60_000;
    while (!caught && child.exitCode === null && Date.now() < deadline) {
      if (readdirSync(join(dir, 'records')).includes(temporary)) {
        child.kill('SIGKILL');
        caught = true;
      } else await new Promise((wait) => setTimeout(wait, 1));
    }
    await exited;
    expect(caught, 'the import finished before its temporary file was seen').toBe(true);
    expect(readFileSync(TARGET(), 'utf8') === existing, 'the target changed').toBe(true);
    expect(readdirSync(join(dir, 'records'))).toContain(temporary);
    const run = await runCli(['import-refs', 'list.ris'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`removed records/${temporary}, left by an import that was stopped`);
    expect(readdirSync(join(dir, 'records'))).toEqual(['references.csv']);
  }, 90_000);

  it('copies a target through in chunks, byte for byte, and appends after a last line without a line end', async () => {
    // 2 MB of rows, read in 64 KiB chunks (the memory bound at hundreds of MB is the bench's).
    const line = 'id%,verified,A title long enough to make the file large without many rows of it at all,Smith J\n';
    const body = Array.from({ length: 20_000 }, (_, i) => line.replace('%', String(i))).join('');
    const existing = `id,status,title,authors\n${body}last,verified,No line end,Doe J`;
    writeFileSync(TARGET(), existing);
    writeFileSync(join(dir, 'list.ris'), RIS);
    const run = await runCli(['import-refs', 'list.ris'], { cwd: dir });
    expect(run.code).toBe(0);
    const csv = readFileSync(TARGET(), 'utf8');
    expect(csv.slice(0, existing.length)).toBe(existing);
    expect(csv.slice(existing.length)).toBe('\nillei2010,unverified,Tocilizumab in systemic lupus erythematosus,Illei GG; Shirota Y\n');
  });
});
