// End-to-end tests of a living review's versions in a git repository: publish, add a study, build says what is new (also --since HEAD~1).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

const root = join(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'review-versions-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// git as an editor runs it, with an identity and no global or system configuration.
const env = {
  PATH: process.env.PATH ?? '',
  HOME: scratch,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Editor',
  GIT_AUTHOR_EMAIL: 'editor@example.org',
  GIT_COMMITTER_NAME: 'Editor',
  GIT_COMMITTER_EMAIL: 'editor@example.org',
};
const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, env, encoding: 'utf8' });

/** The shipped review as a fresh repository: records/ and templates/ at its root, one commit. */
function repository(name: string): string {
  const dir = join(scratch, name);
  cpSync(join(root, 'records'), join(dir, 'records'), { recursive: true });
  cpSync(join(root, 'templates'), join(dir, 'templates'), { recursive: true });
  writeFileSync(join(dir, '.gitignore'), 'output/\n');
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'the shipped review');
  return dir;
}

/**
 * A made-up study (not a real work: invented for this test), its reference and one result, and a
 * sentence citing it at the start of the introduction, so every later citation is renumbered.
 */
function addMadeUpStudy(dir: string): void {
  appendFileSync(join(dir, 'records', 'references.csv'), 'test2026,,article-journal,Testperson A; et al,A made-up trial for this test,J Test,2026,,,,,,en,unverified,Made up for a test; not a real work\n');
  appendFileSync(join(dir, 'records', 'studies.csv'), 'test2026,test2026,SSc,rct,,,,60,,made up,TCZ 162 mg SC qw,placebo,48 weeks,,Made up,Made up for a test\n');
  appendFileSync(join(dir, 'records', 'outcomes.csv'), 'test2026,fvc,mean_change,TCZ,,48 weeks,itt,30,-1.0,% predicted,,,,,,,made up,Made up for a test\n');
  const intro = join(dir, 'templates', 'partials', 'section-1-introduction.hbs');
  const text = readFileSync(intro, 'utf8');
  const at = text.indexOf('<p>') + 3;
  writeFileSync(intro, `${text.slice(0, at)}一项试验{{cite "test2026"}}纳入 {{study "test2026" "n_enrolled"}} 例。${text.slice(at)}`);
}

const NEW_STUDY = '新增研究：Testperson 2026 [1]，随机对照试验，n = 60';
/** The 本次更新 section of a built review, as text. */
function whatsNew(dir: string): string {
  const html = readFileSync(join(dir, 'output', 'review.html'), 'utf8');
  const section = /<section class="changes">(.*?)<\/section>/s.exec(html)?.[1] ?? '';
  return section.replace(/<[^>]+>/g, ' ').replace(/&#x3D;/g, '=').replace(/&#x27;/g, "'").replace(/\s+/g, ' ').trim();
}

describe('publish, add a study, build', () => {
  let dir: string;
  beforeAll(async () => {
    dir = repository('flow');
    const published = await runCli(['publish', '--date', '2026-12-01'], { cwd: dir, env });
    expect(published.code, published.stderr).toBe(0);
    expect(published.stderr).toContain('published version 1 (2026-12-01): wrote versions/v1.json');
    git(dir, 'add', 'versions');
    git(dir, 'commit', '-qm', 'publish version 1');
    addMadeUpStudy(dir);
  }, 60_000);

  it('names the new study under 本次更新, with no id and no renumbered reference', async () => {
    const run = await runCli(['build', '--only', 'html'], { cwd: dir, env });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`what's new: 与第 1 版（2026-12-01）相比：新增研究 1 项。\n  ${NEW_STUDY}\n`);
    expect(whatsNew(dir)).toBe(`本次更新 与第 1 版（2026-12-01）相比：新增研究 1 项。 ${NEW_STUDY}`);
    const html = readFileSync(join(dir, 'output', 'review.html'), 'utf8');
    expect(html).toContain('<p class="version">第 2 版草稿（尚未发布）</p>');
    expect(html).toContain('<ol><li>第 1 版，2026-12-01：首个版本，纳入 10 项研究</li></ol>');
  }, 60_000);

  it('says the same with --since HEAD~1 once the change is committed, and with --since v1, in both languages', async () => {
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'add a study');
    const sinceRevision = await runCli(['build', '--only', 'html', '--since', 'HEAD~1'], { cwd: dir, env });
    expect(sinceRevision.code, sinceRevision.stderr).toBe(0);
    expect(whatsNew(dir)).toBe(`本次更新 与修订 HEAD~1 相比：新增研究 1 项。 ${NEW_STUDY}`);
    const sinceVersion = await runCli(['build', '--only', 'html', '--since', 'v1', '--lang', 'en'], { cwd: dir, env });
    expect(sinceVersion.code, sinceVersion.stderr).toBe(0);
    expect(whatsNew(dir)).toBe("What's new Since version 1 (2026-12-01): 1 study added. New study: Testperson 2026 [1], randomised controlled trial, n = 60");
  }, 60_000);

  it('reads a git revision from a records folder below the repository root', async () => {
    const nested = join(scratch, 'nested');
    cpSync(dir, join(nested, 'review'), { recursive: true });
    rmSync(join(nested, 'review', '.git'), { recursive: true, force: true });
    git(nested, 'init', '-q');
    git(nested, 'add', '-A');
    git(nested, 'commit', '-qm', 'one commit');
    const run = await runCli(['build', '--only', 'html', '--since', 'HEAD', '--records', 'review/records', '--templates', 'review/templates', '--out', 'review/output'], { cwd: nested, env });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('与修订 HEAD 相比，研究、结果与参考文献均无变化。');
  }, 60_000);

  it('publishes the next version, which then shows its number, date and history', async () => {
    const published = await runCli(['publish'], { cwd: dir, env: { ...env, SOURCE_DATE_EPOCH: String(Date.UTC(2026, 11, 4) / 1000) } });
    expect(published.code, published.stderr).toBe(0);
    expect(published.stderr).toContain('published version 2 (2026-12-04): wrote versions/v2.json');
    expect(published.stderr).toContain('新增研究：Testperson 2026，随机对照试验，n = 60');
    const run = await runCli(['build', '--only', 'html'], { cwd: dir, env });
    expect(run.code, run.stderr).toBe(0);
    const html = readFileSync(join(dir, 'output', 'review.html'), 'utf8');
    expect(html).toContain('<p class="version">第 2 版，2026-12-04</p>');
    // Version 2 is compared with version 1, the one before it.
    expect(whatsNew(dir)).toContain(NEW_STUDY);
    expect(html).toContain('<li>第 2 版，2026-12-04：新增研究 Testperson 2026</li>');
  }, 60_000);

  it('refuses to publish the same records again, a number taken, a date before the last, or no date', async () => {
    const again = await runCli(['publish', '--date', '2026-12-05'], { cwd: dir, env });
    expect(again).toMatchObject({ code: 2 });
    expect(again.stderr).toContain('the records are those of version 2 (versions/v2.json); nothing to publish');
    expect((await runCli(['publish', '--date', '2026-12-05', '--version', '2'], { cwd: dir, env })).stderr).toContain('versions/v2.json exists: a published version is never rewritten');
    const studies = join(dir, 'records', 'studies.csv');
    writeFileSync(studies, readFileSync(studies, 'utf8').replace('test2026,test2026,SSc,rct,,,,60,', 'test2026,test2026,SSc,rct,,,,61,'));
    expect((await runCli(['publish', '--date', '2026-11-30'], { cwd: dir, env })).stderr).toContain('--date 2026-11-30 is before version 2 (2026-12-04)');
    expect((await runCli(['publish', '--date', '2026-02-30'], { cwd: dir, env })).stderr).toContain("--date takes a day as YYYY-MM-DD, not '2026-02-30'");
    const undated = await runCli(['publish'], { cwd: dir, env });
    expect(undated.code).toBe(2);
    expect(undated.stderr).toContain('publish needs the date of the version: --date YYYY-MM-DD, or SOURCE_DATE_EPOCH set');
    expect(existsSync(join(dir, 'versions', 'v3.json'))).toBe(false);
  }, 60_000);
});

describe('build --since: what cannot be compared with is an exit-2 error that says why', () => {
  let dir: string;
  beforeAll(() => {
    dir = repository('errors');
  });

  it.each([
    [['--since', 'v3'], '--since v3: no published version 3; none is published'],
    [['--since', 'no-such-branch'], "--since 'no-such-branch' is not a published version (none is published), a snapshot file, or a git revision of the repository holding records: no such revision"],
    [['--since=--output=x'], "--since '--output=x' is not a version, a file or a git revision"],
  ])('%j', async (args, message) => {
    const run = await runCli(['build', '--only', 'html', ...args], { cwd: dir, env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(existsSync(join(dir, 'output'))).toBe(false);
  }, 60_000);

  it('refuses a version file whose number or date does not fit, naming it', async () => {
    const other = repository('bad-versions');
    expect((await runCli(['publish', '--date', '2026-12-01'], { cwd: other, env })).code).toBe(0);
    const v1 = readFileSync(join(other, 'versions', 'v1.json'), 'utf8');
    writeFileSync(join(other, 'versions', 'v2.json'), v1.replace('"number": 1', '"number": 3'));
    const run = await runCli(['build', '--only', 'html'], { cwd: other, env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('versions/v2.json: a published version holds its number (2) and date; it says 3, 2026-12-01');
    writeFileSync(join(other, 'versions', 'v2.json'), v1.replace('"number": 1', '"number": 2').replace('2026-12-01', '2026-11-01'));
    expect((await runCli(['build', '--only', 'html'], { cwd: other, env })).stderr).toContain('versions/v2.json: version 2 is dated 2026-11-01, before version 1 (2026-12-01)');
  }, 60_000);

  it('says so when git is missing', async () => {
    const run = await runCli(['build', '--only', 'html', '--since', 'HEAD~1'], { cwd: dir, env: { ...env, PATH: join(scratch, 'no-bin') } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('git is not installed (or not on PATH)');
  }, 60_000);

  it('says so when the records did not exist at the revision', async () => {
    writeFileSync(join(dir, 'notes.txt'), 'a later commit\n');
    git(dir, 'add', 'notes.txt');
    git(dir, 'commit', '-qm', 'notes');
    git(dir, 'mv', 'records', 'evidence');
    git(dir, 'commit', '-qm', 'rename records');
    const run = await runCli(['build', '--only', 'html', '--records', 'evidence', '--since', 'HEAD~1'], { cwd: dir, env });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/review: file not found: evidence\/references\.csv at HEAD~1 does not exist/);
  }, 60_000);

  it('compares with a snapshot file, such as an earlier build kept aside', async () => {
    const built = await runCli(['build', '--only', 'html', '--records', 'evidence'], { cwd: dir, env });
    expect(built.code, built.stderr).toBe(0);
    cpSync(join(dir, 'output', 'review-data.json'), join(dir, 'kept.json'));
    const run = await runCli(['build', '--only', 'html', '--records', 'evidence', '--since', 'kept.json'], { cwd: dir, env });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('与快照 kept.json 相比，研究、结果与参考文献均无变化。');
    writeFileSync(join(dir, 'bad.json'), '{"version":1}');
    const bad = await runCli(['build', '--only', 'html', '--records', 'evidence', '--since', 'bad.json'], { cwd: dir, env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad.json: not a snapshot of records');
  }, 60_000);
});

describe('publish options', () => {
  it('takes --version N as the number to publish, while --version elsewhere prints the tool version', async () => {
    const dir = repository('options');
    const published = await runCli(['publish', '--version', '3', '--date', '2026-12-01'], { cwd: dir, env });
    expect(published.code, published.stderr).toBe(0);
    expect(existsSync(join(dir, 'versions', 'v3.json'))).toBe(true);
    expect(readFileSync(join(dir, 'versions', 'v3.json'), 'utf8')).toMatch(/^\{\n {2}"snapshot": 1,\n {2}"number": 3,\n {2}"date": "2026-12-01",\n/);
    expect(await runCli(['--version'], { cwd: dir, env })).toMatchObject({ code: 0, stdout: '0.0.0-test\n' });
    expect((await runCli(['publish', '--version', 'two', '--date', '2026-12-02'], { cwd: dir, env })).stderr).toContain("--version takes a whole number, not 'two'");
    expect((await runCli(['build', '--date', '2026-12-02'], { cwd: dir, env })).code).toBe(2);
  }, 60_000);

  it('writes nothing when the check finds an error', async () => {
    const dir = repository('broken');
    const studies = join(dir, 'records', 'studies.csv');
    writeFileSync(studies, readFileSync(studies, 'utf8').replace(',28,25,', ',twenty-eight,25,'));
    const run = await runCli(['publish', '--date', '2026-12-01'], { cwd: dir, env });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('publish stopped: the check found errors; no version was recorded');
    expect(existsSync(join(dir, 'versions'))).toBe(false);
  }, 60_000);
});
