// Builds the review and its handout as document models (templates in two passes, the first fixing citation order; blocks from the records) and their HTML.
import Handlebars from 'handlebars';
import type { Dataset } from '../run.ts';
import { buildBibliography, type BibliographyLine } from '../citations/bibliography.ts';
import type { ReferenceStyleName } from '../citations/csl.ts';
import { parseTemplate, templateError, type TemplateTree } from './handlebars.ts';
import { checkExpansion, type ExpandedTemplate } from './expansion.ts';
import { registerHelpers, type HelperContext } from './helpers.ts';
import { buildReviewModel, type ReviewModel } from './model.ts';
import { CitationNumbering } from './numbering.ts';
import { buildEvidenceTable, type EvidenceTable } from './evidence-table.ts';
import { describeChanges, versionHistory, versionLine, type Baseline, type BuildVersion, type ChangeList } from './changes.ts';
import { htmlDocument } from './html/document.ts';
import { checkTemplateMarkup, sanitiseBody } from './html/markup.ts';
import { label } from './labels.ts';
import { BLOCK_ELEMENT, readMarkup } from './document/markup.ts';
import { forestScene } from './forest.ts';
import { formatNumberList } from '../citations/number-list.ts';
import { changesBlocks, evidenceTableBlock, referenceAnchor, referencesBlock, versionHistoryBlocks } from './document/blocks.ts';
import { blocksHtml } from './document/html.ts';
import { PLAIN, linksOf, type Block, type DocumentModel } from './document/model.ts';
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
  /** The review as one document model, which both renderers walk. */
  review: DocumentModel;
  /** The standalone evidence-table handout: the table and the references it cites. */
  handout: DocumentModel;
  reviewHtml: string;
  tableHtml: string;
  /** The templates' output as the document builder read it (for tests and debugging: neither output uses it as HTML). */
  markup: string;
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
  const bibliography = memoOnce(() =>
    buildBibliography(
      numbering.order.map((id, i) => ({ number: i + 1, record: model.referencesById.get(id)! })),
      input.meta.referenceStyle,
      input.lang,
    ),
  );
  const slots = new BlockSlots();
  // Sanitised to the review's markup (sanitize-html), whatever the templates (or a triple-stashed field) wrote, then read
  // once into the document model, which keeps only what it knows: nothing else reaches the HTML or the PDF.
  const markup = sanitiseBody(joinCjkLines(runTemplate(compiled, input, helperContext(model, numbering, input, { changes, history, slots, bibliography }))));
  const review: DocumentModel = { lang: input.lang, title: input.meta.title, blocks: readMarkup(markup, (name) => slots.take(name)) };
  const table = buildEvidenceTable(model, (id) => numbering.peek(id));
  const handout = handoutDocument(table, bibliography, input);
  return {
    review,
    handout,
    reviewHtml: htmlDocument({ lang: input.lang, title: input.meta.title, body: blocksHtml(review) }),
    tableHtml: htmlDocument({ lang: input.lang, title: handout.title, body: blocksHtml(handout), handout: true }),
    markup,
    changes,
    citationOrder: numbering.order,
  };
}

/**
 * The handout stands alone: the review's title, the table, and a reference list of exactly the works the table
 * cites, under the review's numbers, so every citation link resolves inside the file.
 */
function handoutDocument(table: EvidenceTable, bibliography: () => readonly BibliographyLine[], input: RenderInput): DocumentModel {
  const tableBlock = evidenceTableBlock(table, { verification: false, anchor: 'evidence-table' });
  const cited = linksOf([tableBlock]);
  const lines = bibliography().filter((line) => cited.has(referenceAnchor(line.number)));
  const blocks: Block[] = [{ kind: 'heading', level: 1, runs: [{ text: input.meta.title, marks: PLAIN }], anchor: null }, tableBlock];
  if (lines.length > 0) {
    blocks.push({
      kind: 'section',
      role: 'references',
      lang: null,
      anchor: null,
      blocks: [{ kind: 'heading', level: 2, runs: [{ text: label('references', input.lang), marks: PLAIN }], anchor: null }, referencesBlock(lines, input.lang)],
    });
  }
  return { lang: input.lang, title: `${table.caption} — ${input.meta.title}`, blocks };
}

/** The tool's blocks of the final pass, each under the name its placeholder carries. */
class BlockSlots {
  private readonly blocks = new Map<string, Block[]>();

  /** Keeps `blocks` and returns the placeholder the template output carries in their place. */
  put(blocks: Block[]): string {
    const name = `b${this.blocks.size + 1}`;
    this.blocks.set(name, blocks);
    return `<${BLOCK_ELEMENT} name="${name}"></${BLOCK_ELEMENT}>`;
  }

  /** The blocks of a placeholder, once: a name written by hand into a template, or used twice, yields nothing. */
  take(name: string): Block[] {
    const blocks = this.blocks.get(name) ?? [];
    this.blocks.delete(name);
    return blocks;
  }
}

function memoOnce<T>(compute: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: compute() }).v;
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

interface FinalPass {
  changes: ChangeList;
  history: string[];
  slots: BlockSlots;
  bibliography: () => readonly BibliographyLine[];
}

/**
 * The helpers' view of one pass. The first pass (`final` undefined) only fixes the citation order and its
 * output is dropped, so its reference list is left empty instead of going through citeproc: listing the
 * references cites none. The evidence table cites its studies in both passes; the changes and history blocks
 * belong to the final pass alone. Blocks go into the document as data: the template output holds a placeholder
 * where each stands.
 */
function helperContext(model: ReviewModel, numbering: CitationNumbering, input: RenderInput, final: FinalPass | undefined): HelperContext {
  return {
    model,
    numbering,
    version: input.version === undefined ? '' : versionLine(input.version, input.lang),
    blocks: {
      bibliography: () => (final === undefined ? '' : final.slots.put([referencesBlock(final.bibliography(), input.lang)])),
      evidenceTable: () => {
        const table = buildEvidenceTable(model, (id) => numbering.numberOf(id));
        return final === undefined ? '' : final.slots.put([evidenceTableBlock(table, { verification: false, anchor: 'evidence-table' })]);
      },
      changes: () => (final ? final.slots.put(changesBlocks(final.changes)) : ''),
      versionHistory: () => (final ? final.slots.put(versionHistoryBlocks(final.history, input.lang)) : ''),
      // The plot cites its studies (their numbers stand in the labels) in both passes, as the evidence table does.
      forest: (result) => {
        const scene = forestScene(result, input.lang, (study) => {
          const cited = (model.studiesById.get(study.id)?.study.reference_id ?? []).map((id) => numbering.numberOf(id));
          return cited.length === 0 ? study.label : `${study.label} [${formatNumberList(cited, ',')}]`;
        });
        return final === undefined ? '' : final.slots.put([{ kind: 'figure', figure: { scene, caption: [{ text: scene.title, marks: PLAIN }], anchor: `forest-${result.target.id}` } }]);
      },
    },
  };
}

/** One pass with this pass's helpers (registering them replaces the previous pass's); errors come back located in their template. */
function runTemplate(templates: CompiledTemplates, input: RenderInput, context: HelperContext): string {
  registerHelpers(templates.handlebars, context);
  try {
    // Every meta field is defined (empty when review.json leaves it out), so strict templates may test any of them.
    return templates.render({ lang: input.lang, meta: { keywords: '', ...input.meta } });
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
