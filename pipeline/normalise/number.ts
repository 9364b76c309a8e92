// Reads numbers as papers print them (full-width digits, Unicode minus signs, thousands separators) into plain numbers.

import { parsed, rejected, tooLong } from './types.ts';
import type { Parsed } from './types.ts';

/** A number together with how many decimals it was written with ("14.80" has 2), which rounding checks need. */
export interface WrittenNumber {
  value: number;
  decimals: number;
}

/** A percentage in 0–100 and the decimals it was written with. */
export type Percent = WrittenNumber;

// Full-width forms (U+FF01–FF5E) mirror ASCII at a fixed offset; U+2212 is the typographic minus;
// the spaces are those PDF copy-paste leaves inside numbers.
const FOLDABLE_CHARACTER = /[\uFF01-\uFF5E\u2212\u3000\u00A0\u2009\u202F]/g;
const NON_ASCII = /[^\x00-\x7F]/;
const FULL_WIDTH_OFFSET = 0xfee0;

const EN_DASH = '\u2013';

// The longest text the number parsers read: 1,000 characters; a number is a few, so longer text is refused unread.
const MAX_LENGTH = 1_000;

// Most cells are plain decimals; this shape spares them the general one and its named groups.
const PLAIN_DECIMAL = /^[+-]?\d+(?:\.\d+)?$/;

const NUMBER_SHAPE = /^(?<sign>[+-]?)(?<whole>\d[\d, ]*)?(?:\.(?<fraction>\d*))?(?:[eE](?<exponent>[+-]?\d+))?$/;
const COMMA_GROUPED = /^\d{1,3}(?:,\d{3})+$/;
const SPACE_GROUPED = /^\d{1,3}(?: \d{3})+$/;
const GROUP_SEPARATORS = /[, ]/g;
const NOT_FINITE_WORD = /^[+-]?(?:nan|inf|infinity|∞)$/i;
const HEXADECIMAL = /^[+-]?0x[0-9a-f]+$/i;

const FIRST_YEAR = 1800;
const LAST_YEAR = 2100;

/**
 * Folds full-width ASCII forms (０-９, ．, －, ％, （ ...) to ASCII, U+2212 to '-', and ideographic,
 * no-break and thin spaces to ' '. Returns the input itself when it is already ASCII.
 */
export function foldFullWidth(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  return text.replace(FOLDABLE_CHARACTER, foldCharacter);
}

function foldCharacter(character: string): string {
  const code = character.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - FULL_WIDTH_OFFSET);
  return character === '\u2212' ? '-' : ' ';
}

/** The text a number parser works on: trimmed, folded to ASCII, with a leading en dash read as minus. */
function numberText(raw: string): string {
  const text = foldFullWidth(raw.trim());
  // An en dash is a minus sign only at the very start; between two numbers it is a range dash.
  return text.startsWith(EN_DASH) ? `-${text.slice(1)}` : text;
}

/**
 * Reads a number with its written decimals. `shown` is the text quoted in reasons, so wrappers
 * (percent, count) can report the cell as the user typed it.
 */
function readNumber(text: string, shown: string): Parsed<WrittenNumber> {
  if (PLAIN_DECIMAL.test(text)) {
    const point = text.indexOf('.');
    return finite(Number(text), point < 0 ? 0 : text.length - point - 1, shown);
  }
  if (text === '') return rejected(shown === '' ? 'empty text is not a number' : `'${shown}' is not a number`);
  const groups = NUMBER_SHAPE.exec(text)?.groups;
  if (groups === undefined || (groups.whole === undefined && !groups.fraction)) return notANumber(text, shown);

  const whole = groups.whole ?? '';
  if (whole.includes(',') && !COMMA_GROUPED.test(whole)) {
    return rejected(`'${shown}' is ambiguous: group thousands in threes (1,234) and use '.' for decimals`);
  }
  if (whole.includes(' ') && !SPACE_GROUPED.test(whole)) return rejected(`'${shown}' holds more than one number`);

  const fraction = groups.fraction ?? '';
  const digits = `${whole.replace(GROUP_SEPARATORS, '')}${fraction}`;
  const value = Number(`${groups.sign}${whole.replace(GROUP_SEPARATORS, '')}.${fraction}e${groups.exponent ?? '0'}`);
  // Written nonzero but held as 0: 1e-400 is below the smallest number a double holds, and reading it as 0 would pass
  // every check a 0 passes.
  if (value === 0 && /[1-9]/.test(digits)) return rejected(`'${shown}' is too small to be held exactly; write it as a decimal`);
  // 0e-400 is 0 whatever its exponent: only a nonzero value has decimals to print.
  const decimals = value === 0 ? fraction.length : decimalsWritten(fraction.length, groups.exponent);
  if (decimals > MAX_DECIMALS) return rejected(`'${shown}' has more than ${MAX_DECIMALS} decimals once its exponent is applied; write it as a decimal`);
  return finite(value, decimals, shown);
}

/**
 * The decimals a number has once its exponent is applied: "9.2e1" is 92 (0 decimals, not 1), "1.2E-05" is 0.000012
 * (6), "1.50e3" is 1500 (0). So an exponent is read exactly as the decimal it stands for, and printed as that decimal.
 */
function decimalsWritten(fractionLength: number, exponent: string | undefined): number {
  return Math.max(0, fractionLength - Number(exponent ?? '0'));
}

// toFixed's own limit: a number is printed with at most this many decimals.
const MAX_DECIMALS = 100;

function finite(value: number, decimals: number, shown: string): Parsed<WrittenNumber> {
  if (!Number.isFinite(value)) return rejected(`${shown} is beyond the range of a finite number`);
  // -0 would make "-0.0" differ from "0.0" under Object.is, which no reader of a paper means.
  return parsed({ value: value === 0 ? 0 : value, decimals });
}

function notANumber(text: string, shown: string): Parsed<never> {
  if (NOT_FINITE_WORD.test(text)) return rejected(`'${shown}' is not a finite number`);
  if (HEXADECIMAL.test(text)) return rejected(`'${shown}' is hexadecimal; expected a decimal number`);
  return rejected(`'${shown}' is not a number`);
}

/**
 * The text without a final '%' and the spaces before it. A test of the last character, not
 * /\s*%$/, which retried its \s* from every space of a run and so took time quadratic in the run.
 */
function withoutPercentSign(text: string): string {
  return text.endsWith('%') ? text.slice(0, -1).trimEnd() : text;
}

/** Parses a decimal number: ASCII or full-width digits, '+', '-', '−', a leading '–', thousands separators, exponents (read exactly: 9.2e1 is 92; 1e-400, too small to hold, is refused). */
export function parseNumber(raw: string): Parsed<number> {
  const long = tooLong(raw, MAX_LENGTH, 'a number is a few characters');
  if (long !== undefined) return long;
  const reading = readNumber(numberText(raw), raw.trim());
  return reading.ok ? parsed(reading.value.value) : reading;
}

/**
 * How many decimals the number has as written ("56" → 0, "56.0" → 1, "1.2e-5" → 6, "1.50e3" → 0), after the
 * same normalisation as parseNumber; a trailing '%' is allowed. Text that is not a number gives 0.
 */
export function decimalPlaces(raw: string): number {
  const groups = numberGroups(raw);
  return groups === undefined ? 0 : Math.min(MAX_DECIMALS, decimalsWritten(groups.fraction?.length ?? 0, groups.exponent));
}

/** The decimals of a number written with an exponent ("9.2e1" → 0), as decimalPlaces gives them; undefined for any other text. */
export function exponentDecimals(raw: string): number | undefined {
  const groups = numberGroups(raw);
  return groups?.exponent === undefined ? undefined : Math.min(MAX_DECIMALS, decimalsWritten(groups.fraction?.length ?? 0, groups.exponent));
}

// decimalPlaces reads what the other parsers accepted, but may be given any text: past this it is no number, and the
// pattern never runs on megabytes.
const MAX_SHAPE_LENGTH = 100_000;

function numberGroups(raw: string): Record<string, string | undefined> | undefined {
  if (raw.length > MAX_SHAPE_LENGTH) return undefined;
  return NUMBER_SHAPE.exec(withoutPercentSign(numberText(raw)))?.groups;
}

/** Parses a whole number ("2.0" is accepted as 2; "2.5" is not). */
export function parseInteger(raw: string): Parsed<number> {
  const long = tooLong(raw, MAX_LENGTH, 'a whole number is a few characters');
  if (long !== undefined) return long;
  const shown = raw.trim();
  const reading = readNumber(numberText(raw), shown);
  if (!reading.ok) return reading;
  const { value } = reading.value;
  if (!Number.isInteger(value)) return rejected(`${shown} is not a whole number`);
  if (!Number.isSafeInteger(value)) return rejected(`${shown} is too large to be held exactly`);
  return parsed(value);
}

/** Parses a count of people or events: a whole number, 0 or more. */
export function parseCount(raw: string): Parsed<number> {
  const long = tooLong(raw, MAX_LENGTH, 'a count is a few characters');
  if (long !== undefined) return long;
  const integer = parseInteger(raw);
  if (integer.ok && integer.value < 0) return rejected(`${raw.trim()} is negative; a count is 0 or more`);
  return integer;
}

/** Parses a publication or study year, 1800–2100. */
export function parseYear(raw: string): Parsed<number> {
  const long = tooLong(raw, MAX_LENGTH, 'a year is four digits');
  if (long !== undefined) return long;
  const integer = parseInteger(raw);
  if (integer.ok && (integer.value < FIRST_YEAR || integer.value > LAST_YEAR)) {
    return rejected(`${raw.trim()} is out of range; a year is ${FIRST_YEAR}–${LAST_YEAR}`);
  }
  return integer;
}

/** Parses a percentage, with or without '%' ("56", "56.0 %", "５６％"), keeping its written decimals. */
export function parsePercent(raw: string): Parsed<Percent> {
  const long = tooLong(raw, MAX_LENGTH, 'a percent is a few characters');
  if (long !== undefined) return long;
  const shown = raw.trim();
  const reading = readNumber(withoutPercentSign(numberText(raw)), shown);
  if (!reading.ok) return reading;
  const { value } = reading.value;
  if (value < 0 || value > 100) return rejected(`${shown} is out of range; a percent is 0–100`);
  return reading;
}
