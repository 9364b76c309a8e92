// review.json, the review's own settings beside its templates: title, authors, keywords, reference style, date and claim words.
import { join } from 'node:path';
import { ReviewError } from '../errors.ts';
import { REFERENCE_STYLES, type ReferenceStyleName } from '../citations/csl.ts';
import type { ReviewMeta } from '../render/review.ts';
import { CLAIM_KINDS, type ClaimKind, type ClaimWordsAddition } from '../prose/claim-words.ts';
import { MAX_META_BYTES, displayPath, readOptionalFile } from './files.ts';
import { decodeBytes } from '../ingest/decode.ts';

interface ReviewJson {
  title?: unknown;
  authors?: unknown;
  subject?: unknown;
  keywords?: unknown;
  referenceStyle?: unknown;
  date?: unknown;
  claimWords?: unknown;
}

/** What review.json says; an absent file gives the defaults, a malformed one is a template error naming it. */
export function readReviewJson(templatesDir: string, cwd: string): { meta: ReviewMeta & { date?: string }; claimWords: ClaimWordsAddition } {
  const path = join(templatesDir, 'review.json');
  let data: ReviewJson = {};
  // Read as every input is (a regular file, no link, bounded): a review.json → /dev/zero must not be read forever.
  const bytes = readOptionalFile(path, cwd, MAX_META_BYTES);
  if (bytes !== undefined) {
    try {
      data = JSON.parse(decodeBytes(bytes).text) as ReviewJson;
    } catch (cause) {
      throw new ReviewError('TEMPLATE', `${displayPath(path, cwd)}: not valid JSON: ${(cause as Error).message}`, { path, cause });
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new ReviewError('TEMPLATE', `${displayPath(path, cwd)}: not a JSON object`, { path });
  }
  const text = (value: unknown): string => (typeof value === 'string' ? value : '');
  const style = text(data.referenceStyle) || 'gb-t-7714';
  // Own keys only: 'constructor' or '__proto__' are found `in` every object, and are no style.
  if (!Object.hasOwn(REFERENCE_STYLES, style)) {
    throw new ReviewError('TEMPLATE', `${displayPath(path, cwd)}: referenceStyle '${style}' is not one of ${Object.keys(REFERENCE_STYLES).join(', ')}`, { path });
  }
  const meta: ReviewMeta & { date?: string } = {
    title: text(data.title) || 'Review',
    authors: text(data.authors),
    subject: text(data.subject),
    referenceStyle: style as ReferenceStyleName,
  };
  if (text(data.keywords)) meta.keywords = text(data.keywords);
  if (text(data.date)) meta.date = text(data.date);
  return { meta, claimWords: claimWordsOf(data.claimWords, displayPath(path, cwd)) };
}


/**
 * `claimWords`: `{"terms": [{"kind": "proof", "phrase": "确证"}], "negations": […], "exceptions": […]}`, each
 * entry a kind and a phrase (terms of kind `design` also list the designs that bear them out).
 */
function claimWordsOf(value: unknown, file: string): ClaimWordsAddition {
  if (value === undefined) return {};
  const fail = (what: string): never => {
    throw new ReviewError('TEMPLATE', `${file}: claimWords${what.startsWith('.') ? '' : ' '}${what}`, { path: file });
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('must be an object with terms, negations or exceptions');
  const addition: { terms?: ClaimWordsAddition['terms']; negations?: ClaimWordsAddition['negations']; exceptions?: ClaimWordsAddition['exceptions'] } = {};
  for (const [key, list] of Object.entries(value)) {
    if (key !== 'terms' && key !== 'negations' && key !== 'exceptions') return fail(`has no key '${key}' (terms, negations, exceptions)`);
    if (!Array.isArray(list)) return fail(`.${key} must be a list`);
    addition[key] = list.map((entry: unknown, index) => {
      const item = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
      const where = `.${key}[${index}]`;
      if (typeof item.kind !== 'string' || !(CLAIM_KINDS as readonly string[]).includes(item.kind)) return fail(`${where}.kind must be one of ${CLAIM_KINDS.join(', ')}`);
      if (typeof item.phrase !== 'string' || item.phrase.trim() === '' || item.phrase.length > 100) return fail(`${where}.phrase must be a text of 1 to 100 characters`);
      const list = (name: string): string[] | undefined => {
        const terms = item[name];
        if (terms === undefined) return undefined;
        if (!Array.isArray(terms) || !terms.every((t) => typeof t === 'string')) return fail(`${where}.${name} must be a list of terms`);
        return terms as string[];
      };
      const designs = list('designs');
      const contradictedBy = list('contradictedBy');
      return { kind: item.kind as ClaimKind, phrase: item.phrase, ...(designs ? { designs } : {}), ...(contradictedBy ? { contradictedBy } : {}) };
    });
  }
  return addition;
}
