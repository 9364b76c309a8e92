// `review build`: checks everything, then renders the review and evidence table to HTML and PDF, and says what changed.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ReviewError } from '../errors.ts';
import { renderReview, type TemplateSource } from '../render/review.ts';
import type { BuildVersion } from '../render/changes.ts';
import { serialiseSnapshot, takeSnapshot } from '../snapshot.ts';
import { buildVersions, epochDay } from './versions.ts';
import type { CliOptions } from './args.ts';
import { checkProject, exitCodeFor, projectConfig, requireGivenFolder, writeReport } from './check.ts';
import { displayPath, readRecordsFolder, readTemplatesFolder, recordsSize } from './files.ts';
import { createProgress } from './progress.ts';
import { readReviewJson } from './review-json.ts';
import { treeCache } from '../template-checks.ts';
import type { CliIO } from './io.ts';
import { checkOutputFolder, writeOutputFolder, type BuildFile } from './output-folder.ts';

const MAIN_TEMPLATE = 'review.hbs';

export async function runBuildCommand(options: CliOptions, io: CliIO): Promise<number> {
  const config = projectConfig(options, io);
  const templatesDir = resolve(io.cwd, options.templates);
  const recordsDir = resolve(io.cwd, options.records);
  requireGivenFolder(recordsDir, 'records', io.cwd);
  requireGivenFolder(templatesDir, 'templates', io.cwd);
  const outDir = resolve(io.cwd, options.out);
  // Before the work: a build of minutes should not be refused at its end.
  checkOutputFolder(outDir, displayPath(outDir, io.cwd));
  const progress = createProgress(io, 'checking', recordsSize(recordsDir), options.quiet);
  const input = readRecordsFolder(recordsDir, io.cwd, (count) => progress.bytes(count));
  const templates = readTemplatesFolder(templatesDir, io.cwd);
  const main = templates.find((t) => t.name === MAIN_TEMPLATE);
  if (!main) throw new ReviewError('MISSING_FILE', `${displayPath(join(templatesDir, MAIN_TEMPLATE), io.cwd)} does not exist`);
  const { meta, claimWords } = readReviewJson(templatesDir, io.cwd);

  // Each template is parsed once: the check reads its citations from the tree, and the render compiles that tree.
  const treeOf = treeCache();
  const { result, dataset } = checkProject(input, templates, { config, keepOutcomes: true, claimWords, treeOf, onRow: () => progress.row() });
  progress.done();
  // With --max-warnings, too many warnings stop the build as errors do: CI gets one gate, not two.
  if (exitCodeFor(result, options.maxWarnings) !== 0) {
    writeReport(result, options, io, config);
    const why = result.summary.errors > 0 ? 'the check found errors' : `${result.summary.warnings} warnings, more than --max-warnings ${options.maxWarnings}`;
    io.stderr(`review: build stopped: ${why}; nothing was written\n`);
    return 1;
  }

  const snapshot = takeSnapshot(dataset);
  const { version, previous, history } = await buildVersions(snapshot, {
    cwd: io.cwd,
    recordsDir,
    since: options.since,
    vocabulary: input.vocabulary,
    env: io.env,
    draftDate: draftDate(io.env, meta),
  });

  const parsed = (template: TemplateSource): TemplateSource => ({ ...template, tree: treeOf(template) });
  const rendered = renderReview({
    dataset,
    main: parsed(main),
    partials: templates.filter((t) => t !== main).map(parsed),
    meta,
    lang: options.lang,
    previous,
    version,
    history,
  });
  const files = new Map<BuildFile, string | Uint8Array>();
  if (options.only !== 'pdf') {
    files.set('review.html', rendered.reviewHtml);
    files.set('evidence-table.html', rendered.tableHtml);
  }
  if (options.only !== 'html') {
    // The PDFs take the longest; on a terminal, say so while they are made.
    const status = io.isTTY && !options.quiet;
    if (status) io.stderr('rendering the PDFs…');
    const { renderPdf } = await import('../render/pdf/index.ts');
    const creationDate = buildDate(io.env, meta);
    const pdfMeta = { title: meta.title, author: meta.authors, subject: meta.subject, lang: options.lang, creationDate, ...(meta.keywords ? { keywords: meta.keywords } : {}) };
    files.set('review.pdf', await renderPdf(rendered.review, { ...pdfMeta, landscape: false }));
    files.set('evidence-table.pdf', await renderPdf(rendered.handout, { ...pdfMeta, landscape: true }));
    if (status) io.stderr('\r\u001b[K');
  }
  files.set('review-data.json', serialiseSnapshot(snapshot));
  writeOutputFolder(outDir, displayPath(outDir, io.cwd), files);

  const { errors, warnings } = result.summary;
  const lines = [
    `check: ${errors} errors, ${warnings} warnings${warnings ? ' (review check lists them)' : ''}`,
    `wrote ${[...files.keys()].map((name) => displayPath(join(outDir, name), io.cwd)).join(', ')}`,
    `version: ${versionWords(version)}`,
    `what's new: ${rendered.changes.summary}`,
    ...rendered.changes.items.map((item) => `  ${item}`),
  ];
  if (!options.quiet) io.stderr(lines.join('\n') + '\n');
  return 0;
}

function versionWords(version: BuildVersion): string {
  return version.published ? `${version.number} (${version.date}), as published` : `draft of ${version.number}, not yet published (review publish records it)`;
}

/** A draft's date, if the build has one: SOURCE_DATE_EPOCH, else review.json's `date`; never the clock. */
function draftDate(env: Readonly<Record<string, string | undefined>>, meta: { date?: string }): string | undefined {
  const fromEpoch = epochDay(env);
  if (fromEpoch !== undefined) return fromEpoch;
  return meta.date !== undefined && /^\d{4}-\d{2}-\d{2}/.test(meta.date) && !Number.isNaN(Date.parse(meta.date)) ? meta.date.slice(0, 10) : undefined;
}

/** The documents' date: SOURCE_DATE_EPOCH, else review.json's `date`, else a fixed day: never the clock, so builds repeat byte for byte. */
function buildDate(env: Readonly<Record<string, string | undefined>>, meta: { date?: string }): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  if (meta.date !== undefined && !Number.isNaN(Date.parse(meta.date))) return new Date(meta.date);
  return new Date('2000-01-01T00:00:00Z');
}
