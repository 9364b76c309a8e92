// What the synthesis rules keep while the records stream past: the analyses, and the outcome rows each one matches.
import type { AnalysisRecord, OutcomeRecord } from '../schema/tables.ts';
import { rowMatches, rowsByStudy, studyRows, targetOf, type AnalysisTarget, type StudyRows } from './from-records.ts';

/** One study of one analysis, as read from its rows; `read` undefined: a study named in `studies` without rows for its arms. */
export interface StudyOfAnalysis {
  target: AnalysisTarget;
  studyId: string;
  read: StudyRows | undefined;
}

/**
 * Collects analyses (read before outcomes) and the outcome rows they match. Only matched rows are
 * kept, so a check of a large evidence map keeps nothing when there are no analyses.
 */
export class AnalysisRows {
  private readonly targets: AnalysisTarget[] = [];
  private readonly matched: OutcomeRecord[][] = [];
  private readonly ids = new Set<string>();

  addAnalysis(record: AnalysisRecord): void {
    const target = targetOf(record);
    if (target === undefined || this.ids.has(target.id)) return;
    this.ids.add(target.id);
    this.targets.push(target);
    this.matched.push([]);
  }

  addOutcome(record: OutcomeRecord): void {
    for (let i = 0; i < this.targets.length; i++) if (rowMatches(this.targets[i]!, record)) this.matched[i]!.push(record);
  }

  /** Every study of every analysis, in analysis order, then in order of each study's first row (named studies without rows last). */
  *studies(): Generator<StudyOfAnalysis> {
    for (let i = 0; i < this.targets.length; i++) {
      const target = this.targets[i]!;
      const grouped = rowsByStudy(target, this.matched[i]!);
      for (const [studyId, rows] of grouped) {
        const read = studyRows(target, rows);
        // Rows of other arms or measures: the study is simply not in this analysis, unless it is named.
        if (read !== undefined || target.studies?.has(studyId)) yield { target, studyId, read };
      }
      for (const studyId of target.studies ?? []) if (!grouped.has(studyId)) yield { target, studyId, read: undefined };
    }
  }
}
