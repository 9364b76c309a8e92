// RuleTester in ESLint's manner: inline CSV tables in, the exact diagnostics of one rule out.
import { describe, expect, it } from 'vitest';
import { checkRecords, type CheckOptions } from '../../pipeline/run.ts';
import { registry } from '../../pipeline/checks/registry.ts';
import type { RuleModule } from '../../pipeline/checks/types.ts';
import type { Diagnostic } from '../../pipeline/diagnostic.ts';
import { TABLE_NAMES, type DataTableName, type TableName } from '../../pipeline/schema/tables.ts';
import type { CitedDocument } from '../../pipeline/citations/types.ts';
import { parseManuscript } from '../../pipeline/citations/manuscript.ts';
import { templateChecks, treeCache } from '../../pipeline/template-checks.ts';

/**
 * The inline inputs of a case. A table left out is a header with only its required columns.
 * `manuscript` is a hand-numbered manuscript (checked as `manuscript.md`); `templates` maps a
 * template file name to its source. References of a manuscript come from its own list.
 */
export type Tables = Partial<Record<TableName | 'vocabulary' | 'manuscript', string | Uint8Array>> & {
  templates?: Record<string, string>;
};

/** What stands in for a table a case leaves out; an optional table left out is not read at all. */
const EMPTY_TABLES: Partial<Record<DataTableName, string>> = {
  references: 'id,status\n',
  studies: 'id,reference_id,disease,design\n',
  outcomes: 'study_id,outcome,measure\n',
};

/** The part of a diagnostic a case states; `file` is the table's name without folder (`outcomes.csv`). */
export interface ExpectedDiagnostic {
  line: number;
  column: number;
  message: string;
  file?: string;
  field?: string;
  suggestion?: string;
}

export interface RuleCases {
  valid: { name?: string; tables: Tables }[];
  invalid: { name?: string; tables: Tables; diagnostics: ExpectedDiagnostic[] }[];
}

function documentsOf(tables: Tables): CitedDocument[] {
  const documents: CitedDocument[] = [];
  if (tables.manuscript !== undefined) {
    const text = typeof tables.manuscript === 'string' ? tables.manuscript : new TextDecoder().decode(tables.manuscript);
    const parsed = parseManuscript(text, 'manuscript.md');
    documents.push({ file: 'manuscript.md', kind: 'manuscript', citations: parsed.citations, references: parsed.references });
  }
  return documents;
}

/** The citations of the manuscript and templates, and the templates' prose, as a check reads them. */
function templateOptions(tables: Tables): Pick<CheckOptions, 'documents' | 'prose' | 'keepDrawn'> {
  const templates = Object.entries(tables.templates ?? {}).map(([path, source]) => ({ path, source }));
  const fromTemplates = templateChecks(templates, treeCache(), {});
  return { ...fromTemplates, documents: (dataset) => [...documentsOf(tables), ...(fromTemplates.documents?.(dataset) ?? [])] };
}

function bytesOf(content: string | Uint8Array): Uint8Array {
  return typeof content === 'string' ? new TextEncoder().encode(content) : content;
}

/** Runs one rule (by id, from the registry, or the module given) over inline tables and returns its diagnostics, sorted. */
export function runRule(ruleId: string, tables: Tables, module?: RuleModule): Diagnostic[] {
  const rule = module ?? registry[ruleId];
  if (!rule) throw new Error(`no rule '${ruleId}' in the registry`);
  const given = Object.fromEntries(
    TABLE_NAMES.flatMap((table) => {
      const content = tables[table] ?? EMPTY_TABLES[table];
      return content === undefined ? [] : [[table, { path: `${table}.csv`, bytes: bytesOf(content) }]];
    }),
  );
  const { result } = checkRecords(
    {
      tables: given,
      ...(tables.vocabulary === undefined ? {} : { vocabulary: { path: 'vocabulary.csv', bytes: bytesOf(tables.vocabulary) } }),
    },
    { rules: { [ruleId]: rule }, ...templateOptions(tables) },
  );
  return result.diagnostics;
}

/** What a case compares: the stated fields of each diagnostic, in order. */
function project(diagnostic: Diagnostic, like: ExpectedDiagnostic): ExpectedDiagnostic {
  const out: ExpectedDiagnostic = { line: diagnostic.line, column: diagnostic.column, message: diagnostic.message };
  if (like.file !== undefined) out.file = diagnostic.file;
  if (like.field !== undefined) out.field = diagnostic.field ?? '';
  if (like.suggestion !== undefined) out.suggestion = diagnostic.suggestion ?? '';
  return out;
}

/** Declares the vitest cases of a rule: valid cases give no diagnostic, invalid ones exactly the listed ones. */
export function testRule(ruleId: string, cases: RuleCases): void {
  describe(ruleId, () => {
    cases.valid.forEach((c, i) => {
      it(`valid: ${c.name ?? i + 1}`, () => {
        expect(runRule(ruleId, c.tables)).toEqual([]);
      });
    });
    cases.invalid.forEach((c, i) => {
      it(`invalid: ${c.name ?? i + 1}`, () => {
        const actual = runRule(ruleId, c.tables);
        expect(actual.every((d) => d.ruleId === ruleId)).toBe(true);
        const projected = actual.map((d, k) => project(d, c.diagnostics[k] ?? { line: 0, column: 0, message: '' }));
        expect(projected).toEqual(c.diagnostics);
      });
    });
  });
}
