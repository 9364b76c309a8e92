// A pull request is untrusted input: symbolic links, devices, FIFOs, sockets and oversized files made in a temporary folder, run through the CLI as an attacker would.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync, type Dirent } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../helpers/cli.ts';
import { MAX_TEMPLATE_BYTES, MAX_TEMPLATE_DEPTH, readBoundedFile, readInputFile, readTemplatesFolder } from '../../pipeline/cli/files.ts';
import { ReviewError } from '../../pipeline/errors.ts';

const root = join(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'review-confinement-'));
const servers: Server[] = [];
afterAll(() => {
  for (const server of servers) server.close();
  rmSync(scratch, { recursive: true, force: true });
});

// What must never reach a report or a message: the contents of files outside the review.
const PASSWD_LINE = /root:.*:0:0:/;
const ENVIRONMENT = /(?:PATH|HOME)=\//;

let cases = 0;
/** A fresh copy of the shipped review (records and templates) in its own folder. */
function review(): string {
  const dir = join(scratch, `case-${++cases}`);
  cpSync(join(root, 'records'), join(dir, 'records'), { recursive: true });
  cpSync(join(root, 'templates'), join(dir, 'templates'), { recursive: true });
  return dir;
}

function replaceWithLink(path: string, target: string): void {
  rmSync(path, { force: true, recursive: true });
  symlinkSync(target, path);
}

function mkfifo(path: string): void {
  rmSync(path, { force: true });
  execFileSync('mkfifo', [path]);
}

async function socketAt(path: string): Promise<void> {
  rmSync(path, { force: true });
  const server = createServer();
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(path, resolve));
}

/** A one-line error with exit 2, in bounded time, nothing of the outside file shown, no output written. */
async function expectRefused(cwd: string, args: string[], message: string | RegExp): Promise<CliRun> {
  const started = performance.now();
  const run = await runCli(args, { cwd });
  expect(performance.now() - started, 'a refusal must not wait or read much').toBeLessThan(10_000);
  expect(run.code, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(typeof message === 'string' ? new RegExp(`^review: [a-z ]+: ${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) : message);
  expect(run.stderr).not.toMatch(PASSWD_LINE);
  expect(run.stderr).not.toMatch(ENVIRONMENT);
  expect(existsSync(join(cwd, 'output')), 'nothing is written').toBe(false);
  return run;
}

describe('symbolic links inside records/ and templates/ are refused, never followed', () => {
  it('records/references.csv → /etc/passwd (check)', async () => {
    const cwd = review();
    replaceWithLink(join(cwd, 'records', 'references.csv'), '/etc/passwd');
    await expectRefused(cwd, ['check'], 'records/references.csv is a symbolic link; inputs are read only as regular files inside their folder');
  });

  it('records/references.csv → /proc/self/environ: the CI environment never reaches the log', async () => {
    const cwd = review();
    replaceWithLink(join(cwd, 'records', 'references.csv'), '/proc/self/environ');
    await expectRefused(cwd, ['check', '--format', 'json'], 'records/references.csv is a symbolic link');
  });

  it('a link to a file inside the folder is refused too (one rule, no realpath to get wrong)', async () => {
    const cwd = review();
    cpSync(join(cwd, 'records', 'studies.csv'), join(cwd, 'records', 'studies-copy.csv'));
    replaceWithLink(join(cwd, 'records', 'studies.csv'), 'studies-copy.csv');
    await expectRefused(cwd, ['check'], 'records/studies.csv is a symbolic link');
  });

  it('a dangling records/vocabulary.csv link is refused, not taken for an absent vocabulary', async () => {
    const cwd = review();
    symlinkSync('/nonexistent/vocabulary.csv', join(cwd, 'records', 'vocabulary.csv'));
    await expectRefused(cwd, ['check'], 'records/vocabulary.csv is a symbolic link');
  });

  it('templates/partials/pw.hbs → /etc/passwd with {{> pw}}: refused by check and by build; /etc/passwd is in no output', async () => {
    const cwd = review();
    symlinkSync('/etc/passwd', join(cwd, 'templates', 'partials', 'pw.hbs'));
    writeFileSync(join(cwd, 'templates', 'review.hbs'), `${readFileSync(join(cwd, 'templates', 'review.hbs'), 'utf8')}{{> pw}}\n`);
    await expectRefused(cwd, ['check'], 'templates/partials/pw.hbs is a symbolic link; the templates folder may hold only regular files and folders');
    await expectRefused(cwd, ['build', '--only', 'html'], 'templates/partials/pw.hbs is a symbolic link');
  });

  it('a symbolic link loop in templates/ (ln -s . templates/a) is refused at once, not walked', async () => {
    const cwd = review();
    symlinkSync('.', join(cwd, 'templates', 'a'));
    await expectRefused(cwd, ['check'], 'templates/a is a symbolic link');
  });

  it('templates/partials as a link to a folder outside', async () => {
    const cwd = review();
    const outside = join(scratch, `outside-${cases}`);
    cpSync(join(cwd, 'templates', 'partials'), outside, { recursive: true });
    replaceWithLink(join(cwd, 'templates', 'partials'), outside);
    await expectRefused(cwd, ['build', '--only', 'html'], 'templates/partials is a symbolic link');
  });

  it('templates/review.json → /dev/zero', async () => {
    const cwd = review();
    replaceWithLink(join(cwd, 'templates', 'review.json'), '/dev/zero');
    await expectRefused(cwd, ['build', '--only', 'html'], 'templates/review.json is a symbolic link');
  });

  it('the records or templates folder itself a link', async () => {
    const cwd = review();
    const elsewhere = join(scratch, `records-elsewhere-${cases}`);
    cpSync(join(cwd, 'records'), elsewhere, { recursive: true });
    replaceWithLink(join(cwd, 'records'), elsewhere);
    await expectRefused(cwd, ['check'], 'records folder records is a symbolic link; give the folder itself');
    const cwd2 = review();
    replaceWithLink(join(cwd2, 'templates'), join(root, 'templates'));
    await expectRefused(cwd2, ['check'], 'templates folder templates is a symbolic link');
  });

  it('a manuscript or a --since snapshot given as a link', async () => {
    const cwd = review();
    symlinkSync('/etc/passwd', join(cwd, 'paper.md'));
    await expectRefused(cwd, ['cite-check', 'paper.md'], 'paper.md is a symbolic link');
    symlinkSync('/etc/passwd', join(cwd, 'snapshot.json'));
    await expectRefused(cwd, ['build', '--only', 'html', '--since', 'snapshot.json'], 'snapshot.json is a symbolic link');
  });
});

describe('devices, FIFOs and sockets are refused without blocking', () => {
  it('records/outcomes.csv a FIFO with no writer: refused at once, no hang', async () => {
    const cwd = review();
    mkfifo(join(cwd, 'records', 'outcomes.csv'));
    await expectRefused(cwd, ['check'], 'records/outcomes.csv is a named pipe (FIFO), not a regular file');
  });

  it('a FIFO as a template, as review.json, as --since and as the manuscript', async () => {
    const cwd = review();
    mkfifo(join(cwd, 'templates', 'partials', 'fifo.hbs'));
    await expectRefused(cwd, ['check'], 'templates/partials/fifo.hbs is a named pipe (FIFO)');
    rmSync(join(cwd, 'templates', 'partials', 'fifo.hbs'));
    mkfifo(join(cwd, 'templates', 'review.json'));
    await expectRefused(cwd, ['build', '--only', 'html'], 'templates/review.json is a named pipe (FIFO)');
    rmSync(join(cwd, 'templates', 'review.json'));
    cpSync(join(root, 'templates', 'review.json'), join(cwd, 'templates', 'review.json'));
    mkfifo(join(cwd, 'since.json'));
    await expectRefused(cwd, ['build', '--only', 'html', '--since', 'since.json'], 'since.json is a named pipe (FIFO)');
    mkfifo(join(cwd, 'paper.md'));
    await expectRefused(cwd, ['cite-check', 'paper.md'], 'paper.md is a named pipe (FIFO)');
  });

  it('--since /dev/zero and cite-check /dev/zero: a character device, refused before a byte is read', async () => {
    const cwd = review();
    await expectRefused(cwd, ['build', '--only', 'html', '--since', '/dev/zero'], /is a character device, not a regular file$/m);
    await expectRefused(cwd, ['cite-check', '/dev/zero'], /is a character device, not a regular file$/m);
  });

  it('records/studies.csv a socket', async () => {
    const cwd = review();
    await socketAt(join(cwd, 'records', 'studies.csv'));
    await expectRefused(cwd, ['check'], 'records/studies.csv is a socket, not a regular file');
  });
});

describe('--since must be a snapshot', () => {
  it('--since /etc/passwd is an error, not silently a first build, and shows nothing of the file', async () => {
    const cwd = review();
    const run = await expectRefused(cwd, ['build', '--only', 'html', '--since', '/etc/passwd'], /etc\/passwd: not valid JSON, so not a snapshot of records/);
    expect(run.stderr).not.toContain('root');
  });

  it('a review-data.json of the wrong shape (sections not objects of strings) is refused too', async () => {
    const cwd = review();
    writeFileSync(join(cwd, 'old.json'), JSON.stringify({ version: 1, references: {}, studies: { s1: 'x' }, outcomes: {} }));
    await expectRefused(cwd, ['build', '--only', 'html', '--since', 'old.json'], 'old.json: not a snapshot of records');
  });
});

describe('sizes are counted while reading, not taken from stat', () => {
  it('a file whose stat size is 0 but holds more (/proc/self/status) stops at the limit', () => {
    expect(() => readBoundedFile('/proc/self/status', '/', 16)).toThrow(/is larger than .* MiB, the limit for this file/);
    const small = readBoundedFile('/proc/self/status', '/', 1024 * 1024);
    expect(small.length).toBeGreaterThan(16);
  });

  it('a record file past its limit is refused while read, whole or streamed', () => {
    const dir = join(scratch, 'sizes');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'big.csv'), 'x'.repeat(9 * 1024 * 1024));
    expect(() => readInputFile(join(dir, 'big.csv'), dir, undefined, 1024)).toThrow(/big\.csv is larger than/);
    // Under the limit but streamed (over 8 MiB): the chunks are counted on every pass.
    const streamed = readInputFile(join(dir, 'big.csv'), dir, undefined, 9 * 1024 * 1024);
    expect(typeof streamed.bytes).toBe('function');
    let total = 0;
    for (const chunk of (streamed.bytes as (final: boolean) => Iterable<Uint8Array>)(false)) total += chunk.length;
    expect(total).toBe(9 * 1024 * 1024);
  });

  it('a template over 16 MiB is refused with a one-line error', async () => {
    const cwd = review();
    writeFileSync(join(cwd, 'templates', 'partials', 'huge.hbs'), Buffer.alloc(MAX_TEMPLATE_BYTES + 1, 0x61));
    await expectRefused(cwd, ['check'], 'templates/partials/huge.hbs is larger than 16 MiB, the limit for this file');
  });
});

describe('the templates walk is bounded and loses nothing silently', () => {
  it('a subfolder that cannot be listed is an error, not skipped (the lister fails as EACCES would for a non-root user)', () => {
    const dir = join(scratch, 'unlistable');
    mkdirSync(join(dir, 'templates', 'secret'), { recursive: true });
    writeFileSync(join(dir, 'templates', 'review.hbs'), '<p>x</p>');
    const failing = (folder: string): Dirent[] => {
      if (folder.endsWith('secret')) throw Object.assign(new Error('permission denied'), { code: 'EACCES' });
      return readdirSync(folder, { withFileTypes: true });
    };
    let error: unknown;
    try {
      readTemplatesFolder(join(dir, 'templates'), dir, failing);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ReviewError);
    expect((error as ReviewError).message).toBe('cannot list the templates folder templates/secret (EACCES)');
  });

  it.skipIf(process.getuid?.() === 0)('a real chmod 000 subfolder (only where the tests do not run as root)', async () => {
    const cwd = review();
    mkdirSync(join(cwd, 'templates', 'locked'));
    execFileSync('chmod', ['000', join(cwd, 'templates', 'locked')]);
    await expectRefused(cwd, ['check'], 'cannot list the templates folder templates/locked (EACCES)');
    execFileSync('chmod', ['755', join(cwd, 'templates', 'locked')]);
  });

  it(`folders nested deeper than ${MAX_TEMPLATE_DEPTH} are refused`, async () => {
    const cwd = review();
    let path = join(cwd, 'templates');
    for (let i = 0; i <= MAX_TEMPLATE_DEPTH; i++) path = join(path, 'd');
    mkdirSync(path, { recursive: true });
    await expectRefused(cwd, ['check'], /^review: input too large: templates(\/d)+ is more than 16 folders deep$/m);
  });
});

describe('names with control characters are shown as symbols', () => {
  it('a template named with a newline and an ESC: the error is one line, the characters shown as ␊ and ␛', async () => {
    const cwd = review();
    writeFileSync(join(cwd, 'templates', 'partials', 'bad\n\u001b[31mred.hbs'), '{{#if x}}');
    const run = await runCli(['check'], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('templates/partials/bad\u240a\u241b[31mred.hbs');
    expect(run.stderr).not.toContain('\u001b');
  });

  it('a records folder named with a newline and an ESC: every finding of the report names it with symbols', async () => {
    const cwd = review();
    const odd = 'rec\nords\u001b[2J';
    cpSync(join(cwd, 'records'), join(cwd, odd), { recursive: true });
    const run = await runCli(['check', '--records', odd, '--format', 'json'], { cwd });
    const report = JSON.parse(run.stdout) as { diagnostics: { file: string }[] };
    const records = report.diagnostics.filter((d) => !d.file.startsWith('templates/'));
    expect(records.length).toBeGreaterThan(0);
    for (const d of records) expect(d.file).toMatch(/^rec\u240aords\u241b\[2J\/[a-z]+\.csv$/);
    const stylish = await runCli(['check', '--records', odd], { cwd });
    expect(stylish.stdout).toContain('rec\u240aords\u241b[2J/');
    expect(stylish.stdout).not.toContain('\u001b');
  });

  it('a --records folder named with a newline', async () => {
    const run = await runCli(['check', '--records', 'no\nsuch'], { cwd: scratch });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('review: folder not found: records folder no\u240asuch does not exist\n');
  });
});
