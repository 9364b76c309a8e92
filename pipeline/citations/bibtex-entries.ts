// Splits a BibTeX file into its entries with their lines, so one unreadable entry costs only itself, and bounds @string expansion.

/** One `@type{…}` or `@type(…)` block as written. */
export interface BibtexEntry {
  /** Lower-case entry type: `article`, `string`, `comment` … */
  type: string;
  /** The citation key; undefined when the entry has none (EndNote writes `@article{` with no key). */
  key: string | undefined;
  text: string;
  line: number;
  /** Lower-case key of the entry it inherits from (`crossref = {…}`). */
  crossref: string | undefined;
  /** Bare words in field values: the @string macros it uses. */
  macros: string[];
}

export interface BibtexFile {
  entries: BibtexEntry[];
  /** @string definitions by lower-case name, with their expanded length. */
  strings: Map<string, { entry: BibtexEntry; length: number }>;
  problems: string[];
  /** Entries whose end was not found (each reported in `problems`). */
  unclosed: number;
}

/** The longest text one @string or one entry may expand to; "Invalid string length" comes far later. */
export const MAX_EXPANDED_CHARS = 1_000_000;
// Characters BibTeX does not allow in a bare word (macro name or number).
const WORD_BREAK = /[\s"#%'(),={}]/;
const ENTRY_START = /@[ \t]*([A-Za-z][\w-]*)[ \t\r\n]*([{(])/y;
// A line starting a new entry: where an unclosed entry is taken to end.
const LINE_ENTRY_START = /^[ \t]*@[ \t]*[A-Za-z][\w-]*[ \t]*[{(]/;

/** Scans a BibTeX file: text outside entries is a comment, as BibTeX reads it. */
export function scanBibtex(text: string): BibtexFile {
  const entries: BibtexEntry[] = [];
  const problems: string[] = [];
  let unclosed = 0;
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  let at = text.indexOf('@');
  while (at >= 0) {
    ENTRY_START.lastIndex = at;
    const head = ENTRY_START.exec(text);
    if (!head) {
      at = text.indexOf('@', at + 1);
      continue;
    }
    const type = (head[1] as string).toLowerCase();
    const bodyStart = ENTRY_START.lastIndex;
    const line = lineOf(at);
    const end = closingOf(text, bodyStart, head[2] === '(' ? ')' : '}', lineStarts, lineOf(bodyStart));
    if (end.at < 0) {
      problems.push(`line ${line}: @${type} entry is not closed (a '${head[2] === '(' ? ')' : '}'}' is missing); it is left out`);
      if (type !== 'comment' && type !== 'preamble' && type !== 'string') unclosed++;
      at = end.resume < 0 ? -1 : text.indexOf('@', end.resume);
      continue;
    }
    const entryText = text.slice(at, end.at + 1);
    if (type !== 'comment' && type !== 'preamble') entries.push(describe(type, entryText, text.slice(bodyStart, end.at), line));
    at = text.indexOf('@', end.at + 1);
  }
  return { entries: entries.filter((e) => e.type !== 'string'), strings: expandStrings(entries, problems), problems, unclosed };
}

/**
 * Where the block closes: the delimiter at brace depth 0, outside a quoted value. When a line
 * starting a new entry comes first, the block is unclosed and scanning resumes there, so one
 * missing brace does not swallow the rest of the file.
 */
function closingOf(text: string, from: number, close: string, lineStarts: number[], firstLine: number): { at: number; resume: number } {
  let depth = 0;
  let quoted = false;
  let nextLine = firstLine;
  for (let i = from; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') {
      const start = lineStarts[nextLine];
      nextLine++;
      if (start !== undefined && LINE_ENTRY_START.test(text.slice(start, start + 80)) && (depth > 0 || quoted)) {
        return { at: -1, resume: start };
      }
    } else if (ch === '{') depth++;
    else if (ch === '}') {
      if (depth === 0 && close === '}') return { at: i, resume: -1 };
      depth = Math.max(0, depth - 1);
    } else if (ch === '"' && depth === 0) quoted = !quoted;
    else if (ch === close && depth === 0 && !quoted) return { at: i, resume: -1 };
  }
  return { at: -1, resume: -1 };
}

function describe(type: string, text: string, body: string, line: number): BibtexEntry {
  const comma = body.indexOf(',');
  const head = comma < 0 ? body : body.slice(0, comma);
  // `@article{ author = …`: EndNote's keyless entries; the text before the first comma is a field, not a key.
  const key = type === 'string' || head.includes('=') || head.trim() === '' ? undefined : head.trim();
  const macros: string[] = [];
  let crossref: string | undefined;
  // Bare words after '=' or '#', at brace depth 0 and outside quotes, are macro uses (or numbers).
  let depth = 0;
  let quoted = false;
  let expectValue = false;
  const start = type === 'string' || key === undefined ? 0 : comma + 1;
  for (let i = start; i < body.length; i++) {
    const ch = body[i] as string;
    if (ch === '{') depth++;
    else if (ch === '}') depth = Math.max(0, depth - 1);
    else if (ch === '"' && depth === 0) quoted = !quoted;
    else if (depth === 0 && !quoted) {
      if (ch === '=' || ch === '#') expectValue = true;
      else if (ch === ',') expectValue = false;
      else if (expectValue && !WORD_BREAK.test(ch)) {
        let j = i;
        while (j < body.length && !WORD_BREAK.test(body[j] as string)) j++;
        const word = body.slice(i, j);
        if (!/^\d+$/.test(word)) macros.push(word.toLowerCase());
        i = j - 1;
        expectValue = false;
      }
    }
  }
  const found = /(?:^|[\s,])crossref\s*=\s*[{"]\s*([^}"]+?)\s*[}"]/i.exec(body);
  if (found) crossref = (found[1] as string).toLowerCase();
  return { type, key, text, line, crossref, macros };
}

/**
 * The expanded length of each @string, from the lengths of its literal parts and of the macros it
 * uses (defined before it, as BibTeX requires). A definition past MAX_EXPANDED_CHARS is reported
 * and dropped: `@string{b = a # a # a …}` doubling a few times is 10^8 characters.
 */
function expandStrings(entries: readonly BibtexEntry[], problems: string[]): Map<string, { entry: BibtexEntry; length: number }> {
  const strings = new Map<string, { entry: BibtexEntry; length: number }>();
  for (const entry of entries) {
    if (entry.type !== 'string') continue;
    const name = /^@[^{(]*[{(]\s*([^\s=#{}"]+)\s*=/.exec(entry.text)?.[1]?.toLowerCase();
    if (!name) {
      problems.push(`line ${entry.line}: @string has no 'name = value'; it is left out`);
      continue;
    }
    const length = expandedLength(entry, strings);
    // One left out stays too long for every @string and entry that uses it.
    if (length > MAX_EXPANDED_CHARS) problems.push(`line ${entry.line}: @string ${name} expands to more than ${MAX_EXPANDED_CHARS.toLocaleString('en')} characters; it is left out`);
    strings.set(name, { entry, length: length > MAX_EXPANDED_CHARS ? Infinity : length });
  }
  return strings;
}

/** The text's own length plus what its macros add: an upper bound of what citation-js will build. */
export function expandedLength(entry: BibtexEntry, strings: ReadonlyMap<string, { length: number }>): number {
  let length = entry.text.length;
  for (const macro of entry.macros) {
    length += strings.get(macro)?.length ?? 0;
    if (length > MAX_EXPANDED_CHARS) return length;
  }
  return length;
}
