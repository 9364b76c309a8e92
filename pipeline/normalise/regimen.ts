// Reads dosing regimens in English or Chinese ("TCZ 162 mg SC q2w", "每4周静脉注射8 mg/kg") into drug, doses, route and interval.

import { foldFullWidth } from './number.ts';
import { parsed, preview, rejected, tooLong } from './types.ts';
import type { Parsed } from './types.ts';

export type DoseUnit = 'mg' | 'mg/kg' | 'g' | 'µg' | 'IU' | 'mL';

/** One dose; a regimen that offers several ("2, 4 or 8 mg/kg") has one Dose each. */
export interface Dose {
  amount: number;
  unit: DoseUnit;
}

export type Route = 'IV' | 'SC' | 'PO' | 'IM';

/** How often: every `every` units, `timesPer` times each (absent when once); 'bid' is every 1 day, timesPer 2. */
export interface Interval {
  every: number;
  unit: 'day' | 'week' | 'month';
  timesPer?: number;
}

export interface Regimen {
  drug?: string;
  doses: Dose[];
  route?: Route;
  interval?: Interval;
}

type IntervalUnit = Interval['unit'];

type Token =
  | { kind: 'separator' }
  | { kind: 'amount'; amount: number }
  | { kind: 'unit'; unit: DoseUnit }
  | { kind: 'route'; route: Route }
  | { kind: 'interval'; interval: Interval }
  | { kind: 'times'; times: number }
  | { kind: 'word' };

/** A sticky pattern and what its match means. Rules are tried in order at each position. */
interface Rule {
  pattern: RegExp;
  token(match: RegExpExecArray): Token;
}

const CHINESE_NUMERALS: ReadonlyMap<string, number> = new Map([
  ['一', 1], ['二', 2], ['两', 2], ['三', 3], ['四', 4], ['五', 5], ['六', 6], ['七', 7], ['八', 8], ['九', 9], ['十', 10],
]);

const INTERVAL_UNITS: ReadonlyMap<string, IntervalUnit> = new Map<string, IntervalUnit>([
  ['d', 'day'], ['day', 'day'], ['daily', 'day'], ['日', 'day'], ['天', 'day'],
  ['w', 'week'], ['wk', 'week'], ['wks', 'week'], ['week', 'week'], ['weeks', 'week'], ['weekly', 'week'],
  ['周', 'week'], ['週', 'week'], ['星期', 'week'],
  ['m', 'month'], ['mo', 'month'], ['mon', 'month'], ['month', 'month'], ['months', 'month'], ['monthly', 'month'], ['月', 'month'],
]);

const DOSE_UNITS: ReadonlyMap<string, DoseUnit> = new Map<string, DoseUnit>([
  ['mg/kg', 'mg/kg'], ['毫克/千克', 'mg/kg'], ['毫克/公斤', 'mg/kg'],
  ['mg', 'mg'], ['毫克', 'mg'],
  ['g', 'g'], ['克', 'g'],
  ['µg', 'µg'], ['μg', 'µg'], ['ug', 'µg'], ['mcg', 'µg'], ['微克', 'µg'],
  ['iu', 'IU'], ['国际单位', 'IU'],
  ['ml', 'mL'], ['毫升', 'mL'],
]);

const TIMES_WORDS: ReadonlyMap<string, number> = new Map([['once', 1], ['twice', 2], ['thrice', 3]]);
const TIMES_PER_DAY: ReadonlyMap<string, number> = new Map([['b', 2], ['t', 3], ['q', 4]]);

const WHITESPACE = /\s+/g;
const GROUP_COMMAS = /,/g;
const ZH_COUNT = '(\\d+|[一二两三四五六七八九十])';
const ZH_UNIT = '(日|天|周|週|星期|月)';
// The longest text parseRegimen reads: 10,000 characters; "TCZ 162 mg SC q2w" is 17.
const MAX_LENGTH = 10_000;

// Latin keywords end at a non-letter so that "iv" does not match the start of "ivermectin". Order
// matters where patterns overlap: "1次/2周" before "2次", and "2次"/"2 times" before a bare amount.
// The maps behind interval(), doseUnit() and the times words hold every spelling these patterns
// admit, so their fallbacks are never taken. An optional count carries the spaces after it
// ("\s*(?:N\s*)?", never "\s*N?\s*"): two \s* side by side split a run of spaces every possible way.
const RULES: readonly Rule[] = [
  // A '.' is punctuation unless a digit follows (".5 mg").
  { pattern: /(?:[\s,;:、()/+]|\.(?!\d))+/y, token: () => ({ kind: 'separator' }) },
  // "1次/2周": once every 2 weeks.
  { pattern: new RegExp(`${ZH_COUNT}\\s*次\\s*/\\s*(?:${ZH_COUNT}\\s*)?个?${ZH_UNIT}`, 'y'), token: (m) => interval(m[2], m[3], m[1]) },
  { pattern: new RegExp(`每\\s*(?:${ZH_COUNT}\\s*)?个?${ZH_UNIT}`, 'y'), token: (m) => interval(m[1], m[2]) },
  { pattern: /隔\s*(日|天|周|週|月)/y, token: (m) => interval('2', m[1]) },
  { pattern: /q\.?\s?(\d+)?\s?(d|w|wks?|weeks?|m|mo|mon|months?)\.?(?![a-z])/iy, token: (m) => interval(m[1], m[2]) },
  { pattern: /qo(d|w)\.?(?![a-z])/iy, token: (m) => interval('2', m[1]) },
  { pattern: /(b|t|q)\.?i\.?d\.?(?![a-z])/iy, token: (m) => timesPerDay(m[1]) },
  { pattern: /(daily|weekly|monthly)(?![a-z])/iy, token: (m) => interval('1', m[1]) },
  { pattern: /every\s+(?:(other)\s+|(\d+)\s*)?(day|week|month)s?(?![a-z])/iy, token: (m) => interval(m[1] ? '2' : m[2], m[3]) },
  { pattern: /(?:a|per|each)\s+(day|week|month)(?![a-z])/iy, token: (m) => interval('1', m[1]) },
  { pattern: /(?:静脉注射|静脉滴注|静脉输注|静脉|静滴|静注|intravenous(?:ly)?|i\.v\.?|iv)(?![a-z])/iy, token: () => route('IV') },
  { pattern: /(?:皮下注射|皮下|subcutaneous(?:ly)?|s\.c\.?|sc|s\.q\.?|sq)(?![a-z])/iy, token: () => route('SC') },
  { pattern: /(?:口服|oral(?:ly)?|p\.o\.?|po)(?![a-z])/iy, token: () => route('PO') },
  { pattern: /(?:肌肉注射|肌内注射|肌注|intramuscular(?:ly)?|i\.m\.?|im)(?![a-z])/iy, token: () => route('IM') },
  {
    pattern: /(?:mg\s*\/\s*kg|毫克\s*\/\s*(?:千克|公斤)|mg|毫克|mcg|µg|μg|ug|微克|g|克|iu|国际单位|ml|毫升)(?![a-z])/iy,
    token: (m) => doseUnit(m[0]),
  },
  { pattern: new RegExp(`${ZH_COUNT}\\s*次`, 'y'), token: (m) => times(m[1]) },
  { pattern: /(once|twice|thrice)(?![a-z])/iy, token: (m) => ({ kind: 'times', times: TIMES_WORDS.get(m[1]?.toLowerCase() ?? '') ?? 1 }) },
  { pattern: /(\d+)\s*times(?![a-z])/iy, token: (m) => times(m[1]) },
  { pattern: /\d+(?:,\d{3}(?!\d))*(?:\.\d+)?|\.\d+/y, token: (m) => ({ kind: 'amount', amount: Number(m[0].replace(GROUP_COMMAS, '')) }) },
  // Words that join the parts of a regimen and carry nothing themselves.
  { pattern: /(?:or|and|then|或者|或|和|及|给药|注射|用药)(?![a-z])/iy, token: () => ({ kind: 'separator' }) },
  { pattern: /[a-z][a-z0-9-]*|[\s\S]/iy, token: () => ({ kind: 'word' }) },
];

function countValue(text: string | undefined): number {
  if (text === undefined) return 1;
  return CHINESE_NUMERALS.get(text) ?? Number(text);
}

function interval(every: string | undefined, unitText: string | undefined, timesText?: string): Token {
  const unit = INTERVAL_UNITS.get(unitText?.toLowerCase() ?? '') ?? 'day';
  const timesPer = timesText === undefined ? 1 : countValue(timesText);
  const result: Interval = { every: countValue(every), unit };
  if (timesPer > 1) result.timesPer = timesPer;
  return { kind: 'interval', interval: result };
}

function timesPerDay(letter: string | undefined): Token {
  return { kind: 'interval', interval: { every: 1, unit: 'day', timesPer: TIMES_PER_DAY.get(letter?.toLowerCase() ?? '') ?? 1 } };
}

function route(value: Route): Token {
  return { kind: 'route', route: value };
}

function doseUnit(text: string): Token {
  return { kind: 'unit', unit: DOSE_UNITS.get(text.toLowerCase().replace(WHITESPACE, '')) ?? 'mg' };
}

function times(text: string | undefined): Token {
  return { kind: 'times', times: countValue(text) };
}

/** What has been read so far; parseRegimen feeds it one token at a time. */
interface Reading {
  readonly shown: string;
  doses: Dose[];
  /** Amounts waiting for the unit after them ("2, 4 or 8" before "mg/kg"). */
  pendingAmounts: number[];
  drugStart: number;
  drugEnd: number;
  drugClosed: boolean;
  route?: Route;
  interval?: Interval;
  times?: number;
}

/**
 * Parses a regimen: an optional leading drug word, one or more doses (amount and unit; a list of
 * amounts shares the unit after it), an optional route and an optional interval, in any order.
 * Text that has no dose, or a word after the first dose that is none of these, is rejected
 * rather than half-read.
 */
export function parseRegimen(raw: string): Parsed<Regimen> {
  const long = tooLong(raw, MAX_LENGTH, 'a regimen is a few dozen words');
  if (long !== undefined) return long;
  const shown = raw.trim();
  const text = foldFullWidth(shown);
  const reading: Reading = { shown, doses: [], pendingAmounts: [], drugStart: -1, drugEnd: -1, drugClosed: false };
  let position = 0;
  while (position < text.length) {
    const { token, end } = nextToken(text, position);
    const problem = accept(reading, token, text.slice(position, end), position, end);
    if (problem !== undefined) return rejected(problem);
    position = end;
  }
  return finish(reading, text);
}

function nextToken(text: string, position: number): { token: Token; end: number } {
  for (const rule of RULES) {
    rule.pattern.lastIndex = position;
    const match = rule.pattern.exec(text);
    if (match !== null && match[0].length > 0) return { token: rule.token(match), end: position + match[0].length };
  }
  // Unreachable: the last rule matches any character.
  return { token: { kind: 'word' }, end: position + 1 };
}

/** Applies one token; returns why the text is rejected, if it is. */
function accept(reading: Reading, token: Token, written: string, start: number, end: number): string | undefined {
  // 400 digits read as Infinity: every amount, interval and frequency must be a finite number.
  if (!finiteToken(token)) return `'${preview(written)}' in '${preview(reading.shown)}' holds a number that is not finite`;
  if (token.kind !== 'separator' && token.kind !== 'word' && reading.drugStart >= 0) reading.drugClosed = true;
  switch (token.kind) {
    case 'separator':
      return undefined;
    case 'word':
      return acceptWord(reading, written, start, end);
    case 'amount':
      reading.pendingAmounts.push(token.amount);
      return undefined;
    case 'unit':
      return acceptUnit(reading, token.unit, written);
    case 'route':
      if (reading.route !== undefined && reading.route !== token.route) {
        return `'${reading.shown}' names two routes (${reading.route} and ${token.route})`;
      }
      reading.route = token.route;
      return undefined;
    case 'interval':
      if (reading.interval !== undefined && !sameInterval(reading.interval, token.interval)) {
        return `'${reading.shown}' gives two different intervals`;
      }
      reading.interval = token.interval;
      return undefined;
    case 'times':
      if (reading.times !== undefined) return `'${reading.shown}' gives more than one frequency`;
      reading.times = token.times;
      return undefined;
  }
}

function finiteToken(token: Token): boolean {
  switch (token.kind) {
    case 'amount':
      return Number.isFinite(token.amount);
    case 'interval':
      return Number.isFinite(token.interval.every) && (token.interval.timesPer === undefined || Number.isFinite(token.interval.timesPer));
    case 'times':
      return Number.isFinite(token.times);
    default:
      return true;
  }
}

// The drug is the word(s) before the first dose; a word anywhere else is text we do not understand.
function acceptWord(reading: Reading, written: string, start: number, end: number): string | undefined {
  const beforeFirstDose = reading.doses.length === 0 && reading.pendingAmounts.length === 0;
  if (!beforeFirstDose || reading.drugClosed) {
    return `'${written}' in '${reading.shown}' is not a dose, route or interval`;
  }
  if (reading.drugStart < 0) reading.drugStart = start;
  reading.drugEnd = end;
  return undefined;
}

function acceptUnit(reading: Reading, unit: DoseUnit, written: string): string | undefined {
  if (reading.pendingAmounts.length === 0) return `'${written}' in '${reading.shown}' has no amount before it`;
  for (const amount of reading.pendingAmounts) reading.doses.push({ amount, unit });
  reading.pendingAmounts = [];
  return undefined;
}

function finish(reading: Reading, text: string): Parsed<Regimen> {
  const { shown } = reading;
  const strayAmount = reading.pendingAmounts[0];
  if (strayAmount !== undefined) return rejected(`'${strayAmount}' in '${shown}' has no unit (mg, mg/kg, g, µg, IU or mL)`);
  if (reading.doses.length === 0) return rejected(`'${shown}' has no dose; expected an amount and unit such as '162 mg'`);

  const regimen: Regimen = { doses: reading.doses };
  if (reading.drugStart >= 0) regimen.drug = text.slice(reading.drugStart, reading.drugEnd);
  if (reading.route !== undefined) regimen.route = reading.route;
  const frequency = withTimes(reading.interval, reading.times, shown);
  if (!frequency.ok) return frequency;
  if (frequency.value !== undefined) regimen.interval = frequency.value;
  return parsed(regimen);
}

/** Joins a separate "N times"/"N次" to the interval it qualifies ("twice daily", "每天2次"). */
function withTimes(base: Interval | undefined, times: number | undefined, shown: string): Parsed<Interval | undefined> {
  if (times === undefined) return parsed(base);
  if (base === undefined) return rejected(`'${shown}' says how many times but not how often (e.g. 'twice daily')`);
  if (base.timesPer !== undefined) return rejected(`'${shown}' gives more than one frequency`);
  return parsed(times > 1 ? { ...base, timesPer: times } : base);
}

function sameInterval(a: Interval, b: Interval): boolean {
  return a.every === b.every && a.unit === b.unit && a.timesPer === b.timesPer;
}

const TIMES_NAMES: ReadonlyMap<number, string> = new Map([[1, 'once'], [2, 'twice']]);
const ADVERBS: Readonly<Record<IntervalUnit, string>> = { day: 'daily', week: 'weekly', month: 'monthly' };

/**
 * Writes a regimen in one canonical English form, e.g. "TCZ 162 mg SC every week",
 * "8 mg/kg IV every 4 weeks", "150 mg twice daily", "2, 4 or 8 mg/kg IV every 2 weeks".
 */
export function formatRegimen(regimen: Regimen): string {
  const parts: string[] = [];
  if (regimen.drug !== undefined) parts.push(regimen.drug);
  if (regimen.doses.length > 0) parts.push(formatDoses(regimen.doses));
  if (regimen.route !== undefined) parts.push(regimen.route);
  if (regimen.interval !== undefined) parts.push(formatInterval(regimen.interval));
  return parts.join(' ');
}

function formatDoses(doses: readonly Dose[]): string {
  const unit = doses[0]?.unit;
  if (unit !== undefined && doses.every((dose) => dose.unit === unit)) {
    return `${listOf(doses.map((dose) => String(dose.amount)))} ${unit}`;
  }
  return listOf(doses.map((dose) => `${dose.amount} ${dose.unit}`));
}

function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

// "once daily" rather than "every day" because that is how drug labels say it, and it pairs with "twice daily".
function formatInterval({ every, unit, timesPer }: Interval): string {
  const period = every === 1 ? `every ${unit}` : `every ${every} ${unit}s`;
  if (every === 1 && unit === 'day') return `${timesName(timesPer ?? 1)} daily`;
  if (timesPer === undefined) return period;
  return every === 1 ? `${timesName(timesPer)} ${ADVERBS[unit]}` : `${timesName(timesPer)} ${period}`;
}

function timesName(times: number): string {
  return TIMES_NAMES.get(times) ?? `${times} times`;
}
