// Reads bibliographic and trial identifiers (DOI, PMID, trial registration numbers) into one canonical spelling each.

import { parsed, rejected, tooLong } from './types.ts';
import type { Parsed } from './types.ts';

// "\s*(?::\s*)?", never "\s*:?\s*": two \s* side by side split a run of spaces every possible way.
const DOI_PREFIX = /^(?:https?:\/\/(?:dx\.|www\.)?doi\.org\/|doi\s*(?::\s*)?)/i;
const DOI_SHAPE = /^10\.\d{4,9}\/\S+$/;
const PERCENT_ESCAPE = /%[0-9a-f]{2}/i;
const PMID = /^(?:pmid\s*(?::\s*)?)?(?<digits>\d{1,8})$/i;
const PERIOD = 0x2e;
// The longest text the identifier parsers read: 1,000 characters; DOIs run to a few hundred at most.
const MAX_LENGTH = 1_000;
const LEADING_ZEROS = /^0+/;

/** The form DOIs are compared in: lower case. */
export function doiKey(doi: string): string {
  return doi.toLowerCase();
}

/**
 * Parses a DOI, from a bare "10.1000/xyz", "doi:", "DOI " or a doi.org link, without a trailing
 * period left by the sentence it was copied from. The case is kept as written, so a reference list
 * prints what the publisher printed; DOIs are case-insensitive, so compare them with `doiKey`.
 */
export function parseDoi(raw: string): Parsed<string> {
  const long = tooLong(raw, MAX_LENGTH, 'a DOI is at most a few hundred characters');
  if (long !== undefined) return long;
  const shown = raw.trim();
  const doi = decodeEscapes(withoutTrailingPeriods(shown.replace(DOI_PREFIX, '')));
  if (!DOI_SHAPE.test(doi)) return rejected(`'${shown}' is not a DOI (10.NNNN/suffix)`);
  return parsed(doi);
}

/**
 * The text without the periods at its end. A loop, not /\.+$/, which was tried from every period of
 * a run and so took time quadratic in the run.
 */
function withoutTrailingPeriods(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === PERIOD) end -= 1;
  return text.slice(0, end);
}

// Links copied from a browser escape '/' and '<' as %2F and %3C; a bare DOI is never escaped.
function decodeEscapes(text: string): string {
  if (!PERCENT_ESCAPE.test(text)) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Parses a PubMed id: 1–8 digits, optionally after "PMID:"; leading zeros are dropped. */
export function parsePmid(raw: string): Parsed<string> {
  const long = tooLong(raw, MAX_LENGTH, 'a PMID is at most 8 digits');
  if (long !== undefined) return long;
  const shown = raw.trim();
  const digits = PMID.exec(shown)?.groups?.digits?.replace(LEADING_ZEROS, '');
  if (!digits) return rejected(`'${shown}' is not a PMID (1–8 digits)`);
  return parsed(digits);
}

/** One trial registry: how to recognise its ids, how to spell them, and what to tell a user who got it wrong. */
interface Registry {
  name: string;
  /** Text that claims to be this registry's id, right or wrong. */
  claim: RegExp;
  shape: RegExp;
  canonical(match: RegExpExecArray): string;
  expected: string;
}

const REGISTRIES: readonly Registry[] = [
  {
    name: 'ClinicalTrials.gov',
    claim: /^NCT/i,
    shape: /^NCT\s*(\d{8})$/i,
    canonical: (m) => `NCT${m[1]}`,
    expected: "'NCT' and 8 digits",
  },
  {
    name: 'ChiCTR',
    claim: /^ChiCTR/i,
    // Before 2016 ids carried a type code ("ChiCTR-TRC-12002345"); since then they do not ("ChiCTR2000029765").
    shape: /^ChiCTR(?:-([A-Z]{2,5}))?-?(\d{8,10})$/i,
    canonical: (m) => (m[1] === undefined ? `ChiCTR${m[2]}` : `ChiCTR-${m[1].toUpperCase()}-${m[2]}`),
    expected: "'ChiCTR' and 8–10 digits, e.g. ChiCTR2000029765 or ChiCTR-TRC-12002345",
  },
  {
    name: 'ISRCTN',
    claim: /^ISRCTN/i,
    shape: /^ISRCTN\s*(\d{8})$/i,
    canonical: (m) => `ISRCTN${m[1]}`,
    expected: "'ISRCTN' and 8 digits",
  },
  {
    name: 'EudraCT',
    claim: /^(?:EudraCT|\d{4}-\d)/i,
    // Each \s* follows a word or ':', never another \s*: "EudraCT\s*(?:No\.?|number)?\s*:?\s*" split a run of spaces three ways, in cubic time.
    shape: /^(?:EudraCT\s*(?:(?:No\.?|number)\s*)?(?::\s*)?)?(\d{4}-\d{6}-\d{2})$/i,
    canonical: (m) => m[1] ?? '',
    expected: 'YYYY-NNNNNN-CC, e.g. 2015-001234-56',
  },
  {
    name: 'jRCT',
    claim: /^jRCT/i,
    shape: /^jRCT([a-z]?\d{9,10})$/i,
    canonical: (m) => `jRCT${m[1]?.toLowerCase()}`,
    expected: "'jRCT' and 10 digits, e.g. jRCT2031190001",
  },
  {
    name: 'UMIN-CTR',
    claim: /^UMIN/i,
    shape: /^UMIN\s*(\d{9})$/i,
    canonical: (m) => `UMIN${m[1]}`,
    expected: "'UMIN' and 9 digits",
  },
  {
    name: 'ANZCTR',
    claim: /^ACTRN/i,
    shape: /^ACTRN\s*(\d{14})$/i,
    canonical: (m) => `ACTRN${m[1]}`,
    expected: "'ACTRN' and 14 digits",
  },
];

/**
 * Parses a trial registration number from ClinicalTrials.gov (NCT), ChiCTR, ISRCTN, EudraCT, jRCT,
 * UMIN-CTR or ANZCTR (ACTRN), spelled the registry's way ("nct02453256" → "NCT02453256").
 */
export function parseRegistration(raw: string): Parsed<string> {
  const long = tooLong(raw, MAX_LENGTH, 'a trial registration number is a few dozen characters');
  if (long !== undefined) return long;
  const shown = raw.trim();
  for (const registry of REGISTRIES) {
    const match = registry.shape.exec(shown);
    if (match !== null) return parsed(registry.canonical(match));
    if (registry.claim.test(shown)) return rejected(`'${shown}' is not a well-formed ${registry.name} id; expected ${registry.expected}`);
  }
  return rejected(`'${shown}' is not a trial registration number (NCT, ChiCTR, ISRCTN, EudraCT, jRCT, UMIN or ACTRN)`);
}
