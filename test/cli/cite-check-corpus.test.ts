// cite-check on three real Chinese reviews (test/fixtures/manuscripts, from the shared corpus): every credit read, nothing false found, and mutated copies caught.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseManuscript } from '../../pipeline/citations/manuscript.ts';
import { runCli } from '../helpers/cli.ts';

const root = join(import.meta.dirname, '..', '..');
const fixtures = join(root, 'test/fixtures/manuscripts');
const scratch = mkdtempSync(join(tmpdir(), 'review-cite-corpus-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Diagnostic {
  ruleId: string;
  line: number;
  column: number;
  message: string;
}

interface Report {
  diagnostics: Diagnostic[];
  summary: { manuscript: { citations: number; entries: number; credits: number }; records: { read: number } };
}

async function citeCheck(path: string): Promise<Report> {
  const run = await runCli(['cite-check', path, '--format', 'json'], { cwd: root });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as Report;
}

const brief = (d: Diagnostic): string => `${d.line}:${d.column} ${d.ruleId}`;

/** One review: what it credits, what cite-check rightly reports, and three mistakes to put into a copy of it. */
interface Review {
  file: string;
  counts: { citations: number; entries: number; credits: number };
  /** How many "X等[n]" / "X 等人[n]" the text writes with a closed bracket. */
  dengForms: number;
  /** `line citation name`, in reading order. */
  credits: string[];
  /**
   * Every finding on the real text, each a real defect of the published file: citations whose "]"
   * OCR lost (`Yeh等[8对`, `[12仅`), numbers the text skips or entries never cited where OCR damaged
   * the citation beyond reading (`Westeneng等[对`, `[I1]`, `上升2.3倍4`, `[3，截至`), credits that
   * do not match (Rantly for Ranty ML; Adrienne, the given name of Scott AW; `Hu等[3` for Hu's [35]),
   * `［39]` against a list of 36, and [4] of the tirzepatide review carrying [3]'s DOI.
   */
  findings: string[];
  wrongCredit: { from: string; to: string; expected: string };
  swap: { a: string; b: string; expected: string[] };
  deletedEntry: { line: string; expected: string[] };
}

const REVIEWS: readonly Review[] = [
  {
    file: 'chinaxiv-diagnostic-vitrectomy-review.md',
    counts: { citations: 41, entries: 36, credits: 25 },
    dengForms: 18,
    credits: [
      '33 [2] 林海燕', '35 [5] William', '41 [8 Yeh', '45 [1 Oahalou', '45 [10] Pakdel', '59 [11] Mercado', '61 [12] ZhangLY', '65 [14] Rantly',
      '71 [17] Seregard', '77 [13] Margolis', '77 [19] Raparia', '77 [20 Adrienne', '81 [22] Davis', '85 [24] Fisson', '89 [26] Misstate',
      '89 [8 Yeh', '89 [27] Harper', '93 [29] Arvanitis', '93 [30] Liu', '97 [31] Machemer', '101 [33] Kanavi', '107 [5] William',
      '107 [34] Oshima', '107 [3 Hu', '107 ［39] Kung',
    ],
    findings: [
      '41:61 citation/numbering-gap', '41:69 citation/malformed', '45:79 citation/malformed', '45:286 citation/numbering-gap',
      '65:82 citation/author-mismatch', '71:295 citation/numbering-gap', '77:264 citation/author-mismatch', '77:264 citation/malformed',
      '89:269 citation/malformed', '107:205 citation/author-mismatch', '107:205 citation/malformed', '107:301 citation/out-of-range',
      '120:1 reference/uncited', '123:1 reference/uncited', '132:1 reference/uncited', '154:1 reference/uncited', '155:1 reference/uncited',
    ],
    wrongCredit: { from: 'Davis等[22]', to: 'Miller等[22]', expected: '[22] is credited to Miller, but the first author of reference 22 is Davis JL' },
    swap: {
      a: 'Seregard等[17]',
      b: 'Raparia等[19]',
      expected: [
        '[19] cites 19 before 17, 18 first appear; numbers should follow the order of first citation',
        '[19] is credited to Seregard, but the first author of reference 19 is Raparia K',
        '[17] is credited to Raparia, but the first author of reference 17 is Seregard S',
      ],
    },
    deletedEntry: { line: '[24]. Fisson S', expected: ['[24] cites 24, but the reference list has no entry 24'] },
  },
  {
    file: 'chinaxiv-tirzepatide-review.md',
    counts: { citations: 62, entries: 51, credits: 7 },
    dengForms: 6,
    credits: ['35 [6] Coskun', '41 [18] Thomas', '41 [19] TimHeise', '55 [37] Patoulias', '72 [49] Frias', '74 [50 Urva', '76 [51] Urva'],
    findings: [
      '39:146 citation/numbering-gap', '55:171 citation/malformed', '74:24 citation/malformed', '74:234 citation/malformed',
      '97:1 reference/duplicate', '104:1 reference/uncited',
    ],
    wrongCredit: { from: 'Coskun 等[6]', to: 'Sloop 等[6]', expected: '[6] is credited to Sloop, but the first author of reference 6 is Coskun T' },
    swap: {
      a: 'Thomas 等[18]',
      b: 'TimHeise 等[19]',
      expected: [
        '[19] cites 19 before 18 first appears; numbers should follow the order of first citation',
        '[19] is credited to Thomas, but the first author of reference 19 is Tim Heise',
        '[18] is credited to TimHeise, but the first author of reference 18 is Thomas M K',
      ],
    },
    deletedEntry: { line: '[37]Patoulias D', expected: ['[37] cites 37, but the reference list has no entry 37'] },
  },
  {
    file: 'chinaxiv-wearable-af-review.md',
    counts: { citations: 38, entries: 35, credits: 1 },
    dengForms: 0,
    credits: ['57 [35] Shacham'],
    findings: [
      '23:272 citation/numbering-gap', '31:84 citation/malformed', '41:541 citation/malformed', '57:435 citation/numbering-gap',
      '76:1 reference/uncited', '105:1 reference/uncited',
    ],
    wrongCredit: { from: 'Shacham的研究', to: 'Birati的研究', expected: '[35] is credited to Birati, but the first author of reference 35 is Shacham J' },
    swap: {
      a: '可植入电子设备[13]',
      b: '不知道房颤的存在[14]',
      expected: ['[14] cites 14 before 13 first appears; numbers should follow the order of first citation'],
    },
    deletedEntry: { line: '[31] GUO Y,LANE D A', expected: ['[31] cites 31, but the reference list has no entry 31'] },
  },
];

/** The text with `from` (which must occur exactly once) replaced. */
function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  expect(at, `'${from}' is in the text`).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(from, at + 1), `'${from}' occurs once`).toBe(-1);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** Swaps the numbers of two single-number citations, each given with enough text around it to occur once. */
function swapNumbers(text: string, a: string, b: string): string {
  const number = (s: string) => /[[［](\d+)[\]］]/.exec(s)?.[1] ?? '';
  const [na, nb] = [number(a), number(b)];
  const marked = replaceOnce(replaceOnce(text, a, '\u0000A'), b, '\u0000B');
  return marked.replace('\u0000A', a.replace(`[${na}]`, `[${nb}]`)).replace('\u0000B', b.replace(`[${nb}]`, `[${na}]`));
}

/** Deletes the whole line of the list entry that starts with `start`, leaving the numbers as they are. */
function deleteEntry(text: string, start: string): string {
  const lines = text.split('\n');
  const index = lines.findIndex((line) => line.startsWith(start));
  expect(index, `an entry starts with '${start}'`).toBeGreaterThan(0);
  return [...lines.slice(0, index), ...lines.slice(index + 1)].join('\n');
}

describe.each(REVIEWS)('review cite-check on $file', (review) => {
  const text = readFileSync(join(fixtures, review.file), 'utf8');

  it('reads every author credit, each checked against a first author its list gives', () => {
    const parsed = parseManuscript(text, review.file);
    const credited = parsed.citations.filter((c) => c.credited);
    expect(credited.map((c) => `${c.line} ${c.raw} ${c.credited?.text}`)).toEqual(review.credits);
    // Every "X等[n]" / "X 等人[n]" with a closed bracket in the text is among them.
    const body = text.slice(0, text.indexOf('# 参考文献'));
    const written = [...body.matchAll(/(?:[A-Za-z]+|\p{Script=Han}{2,3})\s?等人?\s?[[［]\d+[\]］]/gu)].map((m) => m.index + m[0].search(/[[［]/));
    // parseManuscript keeps each citation's offset in the text (credited-author's LocatedCitation).
    const creditedAt = new Set(credited.map((c) => (c as typeof c & { offset: number }).offset));
    expect(written.length).toBe(review.dengForms);
    expect(written.filter((offset) => !creditedAt.has(offset))).toEqual([]);
    // Each credit's entry has a first author (Kung's ［39] is beyond the list of 36).
    const authorOf = new Map(parsed.references?.map((e) => [e.number, e.firstAuthor]));
    const unchecked = credited.filter((c) => (c.numbers[0] ?? 0) <= (parsed.references?.length ?? 0) && !authorOf.get(c.numbers[0] ?? 0));
    expect(unchecked).toEqual([]);
  });

  it("reports only the file's real defects, and the manuscript's own counts", async () => {
    const report = await citeCheck(`test/fixtures/manuscripts/${review.file}`);
    expect(report.diagnostics.map(brief)).toEqual(review.findings);
    expect(report.summary.manuscript).toEqual(review.counts);
    expect(report.summary.records.read).toBe(0);
  });

  it('finds a wrong credit, two swapped numbers and a deleted entry put into a copy', async () => {
    const original = new Set((await citeCheck(`test/fixtures/manuscripts/${review.file}`)).diagnostics.map((d) => d.message));
    const mutated = deleteEntry(
      swapNumbers(replaceOnce(text, review.wrongCredit.from, review.wrongCredit.to), review.swap.a, review.swap.b),
      review.deletedEntry.line,
    );
    const path = join(scratch, review.file);
    writeFileSync(path, mutated);
    const found = (await citeCheck(path)).diagnostics.map((d) => d.message).filter((message) => !original.has(message));
    for (const expected of [review.wrongCredit.expected, ...review.swap.expected, ...review.deletedEntry.expected]) expect(found).toContain(expected);
  });
});
