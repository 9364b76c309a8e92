// Fills lines greedily from words (cutting CJK text where it allows) and turns a line into positioned glyph runs.
import { ReviewError } from '../../errors.ts';
import type { GlyphRun, GlyphSink, Metrics, Rgb } from './canvas.ts';
import type { FaceName } from '../fonts.ts';
import type { Align, TextStyle } from './style.ts';
import { canBreakBetween, splitWord, stretchesBetween, type Part, type Split, type Word } from './words.ts';

/** Words [start, end) on one line; `width` is their natural width in points; `last` ends a paragraph or a forced break. */
export interface LineBox {
  start: number;
  end: number;
  width: number;
  last: boolean;
}

/** A link's clickable box on a page, top-left origin, in points. */
export interface LinkBox {
  x: number;
  y: number;
  width: number;
  height: number;
  href: string;
}

/** Available width of the first line and of the others (first-line or hanging indents). */
export interface LineWidths {
  first: number;
  rest: number;
}

/** Words as set (cut where lines break) and the lines they fill. */
export interface Paragraph {
  words: Word[];
  lines: LineBox[];
}

const EPSILON = 0.01;

/**
 * Greedy line filling: each line takes words while they fit; a word that does not fit is cut at its last break
 * opportunity that does (CJK text breaks between characters, never before closing punctuation). A word wider than a
 * whole line is cut between characters rather than left to overflow the column.
 */
export function breakLines(input: readonly Word[], widths: LineWidths, metrics: Metrics): Paragraph {
  const filler = new LineFiller(widths, metrics);
  for (const word of input) filler.place(word);
  filler.end();
  return { words: filler.words, lines: filler.lines };
}

class LineFiller {
  readonly words: Word[] = [];
  readonly lines: LineBox[] = [];
  private start = 0;
  private width = 0;
  private readonly widths: LineWidths;
  private readonly metrics: Metrics;

  constructor(widths: LineWidths, metrics: Metrics) {
    this.widths = widths;
    this.metrics = metrics;
  }

  place(word: Word): void {
    let pending = word;
    for (;;) {
      const available = this.lines.length === 0 ? this.widths.first : this.widths.rest;
      const empty = this.words.length === this.start;
      const used = empty ? 0 : this.width + ((this.words[this.words.length - 1] as Word).glue?.width ?? 0);
      if (used + pending.width <= available + EPSILON) {
        this.words.push(pending);
        this.width = used + pending.width;
        break;
      }
      let split: Split | null = pending.breakable ? splitWord(pending, available - used, this.metrics, 'fit') : null;
      if (split === null && empty) split = this.emergency(pending, available);
      if (split !== null) {
        this.words.push(split.head);
        this.width = used + split.head.width;
        this.close(false);
        pending = split.tail;
        continue;
      }
      if (empty) {
        // A single character wider than the line: nothing else to do but set it.
        this.words.push(pending);
        this.width = pending.width;
        break;
      }
      this.close(false);
    }
    if (pending.forced) this.close(true);
  }

  end(): void {
    if (this.start < this.words.length) this.close(true);
  }

  // Nothing fits on an empty line: cut at the first break opportunity if that fits, else hyphenate, else between characters.
  private emergency(word: Word, available: number): Split | null {
    const first = word.breakable ? splitWord(word, available, this.metrics, 'first') : null;
    if (first !== null && first.head.width <= available + EPSILON) return first;
    return splitWord(word, available, this.metrics, 'hyphen') ?? splitWord(word, available, this.metrics, 'chars');
  }

  private close(last: boolean): void {
    this.lines.push({ start: this.start, end: this.words.length, width: this.width, last });
    this.start = this.words.length;
    this.width = 0;
  }
}

/**
 * Moves the last break of a paragraph one opportunity earlier when its last line would hold a single character and its
 * punctuation, so a paragraph does not end on one lonely character; the line above is then justified a little looser.
 */
export function avoidRunt(paragraph: Paragraph, metrics: Metrics): void {
  const { words, lines } = paragraph;
  const last = lines[lines.length - 1];
  const previous = lines[lines.length - 2];
  if (last === undefined || previous === undefined || previous.last) return;
  if (charCount(words, last) > 2) return;
  const index = previous.end - 1;
  const word = words[index] as Word;
  if (!word.breakable || word.glue !== null) return;
  // Any room short of the whole word: the cut lands at its last break opportunity.
  const split = splitWord(word, word.width - 0.5, metrics, 'fit');
  if (split === null || split.head.width < word.width / 2) return;
  words.splice(index, 1, split.head, split.tail);
  previous.width -= split.tail.width;
  last.start = previous.end;
  last.end += 1;
  last.width = widthOf(words, last.start, last.end);
}

function charCount(words: readonly Word[], line: LineBox): number {
  let count = 0;
  for (let i = line.start; i < line.end; i++) for (const part of (words[i] as Word).parts) count += part.text.length;
  return count;
}

function widthOf(words: readonly Word[], start: number, end: number): number {
  let width = 0;
  for (let i = start; i < end; i++) {
    const word = words[i] as Word;
    width += word.width;
    if (i < end - 1 && word.glue !== null) width += word.glue.width;
  }
  return width;
}

/** Where and how to set one line. */
export interface LineSetting {
  x: number;
  baseline: number;
  /** Available width; justified lines fill it. */
  width: number;
  align: Align;
  /** The block's size: justification never opens gaps wider than about half of it. */
  size: number;
}

// A piece of a line between two places justification may widen; `stretch` says the place after it may widen.
interface Piece {
  part: Part;
  stretch: boolean;
}

/** Glyph runs and link boxes of a line. */
export interface LineOutput {
  runs: GlyphRun[];
  links: LinkBox[];
}

/** Positions a line's words as glyph runs, one per change of style; justified lines spread the slack between them. */
export function composeLine(paragraph: Paragraph, line: LineBox, setting: LineSetting, metrics: Metrics): LineOutput {
  const runs = new RunCollector();
  const links: LinkBox[] = [];
  composeLineInto(paragraph, line, setting, metrics, runs, links);
  return { runs: runs.runs, links };
}

/** Keeps what a sink is given as GlyphRun objects; unjustified text stays in the pieces it came in. */
export class RunCollector implements GlyphSink {
  readonly runs: (GlyphRun & { segments: string[] })[] = [];

  startRun(face: FaceName, size: number, color: Rgb, oblique: boolean, x: number, baseline: number, gap: number): void {
    this.runs.push({ face, size, x, baseline, oblique, color, segments: [], gap });
  }

  addText(text: string, newSegment: boolean): void {
    const run = this.runs[this.runs.length - 1];
    if (run === undefined) throw new ReviewError('INTERNAL', 'PDF text added outside a run');
    const segments = run.segments;
    if (newSegment || run.gap === 0 || segments.length === 0) segments.push(text);
    else segments[segments.length - 1] += text;
  }
}

/**
 * As composeLine, writing the runs to `sink` (the canvas, when drawing) and appending link boxes to `links`: a table
 * row's cells go into one text object.
 */
export function composeLineInto(paragraph: Paragraph, line: LineBox, setting: LineSetting, metrics: Metrics, sink: GlyphSink, links: LinkBox[]): void {
  const slack = setting.width - line.width;
  let x = setting.x;
  if (setting.align === 'justify' && !line.last && slack > 0) {
    const pieces = justifiable(paragraph.words, line, metrics);
    let stretches = 0;
    for (let i = 0; i < pieces.length - 1; i++) if ((pieces[i] as Piece).stretch) stretches++;
    const gap = stretches > 0 ? slack / stretches : 0;
    if (gap > 0 && gap <= setting.size * 0.5) {
      placePieces(pieces, newState(sink, links, x, setting.baseline, gap), gap);
      return;
    }
  } else if (setting.align === 'center') {
    x += slack / 2;
  } else if (setting.align === 'right') {
    x += slack;
  }
  const state = newState(sink, links, x, setting.baseline, 0);
  for (let i = line.start; i < line.end; i++) {
    const word = paragraph.words[i] as Word;
    for (const part of word.parts) place(state, part, false);
    if (i < line.end - 1 && word.glue !== null) place(state, word.glue, false);
  }
}

// Cuts the line's text at every place justification may widen: spaces, and break opportunities next to CJK.
function justifiable(words: readonly Word[], line: LineBox, metrics: Metrics): Piece[] {
  const pieces: Piece[] = [];
  for (let w = line.start; w < line.end; w++) {
    const word = words[w] as Word;
    let previous = -1;
    let run = 0;
    for (const part of word.parts) {
      const text = part.text;
      let from = 0;
      let width = 0;
      for (let i = 0; i < text.length; i++) {
        const cp = text.codePointAt(i) as number;
        if (previous >= 0 && canBreakBetween(previous, cp, run)) {
          run = 0;
          if (stretchesBetween(previous, cp)) {
            if (i > from) pieces.push({ part: { text: text.slice(from, i), style: part.style, width }, stretch: true });
            else if (pieces.length > 0) (pieces[pieces.length - 1] as Piece).stretch = true;
            from = i;
            width = 0;
          }
        }
        width += metrics.advance(part.style.face, cp) * part.style.size;
        run++;
        previous = cp;
        if (cp > 0xffff) i++;
      }
      if (from < text.length) pieces.push({ part: { text: text.slice(from), style: part.style, width }, stretch: false });
    }
    if (w < line.end - 1) {
      if (word.glue !== null) pieces.push({ part: word.glue, stretch: false });
      if (word.stretch && pieces.length > 0) (pieces[pieces.length - 1] as Piece).stretch = true;
    }
  }
  return pieces;
}

function placePieces(pieces: readonly Piece[], state: ComposeState, gap: number): void {
  let widen = false;
  for (const piece of pieces) {
    place(state, piece.part, widen);
    if (piece.stretch) state.x += gap;
    widen = piece.stretch;
  }
}

interface ComposeState {
  sink: GlyphSink;
  links: LinkBox[];
  /** The style of the line's current run; null before its first. */
  style: TextStyle | null;
  x: number;
  gap: number;
  baseline: number;
}

function newState(sink: GlyphSink, links: LinkBox[], x: number, baseline: number, gap: number): ComposeState {
  return { sink, links, style: null, x, gap, baseline };
}

// Adds a part to the current run when the style is unchanged (as a new segment after a justification gap).
function place(state: ComposeState, part: Part, newSegment: boolean): void {
  const style = part.style;
  if (state.style === style) {
    state.sink.addText(part.text, newSegment);
  } else {
    state.sink.startRun(style.face, style.size, style.color, style.oblique, state.x, state.baseline - style.rise, state.gap);
    state.sink.addText(part.text, false);
    state.style = style;
  }
  if (style.href !== null) addLink(state.links, part, state.x, state.baseline);
  state.x += part.width;
}

// Neighbouring parts of one link on a line make one box.
function addLink(links: LinkBox[], part: Part, x: number, baseline: number): void {
  const href = part.style.href as string;
  const last = links[links.length - 1];
  const size = part.style.size;
  const top = baseline - part.style.rise - size * 0.95;
  if (last !== undefined && last.href === href && Math.abs(last.x + last.width - x) < size) {
    last.width = x + part.width - last.x;
    return;
  }
  links.push({ x, y: top, width: part.width, height: size * 1.2, href });
}
