// A template's prose as paragraphs and sentences (Chinese and English), each with the helper calls it holds and a map back to template positions.
import { literalHash, type TemplateTree } from '../render/handlebars.ts';

type Node = hbs.AST.Node;

/** A helper call as it stands in a sentence: `offset` is where its placeholder sits in the sentence's text. */
export interface ProseCall {
  name: string;
  strings: readonly string[];
  hash: Readonly<Record<string, string>>;
  /** 1-based template position of the call's `{{`. */
  line: number;
  column: number;
  offset: number;
}

/** A 1-based line and column in the template. */
export interface TemplatePosition {
  line: number;
  column: number;
}

/** One sentence: its text with each helper call as one U+FFFC character, and the calls in order. */
export interface Sentence {
  text: string;
  calls: readonly ProseCall[];
  /** The template position of a 0-based offset into `text`. */
  positionOf(offset: number): TemplatePosition;
}

export interface Paragraph {
  sentences: readonly Sentence[];
}

/** The prose of one template file. */
export interface ProseStructure {
  file: string;
  paragraphs: readonly Paragraph[];
}

/** Stands in a sentence's text for a helper call: no word pattern matches it, so a call never reads as a word. */
export const CALL_MARK = '\uFFFC';

/** Elements that end a paragraph; every other tag is inline and read through. */
const BLOCK_TAGS = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'section', 'header', 'footer', 'div', 'table', 'tr',
  'td', 'th', 'caption', 'blockquote', 'figure', 'figcaption', 'br', 'hr', 'article', 'aside', 'main', 'nav',
]);

/** Words after which an English full stop does not end a sentence. */
const ABBREVIATIONS = new Set(['al', 'e.g', 'i.e', 'vs', 'etc', 'fig', 'figs', 'no', 'dr', 'approx', 'ca', 'cf', 'ref', 'refs']);

/** A tag is read only this far; past it a `<` is text (a stray `<` must not swallow a paragraph). */
const MAX_TAG_LENGTH = 200;

/** Anchors map a run of text to its template start; the run holds no line break, so a column is an offset away. */
interface Anchor {
  offset: number;
  line: number;
  column: number;
}

class SentenceBuilder {
  text = '';
  calls: ProseCall[] = [];
  anchors: Anchor[] = [];

  get empty(): boolean {
    return this.text.trim() === '' && this.calls.length === 0;
  }

  addText(value: string, line: number, column: number): void {
    this.anchors.push({ offset: this.text.length, line, column });
    this.text += value;
  }

  addCall(call: Omit<ProseCall, 'offset'>): void {
    this.anchors.push({ offset: this.text.length, line: call.line, column: call.column });
    this.calls.push({ ...call, offset: this.text.length });
    this.text += CALL_MARK;
  }

  build(): Sentence {
    const { text, calls } = this;
    const anchors = this.anchors;
    return {
      text,
      calls,
      positionOf(offset: number): TemplatePosition {
        let low = 0;
        let high = anchors.length - 1;
        while (low < high) {
          const mid = (low + high + 1) >> 1;
          if ((anchors[mid]?.offset ?? 0) <= offset) low = mid;
          else high = mid - 1;
        }
        const anchor = anchors[low] ?? { offset: 0, line: 1, column: 1 };
        return { line: anchor.line, column: anchor.column + offset - anchor.offset };
      },
    };
  }
}

/**
 * Splits a parsed template into paragraphs (ended by block elements such as `<p>` and `<h2>`) and sentences
 * (ended by 。！？ or an English `.`, `!`, `?` before a space). Comments are left out; partials, blocks and
 * sub-expressions are read in place. The walk is linear in the template's size and its depth is the tree's.
 */
export function proseOf(program: TemplateTree, file: string): ProseStructure {
  const paragraphs: Paragraph[] = [];
  let sentences: Sentence[] = [];
  let current = new SentenceBuilder();

  const endSentence = (): void => {
    if (!current.empty) sentences.push(current.build());
    current = new SentenceBuilder();
  };
  const endParagraph = (): void => {
    endSentence();
    if (sentences.length > 0) paragraphs.push({ sentences });
    sentences = [];
  };

  const addContent = (value: string, startLine: number, startColumn: number): void => {
    let line = startLine;
    let column = startColumn;
    let runStart = 0;
    let runLine = line;
    let runColumn = column;
    const flush = (end: number): void => {
      if (end > runStart) current.addText(value.slice(runStart, end), runLine, runColumn);
    };
    for (let i = 0; i < value.length; i++) {
      const ch = value[i] as string;
      if (ch === '<') {
        const close = value.indexOf('>', i + 1);
        if (close > i && close - i <= MAX_TAG_LENGTH && /^<\/?[A-Za-z!]/.test(value.slice(i, i + 3))) {
          flush(i);
          const tag = value.slice(i, close + 1);
          const name = /^<\/?([A-Za-z][A-Za-z0-9]*)/.exec(tag)?.[1]?.toLowerCase();
          if (name && BLOCK_TAGS.has(name)) endParagraph();
          for (const c of tag) {
            if (c === '\n') (line += 1), (column = 1);
            else column += c.length;
          }
          i = close;
          runStart = close + 1;
          runLine = line;
          runColumn = column;
          continue;
        }
      }
      if (ch === '\n') {
        flush(i + 1);
        line += 1;
        column = 1;
        runStart = i + 1;
        runLine = line;
        runColumn = column;
        continue;
      }
      column += 1;
      // "2. RA": a section number's stop does not end a sentence.
      if (endsSentence(value, i) && !isSectionNumber(current.text, value, runStart, i)) {
        // Closing quotes and brackets stay with the sentence they close.
        let end = i + 1;
        while (end < value.length && /[”’」』）)"']/.test(value[end] as string)) (end += 1), (column += 1);
        flush(end);
        endSentence();
        i = end - 1;
        runStart = end;
        runLine = line;
        runColumn = column;
      }
    }
    flush(value.length);
  };

  const visit = (node: Node | undefined | null): void => {
    if (!node) return;
    switch (node.type) {
      case 'Program':
        for (const child of (node as hbs.AST.Program).body) visit(child);
        return;
      case 'ContentStatement': {
        const content = node as hbs.AST.ContentStatement;
        addContent(content.value, content.loc.start.line, content.loc.start.column + 1);
        return;
      }
      case 'MustacheStatement':
      case 'SubExpression': {
        const call = node as hbs.AST.MustacheStatement;
        if (call.path.type !== 'PathExpression') return;
        current.addCall({
          name: (call.path as hbs.AST.PathExpression).original,
          strings: call.params.filter((p): p is hbs.AST.StringLiteral => p.type === 'StringLiteral').map((p) => p.value),
          hash: literalHash(call.hash),
          line: node.loc.start.line,
          column: node.loc.start.column + 1,
        });
        return;
      }
      case 'BlockStatement': {
        const block = node as hbs.AST.BlockStatement;
        visit(block.program);
        visit(block.inverse);
        return;
      }
      default:
        return;
    }
  };
  visit(program);
  endParagraph();
  return { file, paragraphs };
}

/** Whether the sentence so far is only a number such as "2" or "3.1" (looked at only while it is short). */
function isSectionNumber(before: string, value: string, runStart: number, at: number): boolean {
  if (before.length + at - runStart > 16) return false;
  return /^[\d.]+$/.test((before + value.slice(runStart, at)).trim());
}

/** Whether the character at `i` ends a sentence: 。！？ always; `.`, `!`, `?` before a space or the end, not after an abbreviation or inside a number. */
function endsSentence(text: string, i: number): boolean {
  const ch = text[i];
  if (ch === '。' || ch === '！' || ch === '？') return true;
  if (ch !== '.' && ch !== '!' && ch !== '?') return false;
  const next = text[i + 1];
  if (next !== undefined && !/\s/.test(next)) return false;
  if (ch !== '.') return true;
  // The word before the stop: "et al." and "e.g." do not end a sentence, nor does a single capital ("Smith J.").
  let start = i;
  while (start > 0 && /[A-Za-z.]/.test(text[start - 1] as string) && i - start < 12) start -= 1;
  const word = text.slice(start, i).toLowerCase();
  if (ABBREVIATIONS.has(word)) return false;
  if (/^[a-z]$/i.test(word) && text[start] === text[start]?.toUpperCase()) return false;
  return true;
}
