// Shared pieces of the property tests: the fixed seed, text generators that reach the parsers' corners, and per-call timing.
import fc from 'fast-check';

/**
 * Every property runs from this seed, so a failure reproduces run after run; fast-check prints the
 * seed and the counterexample's path. Set FC_SEED to explore other seeds locally.
 */
export const SEED = process.env.FC_SEED === undefined ? 20_240_917 : Number(process.env.FC_SEED);

/** Parameters of one property: its own seed offset (so properties do not share streams) and run count. */
export function params<T>(offset: number, numRuns: number, extra: Partial<fc.Parameters<T>> = {}): fc.Parameters<T> {
  return { seed: SEED + offset, numRuns, ...extra };
}

/** Whitespace of every kind papers, PDFs and spreadsheets leave in cells. */
export const WHITESPACE = [' ', '\t', '\u00a0', '\u3000', '\u2009', '\u202f', '\n', '\r', '\r\n', '\u2028', '\u000b', '\u000c', '\u0085'];

/**
 * Fragments the value parsers give meaning to (digits, signs, units, prefixes, brackets, separators,
 * registry names, Chinese words), so that random text reaches their branches and not only "no".
 */
export const PARSER_TOKENS = [
  '0', '1', '9', '12', '14', '25', '56', '100', '162', '2020', '1800', '2100', '３', '５６', '０', '.', ',', ';', ':', '-', '+', '−', '–', '—', '~',
  '～', '至', 'to', 'of', 'out of', '/', '%', '％', '(', ')', '（', '）', '[', ']', 'e', 'E', 'e+', 'e-', '1e309', 'NaN', 'Infinity', '∞', '0x',
  'mg', 'mg/kg', 'g', 'µg', 'IU', 'mL', '毫克', 'IV', 'SC', 'PO', 'q', 'qw', 'q2w', 'q4w', 'bid', 'daily', 'every', 'other', 'once', 'twice',
  'times', '次', '每', '周', '个月', '年', '天', '第', 'week', 'weeks', 'month', 'months', 'year', 'days', 'mean', 'median', '平均',
  'doi:', 'DOI ', 'https://doi.org/', '10.', '1000', '10.1000/', 'abc', 'PMID:', 'pmid ', 'NCT', 'ChiCTR', '-TRC-', 'ISRCTN', 'EudraCT',
  'No.', 'number', 'jRCT', 'UMIN', 'ACTRN', 'et al', 'et al.', '等', '等人', 'Smith', 'J', 'GG', 'van', 'de', 'Della', '陈建锋', '欧阳',
  '·', "O'Brien", 'Müller', 'A.', 'CI', '95%', '95% CI', '置信区间', '例', 'patients', 'RA', 'SSc', 'fvc', 'FVC', '用力肺活量', 'rct', '随机对照试验',
  'mean_change', 'stable', 'ITT', '\u0000', '\ufeff', '\ud800', '\udc00', '😀', '"', "'", '\\', '{{', '}}', '<', '>', '&',
];

/** One character from anywhere in Unicode, lone surrogates and controls included. */
const anyCharacter = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)) },
  { weight: 1, arbitrary: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((code) => String.fromCharCode(code)) },
);

/** Short text built from parser tokens, whitespace and arbitrary characters. */
export const tokenText = fc
  .array(
    fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...PARSER_TOKENS) },
      { weight: 2, arbitrary: fc.constantFrom(...WHITESPACE) },
      { weight: 2, arbitrary: anyCharacter },
      { weight: 1, arbitrary: fc.nat({ max: 100_000 }).map(String) },
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''));

/** Arbitrary Unicode text, short. */
export const unicodeText = fc.array(anyCharacter, { maxLength: 40 }).map((chars) => chars.join(''));

/**
 * Long text (up to `maxLength` characters): a prefix, a chunk repeated, a suffix. Repetition is what
 * makes a backtracking regular expression explode, and it costs fast-check almost nothing to make.
 */
export function repeatedText(maxLength = 10_000): fc.Arbitrary<string> {
  return fc
    .tuple(tokenText, fc.oneof(tokenText, fc.constantFrom(...WHITESPACE), fc.constantFrom(...PARSER_TOKENS)), fc.integer({ min: 1, max: maxLength }), tokenText)
    .map(([prefix, chunk, length, suffix]) => {
      const unit = chunk === '' ? ' ' : chunk;
      return (prefix + unit.repeat(Math.ceil(length / unit.length)) + suffix).slice(0, maxLength);
    });
}

/** Any text a cell or a manuscript might hold: short Unicode, parser-shaped tokens, or long repetitions up to `maxLength`. */
export function anyText(maxLength = 10_000): fc.Arbitrary<string> {
  return fc.oneof({ weight: 3, arbitrary: tokenText }, { weight: 2, arbitrary: unicodeText }, { weight: 1, arbitrary: repeatedText(maxLength) });
}

/** Inputs that once broke a parser's promises (values of 400 digits read as Infinity), run first by every shape property. */
export const TRICKY_INPUTS: string[] = [
  `${'1'.repeat(400)} weeks`,
  `${'1'.repeat(400)} mg`,
  `TCZ 8 mg/kg q${'1'.repeat(400)}w`,
  `8 mg ${'1'.repeat(400)} times daily`,
  `每${'1'.repeat(400)}周 8 mg`,
  `${'9'.repeat(400)}`,
  `${'9'.repeat(400)}%`,
  `0.${'0'.repeat(400)}1`,
  `1e-400`,
  `-0`,
  `${'1'.repeat(20)}/${'1'.repeat(20)} (50%)`,
  `10.1000/${'x'.repeat(400)}`,
  `NCT${'1'.repeat(400)}`,
  `${'9'.repeat(400)}-${'9'.repeat(400)}`,
  '',
  ' ',
  '\u0000',
  '\ud800',
];

/** The shape every value parser returns. */
export type ParsedLike = { ok: true; value: unknown } | { ok: false; reason: string; suggestion?: string };

/** Throws unless `result` is `{ ok: true, value }` or `{ ok: false, reason: non-empty string [, suggestion: string] }`. */
export function assertParsedShape(result: unknown, input: string): asserts result is ParsedLike {
  const fail = (why: string): never => {
    throw new Error(`${why} for ${JSON.stringify(input.slice(0, 200))}: ${JSON.stringify(result)?.slice(0, 300)}`);
  };
  if (typeof result !== 'object' || result === null) fail('not an object');
  const record = result as Record<string, unknown>;
  if (record.ok === true) {
    if (!('value' in record)) fail('ok without a value');
    const keys = Object.keys(record).sort().join(',');
    if (keys !== 'ok,value') fail(`unexpected keys ${keys}`);
    return;
  }
  if (record.ok !== false) fail('ok is neither true nor false');
  if (typeof record.reason !== 'string' || record.reason.trim() === '') fail('no reason');
  if ('suggestion' in record && typeof record.suggestion !== 'string') fail('a suggestion that is not text');
  if ('value' in record) fail('a value beside ok: false');
}

/**
 * Milliseconds `work` takes. A time over `budget` but within `retryWithin`× of it is measured again
 * (up to three runs, the smallest kept): a garbage-collection pause or a busy machine does not repeat,
 * while a backtracking regular expression does, and one far over budget is trusted at once.
 */
export function timeOf(work: () => void, budget: number, retryWithin = 4): number {
  let best = Infinity;
  for (let attempt = 0; attempt < 3; attempt++) {
    const started = performance.now();
    work();
    best = Math.min(best, performance.now() - started);
    if (best <= budget || best > retryWithin * budget) break;
  }
  return best;
}

/** The sizes a timing property tries, doubling, so that a quadratic or cubic path fails while still cheap. */
export function growingSizes(max: number, from = 100): number[] {
  const sizes: number[] = [];
  for (let size = from; size < max; size *= 2) sizes.push(size);
  sizes.push(max);
  return sizes;
}

/** A prefix, a unit repeated to `size` characters, a suffix: the shape of an adversarial input. */
export interface Shape {
  prefix: string;
  unit: string;
  suffix: string;
}

export function buildShape({ prefix, unit, suffix }: Shape, size: number): string {
  const body = unit === '' ? '' : unit.repeat(Math.max(1, Math.ceil((size - prefix.length - suffix.length) / unit.length)));
  return prefix + body + suffix;
}

/** Random shapes from the parser tokens and whitespace. */
export const randomShape: fc.Arbitrary<Shape> = fc.record({
  prefix: fc.oneof(fc.constant(''), fc.constantFrom(...PARSER_TOKENS), tokenText),
  unit: fc.oneof(fc.constantFrom(...WHITESPACE), fc.constantFrom(...PARSER_TOKENS), tokenText.filter((text) => text !== '')),
  suffix: fc.oneof(fc.constant(''), fc.constantFrom(...PARSER_TOKENS), tokenText),
});

/**
 * Shapes that made one or another parser backtrack catastrophically (found by this suite); every
 * timing property runs them first, for every parser, then random shapes.
 */
export const KNOWN_ADVERSARIAL_SHAPES: Shape[] = [
  { prefix: 'a', unit: ' ', suffix: 'b' },
  { prefix: '1', unit: ' ', suffix: '1x' },
  { prefix: '1', unit: ' ', suffix: 'x' },
  { prefix: '(', unit: ' ', suffix: 'x' },
  { prefix: 'EudraCT', unit: ' ', suffix: 'x' },
  { prefix: 'NCT', unit: ' ', suffix: 'x' },
  { prefix: '', unit: '.', suffix: 'x' },
  { prefix: 'A', unit: ',', suffix: '' },
  { prefix: '', unit: ';', suffix: '' },
  { prefix: 'a', unit: ' ', suffix: 'et al' },
  { prefix: '', unit: ' of', suffix: ' x' },
  { prefix: '', unit: '\t', suffix: '%x' },
  { prefix: '[', unit: '1', suffix: '' },
  { prefix: '[', unit: '1 ', suffix: '' },
  { prefix: '', unit: '１', suffix: 'x' },
  { prefix: '', unit: '1', suffix: '.x' },
  { prefix: '', unit: 'A ', suffix: '' },
  { prefix: '', unit: '1mg ', suffix: 'zz' },
  { prefix: '', unit: '等', suffix: 'x' },
];
