// zod adapter: column kinds built from the value parsers, so each cell is validated and normalised in one step.
import { z } from 'zod';
import type { Parsed } from '../normalise/types.ts';
import type { Vocabulary, VocabularyKind } from '../normalise/vocabulary.ts';
import { nearest } from '../normalise/nearest.ts';

/** What a failed cell tells the diagnostics: a required cell was empty, or a value did not parse. */
export interface CellIssueParams {
  kind: 'missing' | 'invalid';
  suggestion?: string;
}

/** A value kept as written beside what could be read from it (`parsed` is undefined when nothing could). */
export interface Lenient<T> {
  raw: string;
  parsed: T | undefined;
}

type Ctx = z.core.$RefinementCtx<string>;

function fail(ctx: Ctx, message: string, params: CellIssueParams): typeof z.NEVER {
  ctx.addIssue({ code: 'custom', message, params });
  return z.NEVER;
}

/** Optional text: trimmed, empty becomes undefined. */
export function text() {
  return z.string().transform((raw) => raw.trim() || undefined);
}

/** Required text. */
export function requiredText() {
  return z.string().transform((raw, ctx) => raw.trim() || fail(ctx, 'is empty', { kind: 'missing' }));
}

const IDENTIFIER = /^[\p{L}\p{N}][\p{L}\p{N}_.:-]*$/u;

/** A record key: letters, digits, `_ . : -`; never a path, so no id can name a file outside the output. */
export function identifier(required = true) {
  return z.string().transform((raw, ctx) => {
    const value = raw.trim();
    if (!value) return required ? fail(ctx, 'is empty', { kind: 'missing' }) : undefined;
    if (!IDENTIFIER.test(value)) {
      return fail(ctx, `'${value}' is not an id (letters, digits and _ . : - only)`, { kind: 'invalid' });
    }
    return value;
  });
}

/** Most ids one list cell may hold: a study's reports are a handful, never thousands. */
const MAX_LIST_IDS = 100;

/**
 * A `;`-separated list of record keys, in the order written (a study's reports, the main one first);
 * an id given twice is invalid, so the order stays meaningful.
 */
export function identifierList() {
  return z.string().transform((raw, ctx): string[] => {
    const parts = raw.split(/[;；]/).map((part) => part.trim());
    if (parts.every((part) => part === '')) return fail(ctx, 'is empty', { kind: 'missing' });
    if (parts.length > MAX_LIST_IDS) return fail(ctx, `lists ${parts.length} ids; at most ${MAX_LIST_IDS}`, { kind: 'invalid' });
    const ids: string[] = [];
    for (const part of parts) {
      if (part === '') return fail(ctx, `'${raw.trim()}' has an empty item; separate ids with one ';'`, { kind: 'invalid' });
      if (!IDENTIFIER.test(part)) return fail(ctx, `'${part}' is not an id (letters, digits and _ . : - only; ';' separates ids)`, { kind: 'invalid' });
      if (ids.includes(part)) return fail(ctx, `'${part}' is listed twice`, { kind: 'invalid' });
      ids.push(part);
    }
    return ids;
  });
}

/** An optional cell read by one of the value parsers; a cell that does not parse is invalid. */
export function parsedBy<T>(parser: (raw: string) => Parsed<T>) {
  return z.string().transform((raw, ctx): T | undefined => {
    const value = raw.trim();
    if (!value) return undefined;
    const result = parser(value);
    if (result.ok) return result.value;
    return fail(ctx, result.reason, result.suggestion === undefined ? { kind: 'invalid' } : { kind: 'invalid', suggestion: result.suggestion });
  });
}

/** Free text that a parser reads when it can (durations, regimens, "14 (56%)"); never invalid. */
export function lenient<T>(parser: (raw: string) => Parsed<T>) {
  return z.string().transform((raw): Lenient<T> | undefined => {
    const value = raw.trim();
    if (!value) return undefined;
    const result = parser(value);
    return { raw: value, parsed: result.ok ? result.value : undefined };
  });
}

/** One of a closed set of words (status, language …); a near miss is suggested. */
export function oneOf<const Values extends readonly string[]>(values: Values, required = false) {
  return z.string().transform((raw, ctx): Values[number] | undefined => {
    const value = raw.trim();
    if (!value) return required ? fail(ctx, 'is empty', { kind: 'missing' }) : undefined;
    const match = values.find((allowed) => allowed.toLowerCase() === value.toLowerCase());
    if (match !== undefined) return match;
    const suggestion = nearest(value, values);
    return fail(ctx, `'${value}' is not one of ${values.join(', ')}`, suggestion === undefined ? { kind: 'invalid' } : { kind: 'invalid', suggestion });
  });
}

/**
 * A vocabulary term: aliases (Chinese, English, abbreviations) become the canonical term; a term the
 * vocabulary does not know is kept as written, and `record/unknown-term` warns about it.
 */
export function term(vocabulary: Vocabulary, kind: VocabularyKind, required = false) {
  return z.string().transform((raw, ctx): string | undefined => {
    const value = raw.trim();
    if (!value) return required ? fail(ctx, 'is empty', { kind: 'missing' }) : undefined;
    const found = vocabulary.lookup(kind, value);
    return found.ok ? found.value.term : value;
  });
}

/** Makes a parsed-cell column required. */
export function required<T>(parser: (raw: string) => Parsed<T>) {
  return z.string().transform((raw, ctx): T => {
    const value = raw.trim();
    if (!value) return fail(ctx, 'is empty', { kind: 'missing' });
    const result = parser(value);
    if (result.ok) return result.value;
    return fail(ctx, result.reason, result.suggestion === undefined ? { kind: 'invalid' } : { kind: 'invalid', suggestion: result.suggestion });
  });
}
