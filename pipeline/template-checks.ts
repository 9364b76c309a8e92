// The template side of a check, shared by `check` and `build`: each template's citations and its prose, read from one parse.
import { memo1 } from './memo.ts';
import { parseTemplate, type TemplateTree } from './render/handlebars.ts';
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

/** The check options that read the templates: their citations, their prose, and the records the prose draws. */
export function templateChecks(
  templates: readonly Pick<TemplateSource, 'source' | 'path'>[],
  treeOf: (template: Pick<TemplateSource, 'source' | 'path'>) => TemplateTree,
  claimWords: ClaimWordsAddition,
): Pick<CheckOptions, 'documents' | 'prose' | 'keepDrawn'> {
  // The markup first: `review check` refuses a <meta http-equiv="refresh"> as the build does, at its place.
  for (const t of templates) checkTemplateMarkup(t.source, t.path);
  const documents = templates.map((t) => templateCitations(t.source, t.path, treeOf(t)));
  const structures = templates.map((t) => proseOf(treeOf(t), t.path));
  const keepDrawn = { studies: new Set<string>(), references: new Set<string>(), analyses: new Set<string>() };
  for (const structure of structures) {
    const ids = drawnIds(structure);
    for (const id of ids.studies) keepDrawn.studies.add(id);
    for (const id of ids.references) keepDrawn.references.add(id);
    for (const id of ids.analyses) keepDrawn.analyses.add(id);
  }
  return {
    documents: () => documents,
    prose: (dataset) => {
      const lookup = datasetLookup(dataset);
      const claims = createClaimVocabulary(claimWords);
      return structures.map((structure) => resolveProse(structure, lookup, claims));
    },
    keepDrawn,
  };
}
