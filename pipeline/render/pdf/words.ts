// Cuts styled text into words at spaces, and finds the break opportunities inside them (CJK, kinsoku, long compounds).
import type { Metrics } from './canvas.ts';
import { standInFor } from '../fonts.ts';
import type { TextStyle } from './style.ts';
import { getOrInsert } from '../../memo.ts';
import { breakOpportunities, hyphenationPoints } from './breaks.ts';

/** Text in one style; the text `\n` alone is a forced line break. */
export interface StyledText {
  text: string;
  style: TextStyle;
}

/** A piece of a word in one style; `width` in points. */
export interface Part {
  text: string;
  style: TextStyle;
  width: number;
}

/**
 * Text between two spaces, in one or more styles. Chinese has no spaces, so a word may be a whole clause: `breakable`
 * says a line may break inside it (see canBreakBetween), which the line filler looks at only when the word does not
 * fit. `glue` is the space that follows it (dropped at a line end); `forced` ends the line after it; `stretch` says
 * justification may widen the gap after it.
 */
export interface Word {
  /** Never changed once the word is made: words of the same text may share them. */
  parts: readonly Part[];
  width: number;
  glue: Part | null;
  forced: boolean;
  breakable: boolean;
  stretch: boolean;
}

// Never at the start of a line (closing brackets, pauses, stops, postfix units) — simplified from JIS X 4051 / GB/T 15834.
const NO_BREAK_BEFORE = '，。、；：？！）】」』》〉〕〗〙〛’”…‥·・﹐﹑﹒﹔﹕﹖﹗）］｝｠、．％‰℃°々ー〜～,.;:?!)]}%';
// Never at the end of a line (opening brackets and quotes).
const NO_BREAK_AFTER = '（【「『《〈〔〖〘〚‘“·・（［｛｟([{';
// A line may break after these inside a Latin word (DOIs, ranges, compounds) when a letter or digit follows.
const BREAK_AFTER_IN_WORD = '/-–—';
// Pairs that read as one mark: the Chinese dash ——, the ellipsis ……
const DOUBLED = '—…';

const CJK = 1;
const CLOSE = 2;
const OPEN = 4;
const IN_WORD = 8;
const ALNUM = 16;
const PAIRED = 32;

/** Ideographs, kana, hangul, CJK punctuation and full-width forms: a line may break on either side of them. */
export function isCjk(cp: number): boolean {
  return (
    (cp >= 0x2e80 && cp <= 0x2fdf) ||
    (cp >= 0x3000 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa960 && cp <= 0xa97f) ||
    (cp >= 0xac00 && cp <= 0xd7af) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xffef) ||
    (cp >= 0x20000 && cp <= 0x3ffff)
  );
}

function isAlnum(cp: number): boolean {
  return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0xc0 && cp <= 0x24f);
}

// One table lookup per character instead of a handful of range tests and set look-ups: this loop runs for every
// character of a 10,000-row table. Each entry is worked out the first time its character is seen (KNOWN marks it):
// classifying all 65,536 code points when the module loaded took ~60 ms of every build.
const FLAGS = new Uint8Array(0x10000);
const KNOWN = 128;
const MARKED: readonly [string, number][] = [
  [NO_BREAK_BEFORE, CLOSE],
  [NO_BREAK_AFTER, OPEN],
  [BREAK_AFTER_IN_WORD, IN_WORD],
  [DOUBLED, PAIRED],
];

function classify(cp: number): number {
  let flags = (isCjk(cp) ? CJK : 0) | (isAlnum(cp) ? ALNUM : 0);
  const char = String.fromCodePoint(cp);
  for (const [chars, flag] of MARKED) if (chars.includes(char)) flags |= flag;
  return flags;
}

function flagsOf(cp: number): number {
  if (cp < 0) return 0;
  if (cp >= 0x10000) return cp <= 0x3ffff && cp >= 0x20000 ? CJK : 0;
  let flags = FLAGS[cp] as number;
  if (flags === 0) {
    flags = classify(cp) | KNOWN;
    FLAGS[cp] = flags;
  }
  return flags & ~KNOWN;
}

/** Closing punctuation, which stays with the character before it. */
export function isClosing(cp: number): boolean {
  return (flagsOf(cp) & CLOSE) !== 0;
}

/** Opening punctuation, which stays with the character after it. */
export function isOpening(cp: number): boolean {
  return (flagsOf(cp) & OPEN) !== 0;
}

/** Whether a line may break between two adjacent non-space characters; `run` counts the characters since the last break. */
export function canBreakBetween(before: number, after: number, run: number): boolean {
  const a = flagsOf(before);
  const b = flagsOf(after);
  if (b & CLOSE || a & OPEN) return false;
  // A no-break space glues its neighbours (a number and its unit).
  if (before === 0xa0 || after === 0xa0) return false;
  if (before === after && a & PAIRED) return false;
  if ((a | b) & CJK) return true;
  // Not inside short words: mg/kg, IL-6 and RA-ILD stay whole; CTD-ILD and DOIs may break.
  return (a & IN_WORD) !== 0 && (b & ALNUM) !== 0 && run >= 4;
}

/** Whether justification may widen a break between these characters: CJK is set inter-character, Latin only at spaces. */
export function stretchesBetween(before: number, after: number): boolean {
  return ((flagsOf(before) | flagsOf(after)) & CJK) !== 0;
}

function isCollapsible(cp: number): boolean {
  return cp === 0x20 || cp === 0x0a || cp === 0x09 || cp === 0x0d || cp === 0x0c;
}

// Invisible characters with no glyph to draw: soft hyphen, BOM, zero-width joiners.
function isIgnorable(cp: number): boolean {
  return cp === 0xad || cp === 0xfeff || cp === 0x200c || cp === 0x200d || cp === 0x2060;
}

const ZERO_WIDTH_SPACE = 0x200b;

/**
 * Cuts text into words. White space collapses as in HTML (leading and trailing space is dropped); a line break in the
 * source between two CJK characters vanishes, as CSS Text 3 says. Words seen before are set from `shapes` (by
 * default the metrics' own book); with null every character is visited.
 */
export function toWords(items: readonly StyledText[], metrics: Metrics, shapes: ShapeBook | null = shapeBookOf(metrics)): Word[] {
  return runsToWords(items, styleOfItem, metrics, shapes);
}

const styleOfItem = (item: StyledText): TextStyle => item.style;

/** As toWords, for runs whose style is worked out as they are read: a long table makes no list of styled text. */
export function runsToWords<Run extends { readonly text: string }>(
  runs: readonly Run[],
  styleOf: (run: Run) => TextStyle,
  metrics: Metrics,
  shapes: ShapeBook | null = shapeBookOf(metrics),
): Word[] {
  const builder = new WordBuilder(metrics, shapes);
  for (const run of runs) builder.add(bindUnits(run.text), styleOf(run));
  builder.finish(null);
  return builder.words;
}

// A number and the unit after it (8 mg, 30 个月, 96 weeks) never part at a line end: the space between them becomes a
// no-break space, which is part of the word.
const UNIT_SPACE = /(\d) (?=(?:mg|kg|g|mL|ml|L|dL|μg|µg|mmHg|IU|weeks?|months?|years?|days?|hours?|h|min|mo|wk)(?![A-Za-z])|个月|周|年|天|例|次|分)/g;
const MAYBE_UNIT = /\d /;

/** `text` with the space between each number and its unit made unbreakable. */
export function bindUnits(text: string): string {
  return MAYBE_UNIT.test(text) ? text.replace(UNIT_SPACE, '$1\u00a0') : text;
}

// The builder's state; a class rather than closures, which are rebuilt (and, under esbuild, renamed) on every call.
class WordBuilder {
  readonly words: Word[] = [];
  private current: Word | null = null;
  private previous = -1;
  private run = 0;
  private spaceStyle: TextStyle | null = null;
  private spaceNewline = false;
  private readonly metrics: Metrics;
  private readonly shapes: ShapeBook | null;

  constructor(metrics: Metrics, shapes: ShapeBook | null) {
    this.metrics = metrics;
    this.shapes = shapes;
  }

  add(text: string, style: TextStyle): void {
    if (text === '\n') {
      this.forceBreak();
      return;
    }
    const shapes = this.shapes;
    for (let i = 0; i < text.length; i++) {
      let cp = text.charCodeAt(i);
      let end = i + 1;
      if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
        cp = text.codePointAt(i) as number;
        end = i + 2;
      }
      if (shapes !== null && !isCollapsible(cp) && this.opensWord(cp)) {
        // A word that starts here and runs to the next space is set from its shape, without visiting its characters.
        let stop = text.indexOf(' ', i);
        if (stop < 0) stop = text.length;
        const token = i === 0 && stop === text.length ? text : text.slice(i, stop);
        const shape = shapes.get(token, style);
        if (shape !== null) {
          this.settleSpace(cp);
          this.current = { parts: shape.parts, width: shape.width, glue: null, forced: false, breakable: shape.breakable, stretch: true };
          this.parts = null;
          this.run = shape.run;
          this.previous = shape.last;
          i = stop - 1;
          continue;
        }
      }
      this.addChar(text, i, end, cp, style);
      i = end - 1;
    }
  }

  // Whether a character after the state so far starts a new word, so that the word cannot depend on what came before.
  private opensWord(cp: number): boolean {
    if (this.current === null) return true;
    if (this.spaceStyle === null) return false;
    if (flagsOf(cp) & CLOSE) return false;
    return !(this.spaceNewline && flagsOf(this.previous) & CJK && flagsOf(cp) & CJK);
  }

  private addChar(text: string, from: number, to: number, cp: number, style: TextStyle): void {
    if (isCollapsible(cp)) {
      if (this.spaceStyle === null) this.spaceStyle = style;
      if (cp === 0x0a) this.spaceNewline = true;
      return;
    }
    if (isIgnorable(cp)) return;
    if (!this.metrics.covers(cp)) {
      // A character the font lacks is set as its stand-in (Ž as Z), if it has one.
      const standIn = standInFor(text.slice(from, to), this.metrics);
      if (standIn !== null) {
        for (let i = 0; i < standIn.length; i++) this.addChar(standIn, i, i + 1, standIn.charCodeAt(i), style);
        return;
      }
    }
    if (cp === ZERO_WIDTH_SPACE) {
      if (this.current !== null) this.current.stretch = stretchesBetween(this.previous, -1);
      this.finish(null);
      return;
    }
    this.settleSpace(cp);
    this.append(text, from, to, cp, style);
    this.previous = cp;
  }

  // Resolves the white space (if any) before a visible character: a word gap, nothing, or part of the word.
  private settleSpace(cp: number): void {
    const spaceStyle = this.spaceStyle;
    if (spaceStyle !== null) {
      this.spaceStyle = null;
      if (this.current !== null) {
        // A source line break between CJK characters is no space at all; no line starts with closing punctuation.
        if (this.spaceNewline && flagsOf(this.previous) & CJK && flagsOf(cp) & CJK) this.note(cp);
        else if (flagsOf(cp) & CLOSE) this.append(' ', 0, 1, 0x20, spaceStyle);
        else this.finish(this.glue(spaceStyle));
      } else if (this.words.length > 0) {
        // A space right after a forced break or a zero-width space: still a word gap.
        const last = this.words[this.words.length - 1] as Word;
        if (!last.forced && last.glue === null) {
          last.glue = this.glue(spaceStyle);
          last.stretch = true;
        }
      }
      this.spaceNewline = false;
    } else if (this.current !== null) {
      this.note(cp);
    }
  }

  // The space of a style; nearly every space in a run of text has the same one.
  private glueStyle: TextStyle | null = null;
  private gluePart: Part | null = null;

  private glue(style: TextStyle): Part {
    if (style !== this.glueStyle) {
      this.gluePart = spacePart(style, this.metrics);
      this.glueStyle = style;
    }
    return this.gluePart as Part;
  }

  // Records whether the current word may break before this character.
  private note(cp: number): void {
    if (canBreakBetween(this.previous, cp, this.run)) {
      (this.current as Word).breakable = true;
      this.run = 0;
    }
  }

  // The last part's text is kept as a pending slice of the source and cut once: adding it character by character
  // would build a string per character.
  private source = '';
  private from = 0;
  private to = 0;
  // The current word's parts while this builder owns them; null while they are a shape's shared parts.
  private parts: Part[] | null = null;

  private append(text: string, from: number, to: number, cp: number, style: TextStyle): void {
    const width = this.metrics.advance(style.face, cp) * style.size;
    let current = this.current;
    let parts = this.parts;
    if (current === null) {
      parts = this.parts = [];
      current = this.current = { parts, width: 0, glue: null, forced: false, breakable: false, stretch: true };
    } else if (parts === null) {
      // The word began as a shape and goes on: copy its parts before changing them.
      parts = this.parts = current.parts.map((part) => ({ ...part }));
      current.parts = parts;
    }
    const last = parts[parts.length - 1];
    if (last !== undefined && last.style === style) {
      if (text === this.source && from === this.to) {
        this.to = to;
      } else {
        this.flush();
        this.source = text;
        this.from = from;
        this.to = to;
      }
      last.width += width;
    } else {
      this.flush();
      parts.push({ text: '', style, width });
      this.source = text;
      this.from = from;
      this.to = to;
    }
    current.width += width;
    this.run++;
  }

  private flush(): void {
    const last = this.parts?.[this.parts.length - 1];
    if (last !== undefined && this.to > this.from) last.text += this.source.slice(this.from, this.to);
    this.from = this.to = 0;
  }

  finish(glue: Part | null): void {
    this.flush();
    const current = this.current;
    if (current !== null) {
      current.glue = glue;
      if (glue !== null) current.stretch = true;
      this.words.push(current);
    }
    this.current = null;
    this.parts = null;
    this.run = 0;
  }

  private forceBreak(): void {
    const word: Word = this.current ?? { parts: [], width: 0, glue: null, forced: false, breakable: false, stretch: true };
    word.forced = true;
    if (this.current === null) this.words.push(word);
    else this.finish(null);
    this.previous = -1;
    this.spaceStyle = null;
    this.spaceNewline = false;
  }
}

/**
 * What a word of one style comes to when it starts after a space (or a break) and ends before one: its width, whether
 * it may break inside, and the line-breaking state after its last character. It depends only on its text, the style's
 * face and size and the font, so it is worked out once per distinct text.
 */
export interface WordShape {
  /** The word's one part, shared by every word made from this shape. */
  parts: readonly Part[];
  width: number;
  breakable: boolean;
  /** Characters since its last break opportunity. */
  run: number;
  /** Its last code point. */
  last: number;
}

// Past this many texts the rest are measured each time they occur. Common words come early: on the generated 10,000-row
// table (87k distinct words, 53k of them seen once) this keeps 88% of the hits of an unbounded book at a fifth of the
// memory, which the garbage collector would otherwise trace for the rest of the document.
const MAX_SHAPES = 1 << 14;

/** Word shapes by style and text, for one set of metrics; bounded, so memory stays flat on any input. */
export class ShapeBook {
  private readonly byStyle = new Map<TextStyle, Map<string, WordShape | null>>();
  private readonly metrics: Metrics;
  private readonly limit: number;
  private size = 0;
  private lastStyle: TextStyle | null = null;
  private lastShapes: Map<string, WordShape | null> | null = null;

  constructor(metrics: Metrics, limit = MAX_SHAPES) {
    this.metrics = metrics;
    this.limit = limit;
  }

  /** The shape of `text` set in `style`; null when it holds a character the builder has to take one at a time. */
  get(text: string, style: TextStyle): WordShape | null {
    // Runs of text share their style: one map look-up per change of style, not per word.
    if (style !== this.lastStyle) {
      let shapes = this.byStyle.get(style);
      if (shapes === undefined) {
        shapes = new Map();
        this.byStyle.set(style, shapes);
      }
      this.lastStyle = style;
      this.lastShapes = shapes;
    }
    const shapes = this.lastShapes as Map<string, WordShape | null>;
    let shape = shapes.get(text);
    if (shape === undefined) {
      shape = shapeOf(text, style, this.metrics);
      if (this.size < this.limit) {
        shapes.set(text, shape);
        this.size++;
      }
    }
    return shape;
  }

  /** Texts kept, with or without a shape. */
  get count(): number {
    return this.size;
  }
}

const shapeBooks = new WeakMap<Metrics, ShapeBook>();

/** The shape book of a set of metrics, made on first use and dropped with them. */
export function shapeBookOf(metrics: Metrics): ShapeBook {
  return getOrInsert(shapeBooks, metrics, () => new ShapeBook(metrics));
}

/**
 * Measures a word character by character as the builder would (same sums in the same order, so widths agree to the
 * last bit); null for text with white space, invisible or missing characters or zero-width spaces, which the builder
 * treats one by one.
 */
export function shapeOf(text: string, style: TextStyle, metrics: Metrics): WordShape | null {
  let width = 0;
  let breakable = false;
  let run = 0;
  let previous = -1;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i) as number;
    // A lone surrogate is left to the builder, which reads it its own way.
    if ((cp >= 0xd800 && cp <= 0xdfff) || isCollapsible(cp) || isIgnorable(cp) || cp === ZERO_WIDTH_SPACE || !metrics.covers(cp)) return null;
    if (previous >= 0 && canBreakBetween(previous, cp, run)) {
      breakable = true;
      run = 0;
    }
    width += metrics.advance(style.face, cp) * style.size;
    run++;
    previous = cp;
    if (cp > 0xffff) i++;
  }
  return previous < 0 ? null : { parts: [{ text, style, width }], width, breakable, run, last: previous };
}

// Glue is never changed once made, so every space of a style shares one part: one per set of metrics, whose width it has.
const spaces = new WeakMap<Metrics, WeakMap<TextStyle, Part>>();

function spacePart(style: TextStyle, metrics: Metrics): Part {
  let forMetrics = spaces.get(metrics);
  if (forMetrics === undefined) {
    forMetrics = new WeakMap();
    spaces.set(metrics, forMetrics);
  }
  let part = forMetrics.get(style);
  if (part === undefined) {
    part = { text: ' ', style, width: metrics.advance(style.face, 0x20) * style.size };
    forMetrics.set(style, part);
  }
  return part;
}

/** The width of words set on one line, with the glue between them (not after the last). */
export function naturalWidth(words: readonly Word[]): number {
  let width = 0;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as Word;
    width += word.width;
    if (i < words.length - 1 && word.glue !== null) width += word.glue.width;
  }
  return width;
}

/** The single-line width of each forced line of the words (one entry without <br>); empty for no text. */
export function lineWidths(words: readonly Word[]): number[] {
  const widths: number[] = [];
  let width = 0;
  let open = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as Word;
    width += word.width;
    open = true;
    if (word.forced) {
      widths.push(width);
      width = 0;
      open = false;
    } else if (i < words.length - 1 && word.glue !== null) {
      width += word.glue.width;
    }
  }
  if (open) widths.push(width);
  return widths.length === 1 && widths[0] === 0 ? [] : widths;
}

/** How a word is cut in two. */
export type SplitMode =
  /** At the last break opportunity that leaves the first piece within `room`. */
  | 'fit'
  /** At the first break opportunity, however wide. */
  | 'first'
  /** An emergency (a word wider than the line): at a hyphenation point of a Latin word, the head ending in a hyphen. */
  | 'hyphen'
  /**
   * The last resort: between characters, punctuation kept with its neighbour, never inside a number; a cut between
   * two letters ends the head with a hyphen.
   */
  | 'chars';

/** A word cut in two: `head` ends a line, `tail` starts the next. */
export interface Split {
  head: Word;
  tail: Word;
}

const HYPHEN = 0x2d;
// A DOI, URL or e-mail address, or the rest of one cut at a slash (art.27221.a…).
const IDENTIFIER = /[/:@]|^(?:doi|https?|www)\b|\d\.\d+\/|[A-Za-z]\.\d|\d\.[A-Za-z]/i;

function isDigit(cp: number): boolean {
  return cp >= 0x30 && cp <= 0x39;
}

function isLetter(cp: number): boolean {
  return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0xc0 && cp <= 0x24f);
}

// Inside a number (212, 3.3, 1,000, 95%, 8mg): no cut, however narrow the line.
function insideNumber(before: number, after: number): boolean {
  return (isDigit(before) && (isDigit(after) || after === 0x2e || after === 0x2c || after === 0x25 || isLetter(after))) || ((before === 0x2e || before === 0x2c) && isDigit(after));
}

/**
 * Cuts a word at a break opportunity: UAX #14's (through `linebreak`) where this module's rules also allow one (no line
 * starts with closing punctuation or ends with opening, short words such as mg/kg and IL-6 stay whole); in an
 * emergency at a hyphenation point or between characters (see SplitMode). Null when there is no such place.
 */
export function splitWord(word: Word, room: number, metrics: Metrics, mode: SplitMode): Split | null {
  const whole = word.parts.length === 1 ? (word.parts[0] as Part).text : word.parts.map((part) => part.text).join('');
  const uax = mode === 'fit' || mode === 'first' ? breakOpportunities(whole) : null;
  // An identifier (a DOI, a URL) breaks without a hyphen, which would read as part of it.
  const identifier = mode === 'hyphen' || mode === 'chars' ? IDENTIFIER.test(whole) : false;
  if (mode === 'hyphen' && identifier) return null;
  const hyphenation = mode === 'hyphen' ? hyphenationPoints(whole) : null;
  let previous = -1;
  let run = 0;
  let width = 0;
  let at = 0;
  // The best place so far, as scalars: this loop visits every character at a line end.
  let bestPart = -1;
  let bestOffset = 0;
  let bestWidth = 0;
  let bestStretch = false;
  let bestHyphen = false;
  for (let p = 0; p < word.parts.length; p++) {
    const part = word.parts[p] as Part;
    const text = part.text;
    for (let i = 0; i < text.length; i++, at++) {
      const cp = text.codePointAt(i) as number;
      if (previous >= 0) {
        let allowed: boolean;
        let hyphen = false;
        if (uax !== null) allowed = uax[at] === 1 && canBreakBetween(previous, cp, run);
        else if (hyphenation !== null) {
          allowed = hyphenation[at] === 1;
          hyphen = allowed;
        } else {
          allowed = !isClosing(cp) && !isOpening(previous) && !insideNumber(previous, cp);
          hyphen = allowed && !identifier && isLetter(previous) && isLetter(cp);
        }
        if (allowed) {
          run = 0;
          const needed = hyphen ? width + metrics.advance(part.style.face, HYPHEN) * part.style.size : width;
          if (mode !== 'first' && needed > room + 0.01) {
            // In an emergency even one character too wide goes on a line of its own.
            if (bestPart < 0) return mode === 'chars' ? cut(word, p, i, width, stretchesBetween(previous, cp), hyphen, metrics) : null;
            return cut(word, bestPart, bestOffset, bestWidth, bestStretch, bestHyphen, metrics);
          }
          bestPart = p;
          bestOffset = i;
          bestWidth = width;
          bestStretch = stretchesBetween(previous, cp);
          bestHyphen = hyphen;
          if (mode === 'first') return cut(word, p, i, width, bestStretch, false, metrics);
        }
      }
      width += metrics.advance(part.style.face, cp) * part.style.size;
      run++;
      previous = cp;
      if (cp > 0xffff) {
        i++;
        at++;
      }
    }
  }
  // The whole word does not fit: cut at the last opportunity.
  if (mode !== 'first' && width > room + 0.01 && bestPart >= 0) return cut(word, bestPart, bestOffset, bestWidth, bestStretch, bestHyphen, metrics);
  return null;
}

// Cuts before character `offset` of part `index`; `width` is the width of everything before the cut. A hyphenated
// head ends in a hyphen of its last part's style.
function cut(word: Word, index: number, offset: number, width: number, stretch: boolean, hyphen: boolean, metrics: Metrics): Split {
  const headParts = word.parts.slice(0, index);
  const tailParts = word.parts.slice(index + 1);
  const part = word.parts[index] as Part;
  if (offset === 0) {
    tailParts.unshift(part);
  } else {
    let before = 0;
    for (const p of headParts) before += p.width;
    const headWidth = width - before;
    headParts.push({ text: part.text.slice(0, offset), style: part.style, width: headWidth });
    tailParts.unshift({ text: part.text.slice(offset), style: part.style, width: part.width - headWidth });
  }
  let headWidth = width;
  if (hyphen && headParts.length > 0) {
    const last = headParts[headParts.length - 1] as Part;
    const extra = metrics.advance(last.style.face, HYPHEN) * last.style.size;
    headParts[headParts.length - 1] = { text: `${last.text}-`, style: last.style, width: last.width + extra };
    headWidth += extra;
  }
  return {
    head: { parts: headParts, width: headWidth, glue: null, forced: false, breakable: true, stretch: hyphen ? false : stretch },
    tail: { parts: tailParts, width: word.width - width, glue: word.glue, forced: word.forced, breakable: word.breakable, stretch: word.stretch },
  };
}

/** The widest piece of text no line may break inside: the narrowest a column can be without splitting a word. */
export function widestUnbreakable(words: readonly Word[], metrics: Metrics): number {
  let widest = 0;
  for (const word of words) {
    if (word.width <= widest) continue;
    if (!word.breakable) {
      widest = word.width;
      continue;
    }
    const uax = breakOpportunities(word.parts.length === 1 ? (word.parts[0] as Part).text : word.parts.map((part) => part.text).join(''));
    let previous = -1;
    let run = 0;
    let piece = 0;
    let at = 0;
    for (const part of word.parts) {
      const text = part.text;
      for (let i = 0; i < text.length; i++, at++) {
        const cp = text.codePointAt(i) as number;
        if (previous >= 0 && uax[at] === 1 && canBreakBetween(previous, cp, run)) {
          if (piece > widest) widest = piece;
          piece = 0;
          run = 0;
        }
        piece += metrics.advance(part.style.face, cp) * part.style.size;
        run++;
        previous = cp;
        if (cp > 0xffff) {
          i++;
          at++;
        }
      }
    }
    if (piece > widest) widest = piece;
  }
  return widest;
}
