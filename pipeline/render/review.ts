// Renders the review and its evidence table to HTML: templates in two passes (the first fixes citation order), blocks from the records.
import Handlebars from 'handlebars';
import type { Dataset } from '../run.ts';
import { buildBibliography } from '../citations/bibliography.ts';
import type { ReferenceStyleName } from '../citations/csl.ts';
import { parseTemplate, templateError, type TemplateTree } from './handlebars.ts';
import { checkExpansion, type ExpandedTemplate } from './expansion.ts';
import { registerHelpers, type HelperContext } from './helpers.ts';
import { buildReviewModel, type ReviewModel } from './model.ts';
import { CitationNumbering } from './numbering.ts';
import { buildEvidenceTable } from './evidence-table.ts';
import { describeChanges, versionHistory, versionLine, type Baseline, type BuildVersion, type ChangeList } from './changes.ts';
import { bibliographyHtml, changesHtml, evidenceTableHtml, versionHistoryHtml } from './html/blocks.ts';
import { htmlDocument } from './html/document.ts';
import { checkTemplateMarkup, sanitiseBody } from './html/markup.ts';
import type { Lang } from './format.ts';

/** A template file: its display path and source. Partials are named by file name without `.hbs`. */
export interface TemplateSource {
  path: string;
  source: string;
  /** The source already parsed by `parseTemplate`, when the caller has it; the render compiles it, which rewrites it. */
  tree?: TemplateTree;
}

export interface ReviewMeta {
  title: string;
  authors: string;
  subject: string;
  keywords?: string;
  referenceStyle: ReferenceStyleName;
}

export interface RenderInput {
  dataset: Dataset;
  main: TemplateSource;
  partials: readonly TemplateSource[];
  meta: ReviewMeta;
  lang: Lang;
  /** The records compared with for 本次更新, and how the reader is told what they are; none: the first version. */
  previous: { dataset: Dataset; baseline: Baseline } | undefined;
  /** Which version this build is (`{{version}}`); none: the line is left empty. */
  version?: BuildVersion;
  /** The published versions, oldest first (`{{versionHistory}}`). */
  history?: readonly { number: number; date: string; dataset: Dataset }[];
}

export interface RenderedReview {
  reviewHtml: string;
  tableHtml: string;
  changes: ChangeList;
  /** Reference ids in citation-number order. */
  citationOrder: string[];
}

export function renderReview(input: RenderInput): RenderedReview {
  const model = buildReviewModel(input.dataset, input.lang);
  const compiled = compileTemplates(input.main, input.partials);
  // Pass 1 fixes the order of first citation; pass 2 renders with every number known, so the
  // reference list and the table are complete wherever the template places them.
  const firstPass = new CitationNumbering();
  runTemplate(compiled, input, helperContext(model, firstPass, input, undefined));
  const numbering = new CitationNumbering(firstPass.order);
  const previous = input.previous && { model: buildReviewModel(input.previous.dataset, input.lang), baseline: input.previous.baseline };
  const changes = describeChanges(previous, model, (id) => numbering.peek(id));
  const history = versionHistory(
    (input.history ?? []).map((version) => ({ number: version.number, date: version.date, model: buildReviewModel(version.dataset, input.lang) })),
    input.lang,
  );
  // Sanitised to the review's markup, whatever the templates (or a triple-stashed field) wrote: nothing else reaches the HTML or the PDF.
  const body = sanitiseBody(joinCjkLines(runTemplate(compiled, input, helperContext(model, numbering, input, { changes, history }))));
  const table = buildEvidenceTable(model, (id) => numbering.peek(id));
  return {
    reviewHtml: htmlDocument({ lang: input.lang, title: input.meta.title, body }),
    tableHtml: htmlDocument({
      lang: input.lang,
      title: `${table.caption} — ${input.meta.title}`,
      body: `<h1>${Handlebars.escapeExpression(input.meta.title)}</h1>${evidenceTableHtml(table)}`,
      handout: true,
    }),
    changes,
    citationOrder: numbering.order,
  };
}

/** The templates of one render, compiled once into an isolated Handlebars environment that both passes share. */
interface CompiledTemplates {
  handlebars: typeof Handlebars;
  main: TemplateSource;
  render: Handlebars.TemplateDelegate;
}

function compileTemplates(main: TemplateSource, partials: readonly TemplateSource[]): CompiledTemplates {
  const handlebars = Handlebars.create();
  // `{{log}}` writes to the console (a CI log takes "::error::" lines from it as workflow commands): it is no helper here.
  handlebars.unregisterHelper('log');
  // Each template is parsed here (unless it comes parsed), main first, so a syntax error is reported with its file
  // before anything renders; Handlebars compiles the tree once, at its first use, and the second pass reuses that.
  const parsed = (template: TemplateSource): ExpandedTemplate => {
    const tree = template.tree ?? parseTemplate(template.source, template.path);
    checkTemplateMarkup(template.source, template.path);
    return { path: template.path, name: partialName(template.path), chars: template.source.length, tree };
  };
  const mainTree = parsed(main);
  const partialTrees = partials.map(parsed);
  // Before anything runs: what the partials can expand to is bounded, with the place of the call that would pass a bound.
  checkExpansion(mainTree, partialTrees);
  // `log` is no known helper either: compiled as one, `{{log}}` would call the helper just removed.
  const compile = (template: ExpandedTemplate) => handlebars.compile(template.tree, { strict: true, knownHelpers: { log: false } });
  const render = compile(mainTree);
  for (const partial of partialTrees) {
    const compiled = compile(partial);
    // Handlebars' errors do not name the partial they come from: the innermost partial tags them.
    const tagged: Handlebars.TemplateDelegate = (context, options) => {
      try {
        return compiled(context, options);
      } catch (error) {
        throw tagWithFile(error, partial.path);
      }
    };
    handlebars.registerPartial(partial.name, tagged);
  }
  return { handlebars, main, render };
}

/**
 * The helpers' view of one pass. The first pass (`final` undefined) only fixes the citation order and its
 * output is dropped, so its reference list is left empty instead of going through citeproc: listing the
 * references cites none. The changes and history blocks belong to the final pass alone.
 */
function helperContext(model: ReviewModel, numbering: CitationNumbering, input: RenderInput, final: { changes: ChangeList; history: string[] } | undefined): HelperContext {
  return {
    model,
    numbering,
    version: input.version === undefined ? '' : versionLine(input.version, input.lang),
    blocks: {
      bibliography: () =>
        final === undefined
          ? ''
          : bibliographyHtml(
              buildBibliography(
                numbering.order.map((id, i) => ({ number: i + 1, record: model.referencesById.get(id)! })),
                input.meta.referenceStyle,
                input.lang,
              ),
            ),
      evidenceTable: () => evidenceTableHtml(buildEvidenceTable(model, (id) => numbering.numberOf(id))),
      changes: () => (final ? changesHtml(final.changes) : ''),
      versionHistory: () => (final ? versionHistoryHtml(final.history, input.lang) : ''),
    },
  };
}

/** One pass with this pass's helpers (registering them replaces the previous pass's); errors come back located in their template. */
function runTemplate(templates: CompiledTemplates, input: RenderInput, context: HelperContext): string {
  registerHelpers(templates.handlebars, context);
  try {
    return templates.render({ lang: input.lang, meta: input.meta });
  } catch (error) {
    throw templateError(error, (error as { templateFile?: string }).templateFile ?? templates.main.path);
  }
}

function tagWithFile(error: unknown, file: string): unknown {
  if (error && typeof error === 'object' && !('templateFile' in error)) Object.assign(error, { templateFile: file });
  return error;
}

// CJK characters and punctuation (and full-width forms): a line break next to one is not a space.
const CJK = '\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef';
const BREAK_AFTER_CJK = new RegExp(`([${CJK}])[ \\t]*\\n\\s*`, 'g');
const BREAK_BEFORE_CJK = new RegExp(`[ \\t]*\\n\\s*([${CJK}])`, 'g');

/**
 * Template authors break lines at sentence ends; in Chinese a line break is not a word space, and
 * browsers (and the PDF) would show it as one. Breaks next to a CJK character are removed.
 */
export function joinCjkLines(html: string): string {
  return html.replace(BREAK_AFTER_CJK, '$1').replace(BREAK_BEFORE_CJK, '$1');
}

function partialName(path: string): string {
  return path.replace(/^.*\//, '').replace(/\.hbs$/, '');
}
