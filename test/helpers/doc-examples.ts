// Reads the examples out of a rule's doc page, so that the documentation is run as tests.
import type { Tables, ExpectedDiagnostic } from './rule-tester.ts';

export interface DocExample {
  title: string;
  valid: boolean;
  tables: Tables;
  diagnostics: ExpectedDiagnostic[];
}

const HEADING = /^###\s+(Valid|Invalid)\b:?\s*(.*)$/i;
const FENCE = /^```(\S*)\s*(\S*)\s*$/;

/**
 * Examples are `### Valid: title` or `### Invalid: title` sections holding fenced blocks:
 * ```` ```csv outcomes.csv ```` for a table, ```` ```text manuscript.md ```` for a manuscript, ```` ```hbs review.hbs ````
 * for a template, and ```` ```diagnostics ```` with one `line:column message` per line.
 */
export function readDocExamples(markdown: string): DocExample[] {
  const examples: DocExample[] = [];
  let current: DocExample | undefined;
  let fence: { kind: string; target: string; lines: string[] } | undefined;
  for (const line of markdown.split(/\r?\n/)) {
    if (fence) {
      if (line.startsWith('```')) {
        if (current) addBlock(current, fence.kind, fence.target, fence.lines);
        fence = undefined;
      } else {
        fence.lines.push(line);
      }
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      current = { title: heading[2] ?? '', valid: heading[1]?.toLowerCase() === 'valid', tables: {}, diagnostics: [] };
      examples.push(current);
      continue;
    }
    if (line.startsWith('## ')) current = undefined;
    const open = FENCE.exec(line);
    if (open) fence = { kind: open[1] ?? '', target: open[2] ?? '', lines: [] };
  }
  return examples;
}

function addBlock(example: DocExample, kind: string, target: string, lines: string[]): void {
  if (kind === 'csv') {
    const table = target.replace(/\.csv$/, '') as 'references' | 'studies' | 'analyses' | 'outcomes' | 'flow' | 'risk_of_bias' | 'certainty' | 'vocabulary';
    example.tables[table] = lines.join('\n') + '\n';
  } else if (kind === 'text' && target === 'manuscript.md') {
    example.tables.manuscript = lines.join('\n') + '\n';
  } else if (kind === 'hbs') {
    example.tables.templates = { ...example.tables.templates, [target]: lines.join('\n') + '\n' };
  } else if (kind === 'diagnostics') {
    for (const line of lines) {
      const match = /^(\d+):(\d+)\s+(.*)$/.exec(line.trim());
      if (match) example.diagnostics.push({ line: Number(match[1]), column: Number(match[2]), message: match[3] ?? '' });
    }
  }
}
