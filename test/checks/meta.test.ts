// Every rule has its module, its test and its doc under one name, is registered once, and its doc's examples hold.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registry } from '../../pipeline/checks/registry.ts';
import { readDocExamples } from '../helpers/doc-examples.ts';
import { runRule } from '../helpers/rule-tester.ts';

const root = join(import.meta.dirname, '..', '..');
const ruleIds = Object.keys(registry);
const FRAMEWORK_FILES = new Set(['types.ts', 'runner.ts', 'registry.ts']);

function ruleModulesOnDisk(): string[] {
  const dir = join(root, 'pipeline', 'checks');
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((area) =>
      readdirSync(join(dir, area.name))
        .filter((file) => file.endsWith('.ts') && !FRAMEWORK_FILES.has(file))
        .map((file) => `${area.name}/${file.replace(/\.ts$/, '')}`),
    )
    .sort();
}

describe('rule registry', () => {
  it('is sorted by id', () => {
    expect(ruleIds).toEqual([...ruleIds].sort());
  });

  it('registers every rule module on disk, and nothing else', () => {
    expect(ruleIds).toEqual(ruleModulesOnDisk());
  });

  it.each(ruleIds)('%s has its module, test and doc under one name', (id) => {
    expect(existsSync(join(root, 'pipeline', 'checks', `${id}.ts`)), 'module').toBe(true);
    expect(existsSync(join(root, 'test', 'checks', `${id}.test.ts`)), 'test').toBe(true);
    expect(existsSync(join(root, 'docs', 'rules', `${id}.md`)), 'doc').toBe(true);
  });

  it.each(ruleIds)('%s doc names the rule and its default severity', (id) => {
    const doc = readFileSync(join(root, 'docs', 'rules', `${id}.md`), 'utf8');
    expect(doc.split('\n')[0]).toBe(`# ${id}`);
    expect(doc).toContain(`Severity: ${registry[id]?.meta.severity}`);
  });
});

describe('rule doc examples', () => {
  for (const id of ruleIds) {
    const path = join(root, 'docs', 'rules', `${id}.md`);
    if (!existsSync(path)) continue;
    const doc = readFileSync(path, 'utf8');
    const examples = readDocExamples(doc);
    const exempt = /<!-- examples: none \(.+\) -->/.test(doc);
    it(`${id} has a valid and an invalid example`, () => {
      if (exempt) return;
      expect(examples.some((e) => e.valid)).toBe(true);
      expect(examples.some((e) => !e.valid)).toBe(true);
    });
    for (const example of examples) {
      it(`${id}: ${example.valid ? 'valid' : 'invalid'}: ${example.title}`, () => {
        const actual = runRule(id, example.tables).map((d) => ({ line: d.line, column: d.column, message: d.message }));
        expect(actual).toEqual(example.valid ? [] : example.diagnostics);
      });
    }
  }
});
