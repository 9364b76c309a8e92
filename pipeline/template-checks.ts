// The template side of a check, shared by `check` and `build`: each template's citations and its prose, read from one parse.
import { memo1 } from './memo.ts';
import { findCalls, parseTemplate, type TemplateTree } from './render/handlebars.ts';
import { drawnStudyIds, unresolvedCalls } from './render/helpers.ts';
import { buildReviewModel } from './render/model.ts';
import type { TemplateSource } from './render/review.ts';
import { templateCitations } from './citations/template-citations.ts';
import { checkTemplateMarkup } from './render/html/markup.ts';
import { proseOf } from './prose/sentences.ts';
import { datasetLookup, drawnIds, resolveProse } from './prose/draws.ts';
import { createClaimVocabulary, type ClaimWordsAddition } from './prose/claim-words.ts';
import type { CheckOptions } from './run.ts';

/** Each template's tree, parsed at its first request only. */
export function treeCache(): (template: Pick<TemplateSource, 'source' | 'path'>) => TemplateTree {
  return memo1((template: Pick<TemplateSource, 'source' | 'path'>) => parseTemplate(template.source, template.path));
}

/**
 * The check options that read the templates: their citations, their prose, the records the prose draws, and
 * every drawing call answered against the records as the render answers it (template/unresolved).
 */
export function templateChecks(
  templates: readonly Pick<TemplateSource, 'source' | 'path'>[],
  treeOf: (template: Pick<TemplateSource, 'source' | 'path'>) => TemplateTree,
  claimWords: ClaimWordsAddition,
): Pick<CheckOptions, 'documents' | 'prose' | 'keepDrawn'> {
  // The markup first: `review check` refuses a <meta http-equiv="refresh"> as the build does, at its place.
  for (const t of templates) checkTemplateMarkup(t.source, t.path);
  const documents = templates.map((t) => templateCitations(t.source, t.path, treeOf(t)));
  // Walked now: a build compiles the trees after the check, and compiling rewrites them.
  const calls = templates.map((t) => findCalls(treeOf(t)));
  const structures = templates.map((t) => proseOf(treeOf(t), t.path));
  const keepDrawn = { studies: new Set<string>(), references: new Set<string>(), analyses: new Set<string>() };
  for (const structure of structures) {
    const ids = drawnIds(structure);
    for (const id of ids.studies) keepDrawn.studies.add(id);
    for (const id of ids.references) keepDrawn.references.add(id);
    for (const id of ids.analyses) keepDrawn.analyses.add(id);
  }
  // The studies literal {{study}} and {{outcome}} calls name are kept too, so a check that keeps no rows can answer them.
  for (const id of drawnStudyIds(calls.flat())) keepDrawn.studies.add(id);
  return {
    documents: (dataset) => {
      // The model answers calls only: the labels' language does not change which calls fail.
      const model = buildReviewModel(dataset, 'zh');
      return documents.map((document, i) => ({
        ...document,
        unresolved: unresolvedCalls(calls[i] ?? [], model).map(({ call, message }) => ({ message, line: call.line, column: call.column, endLine: call.endLine, endColumn: call.endColumn })),
      }));
    },
    prose: (dataset) => {
      const lookup = datasetLookup(dataset);
      const claims = createClaimVocabulary(claimWords);
      return structures.map((structure) => resolveProse(structure, lookup, claims));
    },
    keepDrawn,
  };
}
