// The Handlebars helpers a review's templates use: citations, the reference list, and every number drawn from the records.
import Handlebars from 'handlebars';
import type { HelperOptions } from 'handlebars';
import type { OutcomeRecord, StudyRecord } from '../schema/tables.ts';
import { formatNumberList } from '../citations/number-list.ts';
import { decimalsOf, formatInterval, formatNumber } from './format.ts';
import { isLabelKey, label } from './labels.ts';
import type { ReviewModel } from './model.ts';
import { OUTCOME_FILTERS, selectOutcomeRows } from './outcome-selection.ts';
import type { CitationNumbering } from './numbering.ts';
import { minOf } from '../arrays.ts';
import { pooledField } from './pooled.ts';
import type { AnalysisResult } from '../synthesis/analyse.ts';
import type { HelperCall } from './handlebars.ts';

/** What the helpers draw on during one render pass. */
export interface HelperContext {
  model: ReviewModel;
  numbering: CitationNumbering;
  /** The line naming this build's version and date (`{{version}}`), as text. */
  version: string;
  /** Ready HTML of blocks computed outside the templates. */
  blocks: { bibliography: () => string; evidenceTable: () => string; changes: () => string; versionHistory: () => string; forest: (result: AnalysisResult) => string };
}

/**
 * The helpers templates may call: the tool's own and Handlebars' built-in block helpers. Not `log`: it writes to the
 * console, outside the document (in CI, a line "::error::…" is a workflow command).
 */
export const TEMPLATE_HELPERS: ReadonlySet<string> = new Set([
  'cite', 'bibliography', 'evidenceTable', 'changes', 'version', 'versionHistory', 'label', 'study', 'outcome', 'count', 'num', 'pooled', 'forest',
  'if', 'unless', 'each', 'with', 'lookup',
]);

type Value = string | number;

/** How often one block (reference list, evidence table, changes) may be inserted in one document. */
export const MAX_BLOCK_USES = 8;
/** How much text all helper calls of one render pass may return together (the evidence table of 12,500 studies is about 10 MB). */
export const MAX_HELPER_OUTPUT_CHARS = 128 * 1024 * 1024;
const { SafeString, escapeExpression } = Handlebars;

/** A helper error that carries the template position of the call, so it is reported at file:line:column. */
function fail(options: HelperOptions, message: string): never {
  const loc = (options as HelperOptions & { loc?: { start: { line: number; column: number } } }).loc;
  throw Object.assign(new Error(message), loc ? { lineNumber: loc.start.line, column: loc.start.column } : {});
}

/** Splits a helper's arguments from Handlebars' options object, which always comes last. */
function split(args: unknown[]): { params: unknown[]; options: HelperOptions } {
  return { params: args.slice(0, -1), options: args[args.length - 1] as HelperOptions };
}

export function registerHelpers(handlebars: typeof Handlebars, context: HelperContext): void {
  const { model, numbering } = context;
  // Everything the helpers return counts against one budget per pass: the template text is bounded before the render
  // (render/expansion.ts), and this bounds what the helpers add to it (a 10 MB cell inserted from a partial included
  // thousands of times would otherwise make gigabytes).
  let spent = 0;
  const register = (name: string, helper: Handlebars.HelperDelegate): void => {
    handlebars.registerHelper(name, (...args: unknown[]) => {
      const out: unknown = helper(...args);
      spent += typeof out === 'string' ? out.length : out instanceof SafeString ? out.toString().length : String(out).length;
      if (spent > MAX_HELPER_OUTPUT_CHARS) fail(split(args).options, `the helpers' output passes ${MAX_HELPER_OUTPUT_CHARS / 2 ** 20} MiB here`);
      return out;
    });
  };

  register('cite', (...args: unknown[]) => {
    const { params, options } = split(args);
    if (params.length === 0) fail(options, 'cite needs at least one reference id');
    const numbers = params.map((param) => {
      const id = String(param);
      if (!model.referencesById.has(id)) fail(options, `no reference has the id '${id}'`);
      return numbering.numberOf(id);
    });
    const first = minOf(numbers);
    return new SafeString(`<a class="cite" href="#ref-${first}">[${formatNumberList(numbers, ',')}]</a>`);
  });

  // The blocks are the only helpers whose output grows with the records (a table of every study): each may stand a few
  // times in a document, not thousands of times from a partial included over and over. Counted per pass.
  for (const name of ['bibliography', 'evidenceTable', 'changes', 'versionHistory'] as const) {
    let uses = 0;
    register(name, (...args: unknown[]) => {
      if (++uses > MAX_BLOCK_USES) fail(split(args).options, `{{${name}}} is inserted more than ${MAX_BLOCK_USES} times`);
      return new SafeString(context.blocks[name]());
    });
  }
  // Text, which Handlebars escapes.
  register('version', () => context.version);

  // Drawn from the pooled analyses, which a check does not compute: answered while rendering only.
  register('pooled', (id: unknown, field: unknown, options: HelperOptions) => {
    const result = model.analyses.get(String(id));
    if (!result) fail(options, `no analysis has the id '${String(id)}' in analyses.csv`);
    const text = pooledField(result, String(field), model.lang);
    if (!text.ok) fail(options, text.reason);
    return text.text;
  });
  let forests = 0;
  register('forest', (...args: unknown[]) => {
    const { params, options } = split(args);
    if (params.length !== 1) fail(options, 'forest takes one analysis id: {{forest "id"}}');
    const id = params[0];
    const result = model.analyses.get(String(id));
    if (!result) fail(options, `no analysis has the id '${String(id)}' in analyses.csv`);
    if (!result.synthesis?.pooled) fail(options, `analysis ${result.target.id} has no pooled estimate to plot (${result.problem ?? 'no estimable study'})`);
    if (++forests > MAX_BLOCK_USES * 4) fail(options, `{{forest}} is inserted more than ${MAX_BLOCK_USES * 4} times`);
    return new SafeString(context.blocks.forest(result));
  });

  const draw = drawingHelpers(model, () => numbering.order.length);
  for (const name of DRAWING_HELPERS) {
    register(name, (...args: unknown[]) => {
      const { params, options } = split(args);
      try {
        return draw[name](params, (options.hash ?? {}) as Hash);
      } catch (error) {
        if (error instanceof HelperProblem) fail(options, error.message);
        throw error;
      }
    });
  }
}

/** A helper call the records cannot answer (no row, two rows, an empty field, an unknown field); the render stops at it, the check reports it. */
export class HelperProblem extends Error {}

function problem(message: string): never {
  throw new HelperProblem(message);
}

/** The helpers that draw on the records, one declaration shared by the render and the check (`unresolvedCalls`). */
export const DRAWING_HELPERS = ['label', 'study', 'outcome', 'count', 'num'] as const;
type DrawingHelper = (typeof DRAWING_HELPERS)[number];
type Hash = Readonly<Record<string, unknown>>;

/**
 * The drawing helpers as plain functions of their arguments and hash; each throws a HelperProblem for what
 * the records cannot answer. `referenceCount` is the number of references cited (known while rendering).
 */
export function drawingHelpers(model: ReviewModel, referenceCount: () => number): Record<DrawingHelper, (params: readonly unknown[], hash: Hash) => Value> {
  const lang = model.lang;
  return {
    label: ([key]) => {
      const name = String(key);
      if (!isLabelKey(name)) problem(`no label '${name}'`);
      return label(name, lang);
    },
    study: ([id, field]) => studyField(findStudy(String(id)), String(field)),
    outcome: ([studyId, outcome], criteria) => {
      const study = findStudy(String(studyId));
      const { field = 'value', ...filters } = criteria;
      for (const key of Object.keys(filters)) if (!OUTCOME_FILTERS.has(key)) problem(`outcome takes ${[...OUTCOME_FILTERS].join(', ')} and field, not '${key}'`);
      const matches = selectOutcomeRows(study.outcomes, String(outcome), filters);
      const description = `${study.id} ${String(outcome)}${Object.entries(filters).map(([k, v]) => ` ${k}=${String(v)}`).join('')}`;
      if (matches.length === 0) problem(`no outcome row matches ${description}`);
      if (matches.length > 1) problem(`${matches.length} outcome rows match ${description}; add arm=, category=, analysis= or timepoint= to choose one`);
      return outcomeField(matches[0] as OutcomeRecord, String(field));
    },
    count: ([what], hash) => {
      const disease = (hash as { disease?: string }).disease;
      const studies = model.studies.filter((s) => disease === undefined || s.study.disease === disease);
      if (what === 'studies') return studies.length;
      // Patients are summed over the studies that report n; "studies-without-n" says how many do not.
      if (what === 'patients') return studies.reduce((sum, s) => sum + (s.study.n_enrolled ?? 0), 0);
      if (what === 'studies-without-n') return studies.filter((s) => s.study.n_enrolled === undefined).length;
      if (what === 'references') return referenceCount();
      return problem(`count takes "studies", "patients", "studies-without-n" or "references", not '${String(what)}'`);
    },
    num: ([value], hash) => {
      const decimals = (hash as { decimals?: number }).decimals;
      if (typeof value !== 'number') problem(`num needs a number, not '${String(value)}'`);
      return formatNumber(value, decimals);
    },
  };

  function findStudy(id: string) {
    const study = model.studiesById.get(id);
    if (!study) problem(`no study has the id '${id}'`);
    return study;
  }

  function studyField(entry: ReturnType<typeof findStudy>, field: string): Value {
    const study: StudyRecord = entry.study;
    const value = ((): Value | undefined => {
      switch (field) {
        case 'firstAuthor':
          return entry.firstAuthor;
        case 'year':
          return entry.year;
        case 'follow_up.amount':
          return study.follow_up?.parsed?.amount;
        case 'dose':
          return study.intervention?.parsed?.doses.map((d) => `${formatNumber(d.amount)} ${d.unit}`).join(lang === 'zh' ? '、' : ', ');
        case 'interval.every':
          return study.intervention?.parsed?.interval?.every;
        case 'follow_up':
        case 'intervention':
          return study[field]?.raw;
        case 'n_enrolled':
        case 'n_analysed':
        case 'country':
        case 'centre':
        case 'population':
        case 'comparator':
        case 'registration':
        case 'conclusion':
          return study[field];
        default:
          return problem(`study has no field '${field}'`);
      }
    })();
    if (value === undefined || value === '') problem(`study ${entry.id} has no ${field} in studies.csv`);
    return value;
  }

  function outcomeField(row: OutcomeRecord, field: string): Value {
    const source = row.source;
    const value = ((): Value | undefined => {
      switch (field) {
        case 'value':
        case 'ci_low':
        case 'ci_high':
          return row[field] === undefined ? undefined : formatNumber(row[field], decimalsOf(source.cell(field)?.raw));
        case 'magnitude':
          // For prose that carries the sign in words ("平均降低 11 分"): the size of the value.
          return row.value === undefined ? undefined : formatNumber(Math.abs(row.value), decimalsOf(source.cell('value')?.raw));
        case 'timepoint':
          return row.timepoint?.raw;
        case 'count':
        case 'denominator':
        case 'n':
          return row[field];
        case 'percent':
          return row.percent === undefined ? undefined : formatNumber(row.percent.value, row.percent.decimals);
        case 'ci':
          return row.ci_low === undefined || row.ci_high === undefined
            ? undefined
            : formatInterval(formatNumber(row.ci_low, decimalsOf(source.cell('ci_low')?.raw)), formatNumber(row.ci_high, decimalsOf(source.cell('ci_high')?.raw)), lang);
        case 'timepoint.amount':
          return row.timepoint?.parsed?.amount;
        case 'reported':
          return row.reported?.raw;
        default:
          return problem(`outcome has no field '${field}'`);
      }
    })();
    if (value === undefined) problem(`outcome ${row.study_id} ${row.outcome} (outcomes.csv line ${row.source.line}) has no ${field}`);
    return value;
  }
}

/** A drawing-helper call of a template that the records cannot answer, with the problem's message. */
export interface UnresolvedCall {
  call: HelperCall;
  message: string;
}

/**
 * Every drawing-helper call whose arguments are all literals, answered against the records as the render
 * would, keeping those that fail: the check finds before rendering what would stop the build. A call with
 * a variable argument (inside {{#each}}) can only be answered while rendering.
 */
export function unresolvedCalls(calls: readonly HelperCall[], model: ReviewModel): UnresolvedCall[] {
  const draw = drawingHelpers(model, () => 0);
  const out: UnresolvedCall[] = [];
  for (const call of calls) {
    if (call.literal === undefined || !(DRAWING_HELPERS as readonly string[]).includes(call.name)) continue;
    try {
      draw[call.name as DrawingHelper](call.literal.params, call.literal.hash);
    } catch (error) {
      if (!(error instanceof HelperProblem)) throw error;
      out.push({ call, message: error.message });
    }
  }
  return out;
}

/** The study ids that literal `study`/`outcome` calls draw on: the only studies (and their outcomes) a check must keep to answer them. */
export function drawnStudyIds(calls: readonly HelperCall[]): Set<string> {
  const ids = new Set<string>();
  for (const call of calls) if ((call.name === 'study' || call.name === 'outcome') && call.literal) ids.add(String(call.literal.params[0]));
  return ids;
}

export { escapeExpression };
