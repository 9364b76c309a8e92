// Reads author lists ("Illei GG; Shirota Y; 陈建锋 等") into structured names that can be compared across sources.

import { parsed, rejected, tooLong } from './types.ts';
import type { Parsed } from './types.ts';

/** One person's name as written, split into family name and given name or initials. */
export interface PersonName {
  family: string;
  given?: string;
  /** Upper-case initials of the given names, Latin script only ("Gabor G" → "GG"). */
  initials?: string;
  script: 'latin' | 'han';
  literal: string;
}

/** The names of an author list; `truncated` when it ended with "et al" or "等". */
export interface AuthorList {
  names: PersonName[];
  truncated: boolean;
}

const FULL_WIDTH_SEMICOLON = /；/g;
// The separators that may come before a closing "et al" or "等", and are dropped with it.
const LIST_SEPARATOR = /^[\s,;，；]$/;
const SPACE = /^\s$/;
const ET = /^et$/i;
const AL = /^al$/i;
// The longest author list parseAuthors reads: 10,000 characters, some hundreds of names.
const MAX_LIST_LENGTH = 10_000;
// The longest text parsePersonName reads: 1,000 characters; a name is a few dozen.
const MAX_NAME_LENGTH = 1_000;
const WHITESPACE = /\s+/g;
// GB/T 7714 spaces initials ("ILLEI G G", "LIN C J F"): the space between two single capitals goes.
const SPACED_INITIALS = /(?<=(?:^|\s)\p{Lu}\.?)\s+(?=\p{Lu}\.?(?:\s|$))/gu;
const ODD_WHITESPACE = /[^\S ]/;
const HAN_NAME = /^[\p{Script=Han}·•・]+$/u;
const HAN_NAME_DOT = /[·•・]/;
const LATIN_NAME = /^[\p{Script=Latin}\s.,'’-]+$/u;
const HAS_LETTER = /\p{L}/u;
const HAS_LIST_PUNCTUATION = /[,，、]/;
// "GG", "G.", "C.J.F.", "J.-P.": a token made only of capitals, each optionally followed by '.' or '-'.
const INITIALS = /^(?:\p{Lu}\.?-?){1,4}$/u;
const INITIALS_PUNCTUATION = /[.-]/g;
const NAME_PART = /[-\s]+/;
const COMBINING_MARKS = /\p{M}+/gu;
const KEY_NOISE = /[\s'’.-]+/g;
const UNDECOMPOSABLE_LETTER = /[øłđßæœı]/g;
const UNDECOMPOSABLE_FOLDS: Readonly<Record<string, string>> = { ø: 'o', ł: 'l', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i' };

// Lower-case particles that begin a family name ("Ludwig van Beethoven").
const FAMILY_PARTICLES: ReadonlySet<string> = new Set([
  'van', 'von', 'de', 'der', 'den', 'del', 'della', 'di', 'da', 'du', 'dos', 'das', 'la', 'le', 'ten', 'ter', 'al', 'el', 'bin', 'ibn',
]);

/** Chinese compound surnames: the family name of 欧阳娜娜 is 欧阳. Shared with the credit finder. */
export const COMPOUND_SURNAMES: ReadonlySet<string> = new Set([
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '令狐', '慕容', '尉迟', '长孙', '宇文', '司徒', '夏侯',
]);

/**
 * Parses a ';'-separated author list. A trailing "et al", "et al." or "等" (after the last name or
 * as its own item) sets `truncated`. Empty items ("A;;B") are rejected rather than skipped, since
 * they usually mean a name was lost.
 */
export function parseAuthors(raw: string): Parsed<AuthorList> {
  const long = tooLong(raw, MAX_LIST_LENGTH, 'an author list is at most a few thousand characters');
  if (long !== undefined) return long;
  const shown = raw.trim();
  const untruncated = shown.slice(0, truncationStart(shown));
  const truncated = untruncated.length !== shown.length;
  if (untruncated === '') return rejected(`'${shown}' names no authors`);

  // A string split is far cheaper than a regex split.
  const items = untruncated.replace(FULL_WIDTH_SEMICOLON, ';').split(';');
  const names: PersonName[] = [];
  for (const [index, item] of items.entries()) {
    if (item.trim() === '') {
      return rejected(`author ${index + 1} of ${items.length} in '${shown}' is empty; separate authors with a single ';'`);
    }
    const name = parsePersonName(item);
    if (!name.ok) return rejected(`author ${index + 1}: ${name.reason}`);
    names.push(name.value);
  }
  return parsed({ names, truncated });
}

/**
 * Where a closing "et al" / "等" starts, with the separators before it; the text's length when it
 * has none. "et al" ("et al.", "et. al", "ET AL" …) must stand apart, at the start or after a space,
 * ',' or ';' ("Vetal" is a name); "等" or "等人" attaches to the last Han name ("陈建锋等"). A scan
 * from the end, not /(?:(?:^|[\s,;，；]+)et\.?\s*al\.?|[\s,;，；]*等人?)$/i, which was tried from every
 * separator of a run and so took time quadratic in the run.
 */
function truncationStart(text: string): number {
  let end = text.length;
  if (text.endsWith('等')) end -= 1;
  else if (text.endsWith('等人')) end -= 2;
  else {
    if (text.endsWith('.')) end -= 1;
    if (end < 2 || !AL.test(text.slice(end - 2, end))) return text.length;
    end -= 2;
    while (end > 0 && SPACE.test(text.charAt(end - 1))) end -= 1;
    if (text.charAt(end - 1) === '.') end -= 1;
    if (end < 2 || !ET.test(text.slice(end - 2, end))) return text.length;
    end -= 2;
    if (end > 0 && !LIST_SEPARATOR.test(text.charAt(end - 1))) return text.length;
  }
  while (end > 0 && LIST_SEPARATOR.test(text.charAt(end - 1))) end -= 1;
  return end;
}

/**
 * Parses one name. Latin forms: "Family Initials" ("Illei GG", "Della Casa G"), "Family, Given"
 * ("Illei, Gabor G") and "Given Family" ("Gabor G Illei", "Ludwig van Beethoven"). Han names take
 * the first character, or a known compound surname (欧阳, 司马 ...), as the family name.
 */
export function parsePersonName(raw: string): Parsed<PersonName> {
  const long = tooLong(raw, MAX_NAME_LENGTH, 'a name is a few dozen characters');
  if (long !== undefined) return long;
  const literal = raw.trim();
  const compact = literal.replace(WHITESPACE, '');
  if (compact === '') return rejected('empty text is not a name');
  if (HAN_NAME.test(compact)) return parsed(hanName(compact, literal));
  if (LATIN_NAME.test(literal) && HAS_LETTER.test(literal)) return latinName(literal.replace(SPACED_INITIALS, ''), literal);
  if (HAS_LIST_PUNCTUATION.test(literal)) return rejected(`'${literal}' holds more than one name; separate authors with ';'`);
  return rejected(`'${literal}' is not a name in Latin or Chinese characters`);
}

function hanName(compact: string, literal: string): PersonName {
  // Transliterated foreign names ("马克·吐温") put the family name after the dot.
  if (HAN_NAME_DOT.test(compact)) {
    const parts = compact.split(HAN_NAME_DOT).filter(Boolean);
    const family = parts.pop() ?? compact;
    return withGiven({ family, script: 'han', literal }, parts.join('·'));
  }
  // A two-character name is always one-character surname plus given name, compound or not.
  const familyLength = compact.length >= 3 && COMPOUND_SURNAMES.has(compact.slice(0, 2)) ? 2 : 1;
  return withGiven({ family: compact.slice(0, familyLength), script: 'han', literal }, compact.slice(familyLength));
}

function withGiven(name: PersonName, given: string): PersonName {
  if (given !== '') name.given = given;
  return name;
}

function latinName(text: string, literal: string): Parsed<PersonName> {
  const commaParts = text.split(',');
  if (commaParts.length > 2) return rejected(`'${literal}' has more than one ','; separate authors with ';'`);
  if (commaParts.length === 2) return familyCommaGiven(commaParts[0] ?? '', commaParts[1] ?? '', literal);

  const tokens = words(text);
  const last = tokens[tokens.length - 1] ?? '';
  if (tokens.length === 1) return parsed({ family: last, script: 'latin', literal });
  if (INITIALS.test(last)) return parsed(latinPerson(tokens.slice(0, -1).join(' '), [last], literal));

  const familyStart = givenFirstFamilyStart(tokens);
  if (familyStart === undefined) return parsed(latinPerson(tokens[0] ?? '', tokens.slice(1), literal));
  return parsed(latinPerson(tokens.slice(familyStart).join(' '), tokens.slice(0, familyStart), literal));
}

/** The space-separated words of trimmed, non-empty text. */
function words(text: string): string[] {
  return text.includes('  ') || ODD_WHITESPACE.test(text) ? text.split(WHITESPACE) : text.split(' ');
}

function familyCommaGiven(familyText: string, givenText: string, literal: string): Parsed<PersonName> {
  const family = familyText.trim();
  if (family === '') return rejected(`'${literal}' has no family name before the ','`);
  const given = givenText.trim();
  return parsed(latinPerson(family, given === '' ? [] : words(given), literal));
}

/**
 * Where the family name starts in a name of several words whose last token is a word, not
 * initials; undefined when it is family first. Given-first when an earlier token is an initial
 * ("Gabor G Illei") or a particle starts the family name ("Ludwig van Beethoven"). Otherwise plain
 * words ("Ma Chaoyi") are read family first, the order pinyin names take in Chinese sources: a
 * Western "Gabor Illei" is misread, so such names should be written "Illei, Gabor" or "Illei G".
 */
function givenFirstFamilyStart(tokens: readonly string[]): number | undefined {
  const particle = tokens.findIndex((token, index) => index > 0 && FAMILY_PARTICLES.has(token));
  if (particle > 0) return particle;
  if (tokens.slice(0, -1).some((token) => INITIALS.test(token))) return tokens.length - 1;
  return undefined;
}

function latinPerson(family: string, givenTokens: readonly string[], literal: string): PersonName {
  const name: PersonName = { family, script: 'latin', literal };
  const initials = givenTokens.map(initialsOf).join('');
  if (initials !== '') name.initials = initials;
  // Initials alone ("G", "CJF") are not a given name; "Gabor G" is.
  if (givenTokens.some((token) => !INITIALS.test(token))) name.given = givenTokens.join(' ');
  return name;
}

function initialsOf(token: string): string {
  if (INITIALS.test(token)) return token.replace(INITIALS_PUNCTUATION, '');
  return token
    .split(NAME_PART)
    .map((part) => part.charAt(0).toUpperCase())
    .join('');
}

/**
 * The family name in the form names are compared in: lower case, diacritics folded (ö → o, ø → o,
 * ß → ss), spaces, hyphens, apostrophes and periods removed ("Al-Darwish" and "Al Darwish" match).
 */
export function nameKey(name: PersonName): string {
  return name.family
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(UNDECOMPOSABLE_LETTER, (letter) => UNDECOMPOSABLE_FOLDS[letter] ?? letter)
    .replace(KEY_NOISE, '');
}

/**
 * Whether two names are plausibly the same person: same script and family name, and, when both
 * have them, the same first initial (Latin) or the same given name (Han).
 */
export function sameAuthor(a: PersonName, b: PersonName): boolean {
  if (a.script !== b.script || nameKey(a) !== nameKey(b)) return false;
  if (a.script === 'han') return a.given === undefined || b.given === undefined || a.given === b.given;
  const initialA = a.initials?.charAt(0);
  const initialB = b.initials?.charAt(0);
  return initialA === undefined || initialB === undefined || foldInitial(initialA) === foldInitial(initialB);
}

function foldInitial(initial: string): string {
  return initial.normalize('NFD').replace(COMBINING_MARKS, '').toUpperCase();
}

/** A person as readers name them in a citation: the family name for Latin names, the full name for Chinese ones. */
export function readerName(name: PersonName): string {
  return name.script === 'han' ? name.literal : name.family;
}
