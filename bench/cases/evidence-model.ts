// The review model of a generated records folder, cut to its first N studies: the rows an evidence-table benchmark renders.
import { resolve } from 'node:path';
import { readRecordsFolder } from '../../pipeline/cli/files.ts';
import { checkRecords } from '../../pipeline/run.ts';
import { buildReviewModel, type ReviewModel } from '../../pipeline/render/model.ts';

/** Reads and checks the records as `review build` does, then keeps the first `rows` studies (one table row each). */
export function loadModel(recordsDir: string, rows: number): ReviewModel {
  const input = readRecordsFolder(resolve(recordsDir), process.cwd());
  const { dataset } = checkRecords(input, { keepOutcomes: true });
  return firstStudies(buildReviewModel(dataset, 'zh'), rows);
}

export function firstStudies(model: ReviewModel, rows: number): ReviewModel {
  if (model.studies.length < rows) throw new Error(`the records have ${model.studies.length} studies; ${rows} table rows need more`);
  const studies = model.studies.slice(0, rows);
  return { ...model, studies, studiesById: new Map(studies.map((study) => [study.id, study])) };
}

/** Citation numbers as a review citing every study in table order would give them. */
export function tableOrderNumbers(model: ReviewModel): (referenceId: string) => number | undefined {
  const numbers = new Map<string, number>();
  for (const study of model.studies) {
    for (const id of study.study.reference_id ?? []) if (!numbers.has(id)) numbers.set(id, numbers.size + 1);
  }
  return (referenceId) => numbers.get(referenceId);
}
