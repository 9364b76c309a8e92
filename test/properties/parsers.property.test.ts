// Property tests of every value parser in pipeline/normalise: any text gives a value or a reason, values round-trip, and no input makes a parser slow.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createVocabulary,
  editDistance,
  formatRegimen,
  nearest,
  parseAuthors,
  parseCount,
  parseDoi,
  parseDuration,
  parseInteger,
  parseInterval,
  parseNumber,
  parsePercent,
  parsePersonName,
  parsePmid,
  parseRegimen,
  parseRegistration,
  parseReportedCount,
  parseYear,
  VOCABULARY_KINDS,
  vocabularyKey,
  type Parsed,
  type Regimen,
} from '../../pipeline/normalise/index.ts';
import { parsePeriod } from '../../pipeline/normalise/period.ts';
import {
  anyText,
  assertParsedShape,
  buildShape,
  growingSizes,
  KNOWN_ADVERSARIAL_SHAPES,
  params,
  randomShape,
  repeatedText,
  timeOf,
  tokenText,
  TRICKY_INPUTS,
  unicodeText,
  type Shape,
} from './support.ts';

const vocabulary = createVocabulary();

interface ParserUnderTest {
  name: string;
  parse: (raw: string) => Parsed<unknown>;
  /** What must hold of every value the parser accepts. */
  valueIsSound: (value: never) => boolean;
  /** Set when the parser is known to be slow on some input: the timing property then runs as `it.fails`. */
  slow?: string;
  /** Set when the parser is known to accept values that break `valueIsSound`. */
  unsound?: string;
  /** Timing runs beyond the known shapes; fewer for parsers that cost more per character. */
  timingRuns?: number;
}

const finite = (n: unknown): boolean => typeof n === 'number' && Number.isFinite(n);
const wholeCount = (n: unknown): boolean => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

const PARSERS: ParserUnderTest[] = [
  { name: 'parseNumber', parse: parseNumber, valueIsSound: (v: number) => finite(v) && !Object.is(v, -0) },
  { name: 'parseInteger', parse: parseInteger, valueIsSound: (v: number) => Number.isSafeInteger(v) },
  {
    name: 'parsePercent',
    parse: parsePercent,
    valueIsSound: (v: { value: number; decimals: number }) => finite(v.value) && v.value >= 0 && v.value <= 100 && Number.isInteger(v.decimals) && v.decimals >= 0,
  },
  { name: 'parseCount', parse: parseCount, valueIsSound: wholeCount },
  { name: 'parseYear', parse: parseYear, valueIsSound: (v: number) => Number.isInteger(v) && v >= 1800 && v <= 2100 },
  {
    name: 'parseReportedCount',
    parse: parseReportedCount,
    valueIsSound: (v: { count: number; denominator?: number; percent?: { value: number } }) =>
      wholeCount(v.count) && (v.denominator === undefined || wholeCount(v.denominator)) && (v.percent === undefined || (v.percent.value >= 0 && v.percent.value <= 100)),
  },
  {
    name: 'parseInterval',
    parse: parseInterval,
    valueIsSound: (v: { low: number; high: number }) => finite(v.low) && finite(v.high),
  },
  {
    name: 'parseDuration',
    parse: parseDuration,
    valueIsSound: (v: { weeks: number; amount: number }) => finite(v.weeks) && finite(v.amount) && v.weeks >= 0,
  },
  {
    name: 'parseRegimen',
    parse: parseRegimen,
    valueIsSound: (v: Regimen) =>
      v.doses.length > 0 &&
      v.doses.every((dose) => finite(dose.amount) && dose.amount >= 0) &&
      (v.interval === undefined || (finite(v.interval.every) && (v.interval.timesPer === undefined || finite(v.interval.timesPer)))),
    timingRuns: 10,
  },
  {
    name: 'parseDoi',
    parse: parseDoi,
    valueIsSound: (v: string) => /^10\.\d{4,9}\/\S+$/.test(v) && !v.endsWith('.'),
  },
  { name: 'parsePmid', parse: parsePmid, valueIsSound: (v: string) => /^[1-9]\d{0,7}$/.test(v) },
  {
    name: 'parseRegistration',
    parse: parseRegistration,
    valueIsSound: (v: string) => /^(NCT\d{8}|ChiCTR(-[A-Z]{2,5}-)?\d{8,10}|ISRCTN\d{8}|\d{4}-\d{6}-\d{2}|jRCT[a-z]?\d{9,10}|UMIN\d{9}|ACTRN\d{14})$/.test(v),
  },
  {
    name: 'parseAuthors',
    parse: parseAuthors,
    valueIsSound: (v: { names: { family: string }[] }) => v.names.length > 0 && v.names.every((name) => name.family.trim() !== ''),
  },
  { name: 'parsePersonName', parse: parsePersonName, valueIsSound: (v: { family: string }) => v.family.trim() !== '' },
  { name: 'parsePeriod', parse: parsePeriod, valueIsSound: (v: { from: number; to: number }) => v.from <= v.to && v.from >= 1800 },
  ...VOCABULARY_KINDS.map(
    (kind): ParserUnderTest => ({
      name: `vocabulary.lookup('${kind}')`,
      parse: (raw) => vocabulary.lookup(kind, raw),
      valueIsSound: (v: { kind: string; term: string }) => v.kind === kind && v.term !== '',
    }),
  ),
];

describe('every value parser takes any text', () => {
  PARSERS.forEach((parser, index) => {
    // A parser known to backtrack gets long inputs of 500 characters here (its timing property covers 10,000), so the suite stays fast until it is fixed.
    const maxLength = parser.slow ? 500 : 10_000;
    const test = () => {
      fc.assert(
        fc.property(anyText(maxLength), (raw) => {
          const result = parser.parse(raw);
          assertParsedShape(result, raw);
          if (result.ok && !parser.valueIsSound(result.value as never)) throw new Error(`unsound value ${JSON.stringify(result.value)?.slice(0, 200)} for ${JSON.stringify(raw.slice(0, 60))}`);
        }),
        params(100 + index, 400, { examples: TRICKY_INPUTS.map((input) => [input]) }),
      );
    };
    const title = `${parser.name}: never throws; gives { ok: true, value } with a sound value or { ok: false, reason }`;
    if (parser.unsound) it.fails(`${title} [known bug: ${parser.unsound}]`, test);
    else it(title, test);
  });

  it('nearest: never throws; gives undefined or one of the candidates', () => {
    fc.assert(
      // Candidates are names (columns, terms), never long text: edit distance is quadratic by nature.
      fc.property(anyText(), fc.array(fc.oneof(tokenText, unicodeText), { maxLength: 8 }), (word, candidates) => {
        const found = nearest(word, candidates);
        if (found !== undefined && !candidates.includes(found)) throw new Error(`${found} is not a candidate`);
      }),
      params(200, 400),
    );
  });
});

describe('values round-trip through the parsers', () => {
  it('parseNumber reads back any finite number printed with String(n), also in full-width digits', () => {
    const toFullWidth = (text: string) => text.replace(/[0-9.+\-e]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), (n, fullWidth) => {
        const text = fullWidth ? toFullWidth(String(n)) : String(n);
        const result = parseNumber(text);
        // A number that would need more than 100 decimals to print (1.5e-200) is refused, as printing could not show
        // it (toFixed stops at 100): below 1e-80 every double needs at most 17 + 80 digits, so all above must read back.
        if (n !== 0 && Math.abs(n) < 1e-80) {
          if (result.ok) expect(result.value).toBe(n);
          else expect(result.reason).toMatch(/decimals once its exponent is applied|too small to be held/);
          return;
        }
        expect(result).toEqual({ ok: true, value: n === 0 ? 0 : n });
      }),
      params(300, 1000),
    );
  });

  it('parseNumber reads integers grouped in thousands, with a U+2212 minus', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }), (n) => {
        const grouped = Math.abs(n).toLocaleString('en-US');
        expect(parseNumber(n < 0 ? `\u2212${grouped}` : grouped)).toEqual({ ok: true, value: n === 0 ? 0 : n });
      }),
      params(301, 300),
    );
  });

  it('parseCount and parseInteger read back any safe integer; parseCount refuses negatives', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        expect(parseInteger(String(n))).toEqual({ ok: true, value: n === 0 ? 0 : n });
        const count = parseCount(String(n));
        expect(count.ok).toBe(n >= 0);
        if (count.ok) expect(count.value).toBe(n);
      }),
      params(302, 500),
    );
  });

  it('parseYear accepts exactly 1800–2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000, max: 10_000 }), (year) => {
        const result = parseYear(String(year));
        expect(result.ok).toBe(year >= 1800 && year <= 2100);
        if (result.ok) expect(result.value).toBe(year);
      }),
      params(303, 300),
    );
  });

  it('parsePercent reads back p.toFixed(d), with or without %, and keeps d; outside 0–100 it refuses', () => {
    fc.assert(
      fc.property(fc.double({ min: -50, max: 150, noNaN: true }), fc.integer({ min: 0, max: 3 }), fc.constantFrom('', '%', ' %', '％'), (p, decimals, sign) => {
        const written = p.toFixed(decimals);
        const value = Number(written);
        const result = parsePercent(written + sign);
        if (value < 0 || value > 100) {
          // "-0.0" is zero, written with a sign.
          if (value !== 0) expect(result.ok).toBe(false);
          return;
        }
        expect(result).toEqual({ ok: true, value: { value: value === 0 ? 0 : value, decimals } });
      }),
      params(304, 500),
    );
  });

  it('parseReportedCount reads back "c/d (p%)", "c of d" and "c 例（p%）"', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.nat({ max: 5000 }), fc.integer({ min: 0, max: 2 }), (denominator, rawCount, decimals) => {
        const count = rawCount % (denominator + 1);
        const percent = ((100 * count) / denominator).toFixed(decimals);
        const expectedPercent = { value: Number(percent), decimals };
        expect(parseReportedCount(`${count}/${denominator} (${percent}%)`)).toEqual({ ok: true, value: { count, denominator, percent: expectedPercent } });
        expect(parseReportedCount(`${count} of ${denominator}`)).toEqual({ ok: true, value: { count, denominator } });
        expect(parseReportedCount(`${count} 例（${percent}%）`)).toEqual({ ok: true, value: { count, percent: expectedPercent } });
      }),
      params(305, 300),
    );
  });

  it('parseInterval reads back "a to b", "(a, b)" and "95% CI a 至 b", bounds in the order written', () => {
    const bound = fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => Number(x.toFixed(3)));
    fc.assert(
      fc.property(bound, bound, (a, b) => {
        const expected = { ok: true, value: { low: a === 0 ? 0 : a, high: b === 0 ? 0 : b } };
        expect(parseInterval(`${a} to ${b}`)).toEqual(expected);
        expect(parseInterval(`(${a}, ${b})`)).toEqual(expected);
        expect(parseInterval(`95% CI ${a} 至 ${b}`)).toEqual(expected);
      }),
      params(306, 300),
    );
  });

  it('parseDuration reads back "amount unit" and "unit amount" in any spelling, and converts to weeks', () => {
    const spellings = {
      day: ['d', 'day', 'days', '天', '日'],
      week: ['w', 'wk', 'week', 'weeks', '周'],
      month: ['mo', 'month', 'months', '个月'],
      year: ['y', 'yr', 'year', 'years', '年'],
    } as const;
    const daysPer = { day: 1, week: 7, month: 365.25 / 12, year: 365.25 };
    const unit = fc.constantFrom('day', 'week', 'month', 'year');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), unit, fc.nat(), fc.boolean(), (amount, which, pick, unitFirst) => {
        const names = spellings[which];
        const name = names[pick % names.length] ?? which;
        const text = unitFirst && /^[a-z]+$/.test(name) ? `${name} ${amount}` : `${amount} ${name}`;
        const result = parseDuration(text);
        expect(result).toEqual({ ok: true, value: { amount, unit: which, weeks: (amount * daysPer[which]) / 7 } });
      }),
      params(307, 300),
    );
  });

  it('formatRegimen output parses back to the same regimen', () => {
    const drug = fc.constantFrom('TCZ', 'tocilizumab', 'MMF', 'rituximab', 'Actemra', '托珠单抗');
    const amount = fc.oneof(fc.integer({ min: 1, max: 2000 }), fc.constantFrom(0.5, 2.5, 7.5, 12.5));
    const unit = fc.constantFrom('mg', 'mg/kg', 'g', 'µg', 'IU', 'mL');
    const regimen: fc.Arbitrary<Regimen> = fc
      .record(
        {
          drug,
          doses: fc.oneof(
            fc.tuple(fc.array(amount, { minLength: 1, maxLength: 3 }), unit).map(([amounts, u]) => amounts.map((a) => ({ amount: a, unit: u }))),
            fc.array(fc.record({ amount, unit }), { minLength: 1, maxLength: 3 }),
          ),
          route: fc.constantFrom('IV', 'SC', 'PO', 'IM'),
          interval: fc.record(
            { every: fc.integer({ min: 1, max: 12 }), unit: fc.constantFrom('day', 'week', 'month'), timesPer: fc.integer({ min: 2, max: 4 }) },
            { requiredKeys: ['every', 'unit'] },
          ),
        },
        { requiredKeys: ['doses'] },
      )
      .map((r) => r as Regimen);
    fc.assert(
      fc.property(regimen, (r) => {
        const text = formatRegimen(r);
        expect(parseRegimen(text), text).toEqual({ ok: true, value: r });
      }),
      params(308, 500),
    );
  });

  it('parseDoi reads back a DOI, bare, after "doi:" or as a doi.org link, without a sentence\'s final period', () => {
    const suffix = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9.()\-_;:/]{0,30}$/).filter((s) => !s.endsWith('.'));
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 999_999_999 }), suffix, fc.constantFrom('', 'doi:', 'DOI: ', 'https://doi.org/', 'http://dx.doi.org/'), fc.boolean(), (registrant, s, prefix, period) => {
        const doi = `10.${registrant}/${s}`;
        expect(parseDoi(`${prefix}${doi}${period ? '.' : ''}`)).toEqual({ ok: true, value: doi });
      }),
      params(309, 300),
    );
  });

  it('parsePmid reads back 1–8 digits, with "PMID:" and leading zeros', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999_999 }), fc.constantFrom('', 'PMID:', 'PMID: ', 'pmid '), (pmid, prefix) => {
        expect(parsePmid(`${prefix}${pmid}`)).toEqual({ ok: true, value: String(pmid) });
        const padded = String(pmid).padStart(8, '0');
        expect(parsePmid(padded)).toEqual({ ok: true, value: String(pmid) });
      }),
      params(310, 300),
    );
  });

  it('parseRegistration spells NCT, ISRCTN and EudraCT ids the registry\'s way, whatever their case', () => {
    const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
    fc.assert(
      fc.property(digits(8), digits(4), digits(6), digits(2), fc.boolean(), (eight, year, serial, check, lower) => {
        const cased = (text: string) => (lower ? text.toLowerCase() : text);
        expect(parseRegistration(cased(`NCT${eight}`))).toEqual({ ok: true, value: `NCT${eight}` });
        expect(parseRegistration(cased(`ISRCTN ${eight}`))).toEqual({ ok: true, value: `ISRCTN${eight}` });
        expect(parseRegistration(`${year}-${serial}-${check}`)).toEqual({ ok: true, value: `${year}-${serial}-${check}` });
        expect(parseRegistration(cased(`EudraCT No. ${year}-${serial}-${check}`))).toEqual({ ok: true, value: `${year}-${serial}-${check}` });
      }),
      params(311, 300),
    );
  });

  it('parseAuthors and parsePersonName read back "Family Initials" lists and Chinese names', () => {
    const family = fc.constantFrom('Smith', 'Illei', 'Manfredi', "O'Brien", 'Müller', 'Della Casa', 'Al-Darwish');
    const initials = fc.stringMatching(/^[A-Z]{1,3}$/);
    // 等 and 人 are left out of given names: "陈等" is 陈 and "et al", as the parser documents.
    const given = fc.stringMatching(/^[\u4e00-\u9fa5]{1,2}$/).filter((g) => !/[等人]/.test(g));
    const han = fc.tuple(fc.constantFrom('陈', '王', '李', '欧阳', '司马'), given);
    const person = fc.oneof(
      fc.tuple(family, initials).map(([f, i]) => ({ text: `${f} ${i}`, family: f, initials: i })),
      han.map(([f, g]) => ({ text: f + g })),
    );
    fc.assert(
      fc.property(fc.array(person, { minLength: 1, maxLength: 6 }), fc.constantFrom('', '; et al', '; 等', ' et al.'), (people, tail) => {
        const result = parseAuthors(people.map((p) => p.text).join('; ') + tail);
        if (!result.ok) throw new Error(result.reason);
        expect(result.value.truncated).toBe(tail !== '');
        result.value.names.forEach((name, i) => {
          const expected = people[i];
          if (expected === undefined) throw new Error('more names than written');
          if ('initials' in expected) expect([name.family, name.initials]).toEqual([expected.family, expected.initials]);
          else expect(name.family + (name.given ?? '')).toBe(expected.text);
        });
        expect(result.value.names).toHaveLength(people.length);
      }),
      params(312, 300),
    );
  });

  it('parsePeriod reads back "from-to" for any two years in order, and refuses them reversed', () => {
    const year = fc.integer({ min: 1800, max: 2099 });
    fc.assert(
      fc.property(year, year, fc.constantFrom('-', '–', ' to ', '至', '~'), (a, b, dash) => {
        const result = parsePeriod(`${a}${dash}${b}`);
        if (a <= b) expect(result).toEqual({ ok: true, value: { from: a, to: b } });
        else expect(result.ok).toBe(false);
      }),
      params(313, 300),
    );
  });

  it('vocabulary lookup finds every term and alias through case, spaces, hyphens, underscores and full-width forms', () => {
    const pairs = VOCABULARY_KINDS.flatMap((kind) => vocabulary.entries(kind).flatMap((entry) => [entry.term, ...entry.aliases].map((name) => ({ kind, name, term: entry.term }))));
    const noisy = (name: string, seed: number): string =>
      [...name]
        .map((c, i) => {
          const roll = (seed >> i % 24) & 7;
          const folded = roll === 0 ? c.toUpperCase() : roll === 1 ? c.toLowerCase() : c;
          const wide = roll === 2 && /[!-~]/.test(folded) ? String.fromCharCode(folded.charCodeAt(0) + 0xfee0) : folded;
          return roll === 3 ? `${wide} ` : roll === 4 ? `${wide}-` : roll === 5 ? `${wide}_` : wide;
        })
        .join('');
    fc.assert(
      fc.property(fc.constantFrom(...pairs), fc.integer(), ({ kind, name, term }, seed) => {
        const variant = noisy(name, seed);
        // Two names of one kind that differ only in noise are one name; the later definition wins.
        const owner = vocabulary.lookup(kind, name);
        if (!owner.ok) throw new Error(`${kind} '${name}' is not found as written`);
        const found = vocabulary.lookup(kind, variant);
        expect(found.ok && found.value.term, `${kind} '${variant}' (from '${name}', the alias of ${term})`).toBe(owner.value.term);
      }),
      params(314, 1000),
    );
  });

  it('every canonical term resolves to itself', () => {
    for (const kind of VOCABULARY_KINDS) {
      for (const entry of vocabulary.entries(kind)) {
        const found = vocabulary.lookup(kind, entry.term);
        expect(found.ok && found.value.term).toBe(entry.term);
        expect(vocabularyKey(entry.term)).not.toBe('');
      }
    }
  });

  it('nearest returns a candidate itself; editDistance is a symmetric distance bounded by the longer word', () => {
    const word = fc.string({ maxLength: 12 });
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 6, selector: (s) => s.toLowerCase() }), fc.nat(), word, word, (candidates, pick, a, b) => {
        const chosen = candidates[pick % candidates.length] ?? '';
        expect(nearest(chosen, candidates)).toBe(chosen);
        const [x, y] = [Array.from(a), Array.from(b)];
        const distance = editDistance(x, y);
        expect(distance).toBe(editDistance(y, x));
        expect(distance === 0).toBe(a === b);
        expect(distance).toBeLessThanOrEqual(Math.max(x.length, y.length));
      }),
      params(315, 500),
    );
  });
});

// ---------------------------------------------------------------- time

/** The per-call bound: a parser must read a 10,000-character cell within this many milliseconds. */
const BUDGET_MS = 50;
const MAX_LENGTH = 10_000;

describe(`no value parser takes more than ${BUDGET_MS} ms on any input up to ${MAX_LENGTH} characters`, () => {
  beforeAll(() => {
    // Compile every parser's regular expressions before any call is timed.
    for (const parser of PARSERS) for (const text of ['1', 'x y', '1 mg', '(1, 2)', 'Smith J; Lee K']) parser.parse(text);
  });

  PARSERS.forEach((parser, index) => {
    const test = () => {
      let slowest = { ms: 0, input: '' };
      const property = fc.property(fc.oneof(randomShape, repeatedText(MAX_LENGTH).map((text): Shape => ({ prefix: text, unit: '', suffix: '' }))), (shape) => {
        // Sizes double up to the maximum, so an input that explodes is caught while it still runs in milliseconds.
        for (const size of shape.unit === '' ? [0] : growingSizes(MAX_LENGTH)) {
          const input = buildShape(shape, size);
          const ms = timeOf(() => void parser.parse(input), BUDGET_MS);
          if (ms > slowest.ms) slowest = { ms, input };
          if (ms > BUDGET_MS) throw new Error(`${input.length} characters took ${ms.toFixed(1)} ms: ${JSON.stringify(input.slice(0, 60))}…`);
        }
      });
      fc.assert(property, params(400 + index, parser.timingRuns ?? 40, { examples: KNOWN_ADVERSARIAL_SHAPES.map((shape) => [shape]), endOnFailure: true }));
      // The assertion is on the slowest single call, never on a total.
      expect(slowest.ms).toBeLessThan(BUDGET_MS);
    };
    const title = `${parser.name} stays under ${BUDGET_MS} ms a call`;
    if (parser.slow) it.fails(`${title} [known bug: ${parser.slow}]`, test);
    else it(title, test);
  });

  it(`nearest stays under ${BUDGET_MS} ms a call against the column names`, () => {
    const columns = ['id', 'number', 'type', 'authors', 'title', 'journal', 'year', 'reference_id', 'n_enrolled', 'n_analysed', 'study_id', 'denominator'];
    fc.assert(
      fc.property(repeatedText(MAX_LENGTH), (word) => {
        const ms = timeOf(() => void nearest(word, columns), BUDGET_MS);
        if (ms > BUDGET_MS) throw new Error(`${word.length} characters took ${ms.toFixed(1)} ms`);
      }),
      params(450, 100),
    );
  });
});
