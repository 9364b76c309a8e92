// Reads a hand-numbered manuscript: its in-text citations (every form the brief lists) and its reference list.
import { parsePersonName } from '../normalise/author.ts';
import type { CitationUse, ListedReference } from './types.ts';
import { LineIndex } from './line-index.ts';
import { appendAll } from '../arrays.ts';
import { findCreditedAuthors, type LocatedCitation } from './credited-author.ts';

export interface ParsedManuscript {
  citations: CitationUse[];
  /** Entries after a `参考文献` / `References` heading; undefined when the manuscript has none. */
  references: ListedReference[] | undefined;
}

const LIST_HEADING = /^\s*(?:#{1,6}\s*)?(?:参考文献|references|reference list|bibliography)\s*[:：]?\s*$/i;
// What a citation holds: digits, separators, dashes and spaces. The content is bounded: an
// unclosed "[1111…" must not make the scan quadratic.
const CITATION_CONTENT = String.raw`[0-9０-９\s,，、;；\-–—~～－]{1,300}`;
// A citation: "[3]", "［3］", "〔4〕", "<sup>2,3</sup>", pandoc's "^5^" (no spaces inside, as pandoc reads it).
const CITATION_GROUP = new RegExp(
  String.raw`[[［〔](${CITATION_CONTENT})[\]］〕]|<sup>(${CITATION_CONTENT})</sup>|\^([0-9０-９,，\-–—]{1,100})\^`,
  'gi',
);
const HAS_DIGIT = /[0-9０-９]/;
const MAX_CITATION_CHARS = 1_000;
// `[12]–[14]`: a range written across two bracket groups.
const RANGE_JOIN = /^\s*[-–—~～－]\s*$/;
// A LaTeX superscript that a PDF-to-Markdown conversion spaced out: "$ 2 . 6 \% ^ { [ 3 3 ] }$" cites 33.
const MATH_SUPERSCRIPT_BEFORE = /\^\s*\{\s*$/;
// "[1]", "[1].", "［1］", "〔1〕", "1." or "1、" at the start of a line.
const LIST_ENTRY = /^\s*(?:[[［〔]\s*([0-9０-９]+)\s*[\]］〕][.．、]?|([0-9０-９]+)[.．、])\s*(.*)$/;

export function parseManuscript(text: string, file: string): ParsedManuscript {
  const lines = text.split(/\r\n|\r|\n/);
  const headingIndex = lines.findIndex((line) => LIST_HEADING.test(line));
  const bodyLines = headingIndex < 0 ? lines : lines.slice(0, headingIndex);
  const body = bodyLines.join('\n');
  const citations = findCitations(body);
  for (const { citation, author } of findCreditedAuthors(body, citations)) citation.credited = author;
  const references = headingIndex < 0 ? undefined : readReferenceList(lines, headingIndex + 1, file);
  return { citations, references };
}

interface Group {
  start: number;
  end: number;
  content: string;
  /** An opening bracket never closed: "Yeh等[8对12例" (OCR lost the "]"). */
  unclosed?: boolean;
}

// A bracket, a number and straight on into Chinese text: a citation whose "]" was lost ("[8对12例", "[12仅可观察").
const UNCLOSED_CITATION = /[[［]([0-9０-９]{1,3})(?=\p{Script=Han})/gu;

/** Every citation in reading order; `[12]–[14]` joins into one citation. Offsets are kept for author matching. */
export function findCitations(body: string): LocatedCitation[] {
  const lines = new LineIndex(body);
  const groups: Group[] = [];
  for (const match of body.matchAll(CITATION_GROUP)) {
    let content = match[1] ?? match[2] ?? match[3] ?? '';
    if (!HAS_DIGIT.test(content)) continue;
    // Spaces mean nothing in math: "^ { [ 2 5 ] }" is 25.
    if (MATH_SUPERSCRIPT_BEFORE.test(body.slice(Math.max(0, match.index - 8), match.index))) content = content.replace(/\s+/g, '');
    groups.push({ start: match.index, end: match.index + match[0].length, content });
  }
  const unclosed = unclosedGroups(body);
  appendAll(groups, unclosed);
  if (unclosed.length > 0) groups.sort((a, b) => a.start - b.start);
  const citations: LocatedCitation[] = [];
  for (let i = 0; i < groups.length; i++) {
    const first = groups[i] as Group;
    let last = first;
    let content = first.content;
    const next = groups[i + 1];
    if (next && !first.unclosed && !next.unclosed && RANGE_JOIN.test(body.slice(first.end, next.start)) && isSingleNumber(first.content) && isSingleNumber(next.content)) {
      content = `${first.content.trim()}-${next.content.trim()}`;
      last = next;
      i++;
    }
    const parsed = parseCitationNumbers(content);
    const start = lines.positionOf(first.start);
    const end = lines.positionOf(last.end);
    const citation: LocatedCitation = {
      raw: body.slice(first.start, last.end),
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      numbers: parsed.numbers,
      keys: [],
      offset: first.start,
      endOffset: last.end,
    };
    if (parsed.malformed !== undefined) citation.malformed = parsed.malformed;
    // Its number still counts (as a malformed citation's readable parts do), so the numbering rules do not cascade.
    if (first.unclosed) citation.malformed = 'the bracket is never closed';
    citations.push(citation);
  }
  return citations;
}

/**
 * Brackets opened before a number and Chinese text and never closed: the next bracket after them
 * opens another ("Yeh等[8对12例…Harper等[27]") or none follows. "[1型糖尿病]" is closed, so it is
 * text, not a citation. Each scan stops at the next bracket, so the scans together read the body once.
 */
function unclosedGroups(body: string): Group[] {
  const groups: Group[] = [];
  for (const match of body.matchAll(UNCLOSED_CITATION)) {
    const end = match.index + match[0].length;
    let i = end;
    while (i < body.length && !BRACKETS.has(body.charAt(i))) i++;
    const closer = body.charAt(i);
    if (closer === ']' || closer === '］') continue;
    groups.push({ start: match.index, end, content: match[1] ?? '', unclosed: true });
  }
  return groups;
}

const BRACKETS: ReadonlySet<string> = new Set(['[', '［', ']', '］']);

function isSingleNumber(content: string): boolean {
  return /^\s*[0-9０-９]+\s*$/.test(content);
}

function toAscii(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/**
 * "3,7" → [3, 7]; "12-14" → [12, 13, 14]; "14–12" and "3,,4" are malformed. The readable parts of a
 * malformed citation are still returned: "[1,,2]" cites 1 and 2, and numbering checks count them.
 */
export function parseCitationNumbers(content: string): { numbers: number[]; malformed?: string } {
  // findCitations gives at most 300 characters; longer text is no citation, and is not split into a million parts.
  if (content.length > MAX_CITATION_CHARS) return { numbers: [], malformed: `it is ${content.length} characters long; a citation is a few numbers` };
  const normalised = toAscii(content).replace(/[，、;；]/g, ',').replace(/[–—~～－]/g, '-');
  const numbers: number[] = [];
  let malformed: string | undefined;
  for (const item of normalised.split(',')) {
    const problem = readCitationPart(item.trim(), numbers);
    malformed ??= problem;
  }
  return malformed === undefined ? { numbers } : { numbers, malformed };
}

/** Adds one part's numbers; returns why it cannot be read, if it cannot. */
function readCitationPart(part: string, numbers: number[]): string | undefined {
  if (part === '') return 'an empty item between separators';
  const range = /^(\d{1,6})\s*-\s*(\d{1,6})$/.exec(part);
  if (range) {
    const from = Number(range[1]);
    const to = Number(range[2]);
    if (from > to) return `the range ${from}–${to} runs backwards`;
    if (to - from > 500) return `the range ${from}–${to} is implausibly long`;
    for (let n = from; n <= to; n++) numbers.push(n);
    return undefined;
  }
  if (/^\d{1,6}$/.test(part)) {
    numbers.push(Number(part));
    return undefined;
  }
  return `'${part.replace(/\s+/g, ' ')}' is not a number or a range`;
}

function readReferenceList(lines: readonly string[], from: number, file: string): ListedReference[] {
  const entries: ListedReference[] = [];
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const match = LIST_ENTRY.exec(line);
    const last = entries[entries.length - 1];
    // "n." is a new entry only where it continues the numbering, or skips a few numbers before a name
    // (an entry deleted: "1. …", "3. Illei GG …"); "2010. 62(2):542" wraps the last one.
    const plainNumber = match && match[1] === undefined ? Number(toAscii(match[2] ?? '')) : undefined;
    const continues = (n: number, from: number, rest: string): boolean => n === from + 1 || (n > from && n <= from + MAX_SKIPPED_ENTRIES && /^\p{L}/u.test(rest));
    if (!match || (plainNumber !== undefined && last !== undefined && !continues(plainNumber, last.number, match[3] ?? ''))) {
      // A wrapped entry continues on the next line.
      if (last && line.trim()) last.text = `${last.text} ${line.trim()}`;
      continue;
    }
    const number = Number(toAscii(match[1] ?? match[2] ?? ''));
    const column = line.search(/\S/) + 1;
    const entry: ListedReference = { number, text: (match[3] ?? '').trim(), line: i + 1, column, file };
    entries.push(entry);
  }
  for (const entry of entries) {
    const author = firstAuthorOfEntry(entry.text);
    if (author) entry.firstAuthor = author;
  }
  return entries;
}

/**
 * The first author of a formatted entry: the text before the first comma or full stop
 * ("ILLEI G G, SHIROTA Y, …", "Illei GG, Shirota Y. …", "陈建锋, 等. …", "陈竺．健康中国 …").
 */
export function firstAuthorOfEntry(text: string): ListedReference['firstAuthor'] {
  // A full stop before a lower-case letter is inside a word ("ClinicalTrials.gov"), not after a name.
  // Only the entry's start is read: a name is short, and a repeated group over a 10 MB entry would overflow the regexp stack.
  const head = /^((?:[^,.，。．;；、]|\.(?=[a-z]))+)/.exec(text.trimStart().slice(0, MAX_AUTHOR_CHARS + 1))?.[1]?.trim();
  if (!head || head.length > MAX_AUTHOR_CHARS) return undefined;
  // A Chinese name is two to four characters; a longer run is a title or an organisation ("中国互联网络发展状况统计报告").
  if (/^\p{Script=Han}+$/u.test(head) && head.length > 4) return undefined;
  const name = head
    // GB/T 7714 writes Latin family names in capitals: "ILLEI G G" → "Illei G G".
    .replace(/^([A-Z][A-Z'’-]+)(?=\s)/, (family) => family[0] + family.slice(1).toLowerCase())
    // OCR runs family name and initials together: "RantyML" → "Ranty ML".
    .replace(/^([A-Z][a-z]+)([A-Z]{1,3})$/, '$1 $2');
  const parsed = parsePersonName(name);
  return parsed.ok ? parsed.value : undefined;
}

/** How many numbers an `n.` entry may skip and still start an entry (more is a wrapped line such as "2010. 62(2)"). */
const MAX_SKIPPED_ENTRIES = 5;

/** Longer than this, the text before the first comma is not one person's name. */
const MAX_AUTHOR_CHARS = 60;
