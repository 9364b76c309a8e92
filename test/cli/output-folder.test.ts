// A build deletes only what it made: folders beside --out that merely look like its own stay, leftovers of a kill are recognised by their marker, one build at a time.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MARKER, writeMarker, writeOutputFolder, type BuildFile } from '../../pipeline/cli/output-folder.ts';
import { LOCK_WAIT_MS, lockPathOf } from '../../pipeline/cli/output-lock.ts';
import { runCli } from '../helpers/cli.ts';

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'review.js');
const scratch = mkdtempSync(join(tmpdir(), 'review-out-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let serial = 0;
/** A fresh empty folder to build beside. */
function place(): string {
  const dir = join(scratch, `p${serial++}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

const FILES = new Map<BuildFile, string>([
  ['review.html', '<p>new</p>'],
  ['review-data.json', '{}\n'],
]);

/** Every file under `dir`, with its text: what a user would find there. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out[join(entry.parentPath, entry.name).slice(dir.length + 1)] = readFileSync(join(entry.parentPath, entry.name), 'utf8');
  }
  return out;
}

function write(path: string, text: string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
}

/** A copy of the shipped review to build with the CLI. */
function review(): string {
  const dir = place();
  cpSync(join(root, 'records'), join(dir, 'records'), { recursive: true });
  cpSync(join(root, 'templates'), join(dir, 'templates'), { recursive: true });
  return dir;
}

function cli(cwd: string, args: string[], options: { uid?: number } = {}): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, 'build', '--only', 'html', '--quiet', ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'], ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }) });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('folders beside --out that the build did not make', () => {
  it('stay, with what they hold, whether or not --out exists (issue 10, item 1)', () => {
    const dir = place();
    write(join(dir, 'site.old-backup', 'a.txt'), 'mine');
    write(join(dir, 'site.tmp-x', 'review.html'), 'mine too');
    writeOutputFolder(join(dir, 'site'), 'site', FILES);
    writeOutputFolder(join(dir, 'site'), 'site', FILES);
    expect(tree(dir)).toEqual({ 'site.old-backup/a.txt': 'mine', 'site.tmp-x/review.html': 'mine too', 'site/review.html': '<p>new</p>', 'site/review-data.json': '{}\n' });
  });

  it('stay when they hold a copy of a real marker (a checked-out or copied folder has another inode)', () => {
    const dir = place();
    const made = join(dir, 'elsewhere');
    write(join(made, 'review.html'), 'old output');
    writeMarker(made, 'backup', 'site.old-1');
    cpSync(made, join(dir, 'site.old-1'), { recursive: true });
    writeOutputFolder(join(dir, 'site'), 'site', FILES);
    expect(tree(join(dir, 'site.old-1'))).toEqual({ 'review.html': 'old output', [MARKER]: readFileSync(join(made, MARKER), 'utf8') });
    expect(tree(join(dir, 'site'))['review.html']).toBe('<p>new</p>');
  });
});

describe('what a killed build leaves is put right by the next one', () => {
  it('the old output, moved aside just before the kill, is put back and then replaced', () => {
    const dir = place();
    const aside = join(dir, 'site.old-123-abc');
    write(join(aside, 'review.html'), 'old');
    write(join(aside, 'evidence-table.html'), 'old table');
    writeMarker(aside, 'backup', 'site.old-123-abc');
    // The build writes review.html and review-data.json only; it is the restored folder that was replaced.
    writeOutputFolder(join(dir, 'site'), 'site', FILES);
    expect(tree(dir)).toEqual({ 'site/review.html': '<p>new</p>', 'site/review-data.json': '{}\n' });
  });

  it('a staging folder is removed; a marker left inside --out is removed', () => {
    const dir = place();
    const staging = join(dir, 'site.tmp-9-ff');
    write(join(staging, 'review.html'), 'half');
    writeMarker(staging, 'staging', 'site.tmp-9-ff');
    write(join(dir, 'site', 'review.html'), 'old');
    writeMarker(join(dir, 'site'), 'backup', 'site.old-9-ff');
    writeOutputFolder(join(dir, 'site'), 'site', FILES);
    expect(tree(dir)).toEqual({ 'site/review.html': '<p>new</p>', 'site/review-data.json': '{}\n' });
  });

  it('a folder of its own that someone added a file to keeps that file', () => {
    const dir = place();
    const staging = join(dir, 'site.tmp-9-ee');
    write(join(staging, 'review.html'), 'half');
    writeMarker(staging, 'staging', 'site.tmp-9-ee');
    write(join(staging, 'notes.txt'), 'added by hand');
    writeOutputFolder(join(dir, 'site'), 'site', FILES);
    expect(tree(staging)).toEqual({ 'notes.txt': 'added by hand' });
  });
});

describe('what --out is', () => {
  it('a folder named review.html inside --out is refused, not deleted (item 11)', async () => {
    const dir = review();
    write(join(dir, 'output', 'review.html', 'keep.txt'), 'precious');
    const run = await runCli(['build', '--only', 'html'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('review: cannot write: output/review.html is not a file the build made (a folder or a link); the build replaces only its own files, so move it away or choose another --out\n');
    expect(tree(join(dir, 'output'))).toEqual({ 'review.html/keep.txt': 'precious' });
  });

  it('--out naming a file, a path under a file, or a symbolic link: one line, exit 2, nothing touched', async () => {
    const dir = review();
    write(join(dir, 'afile'), 'text');
    const cases: [string, string][] = [
      ['afile', 'review: cannot write: afile is a file, not a folder; --out names the folder the build writes into\n'],
      ['afile/sub', 'review: cannot write: afile/sub: a part of the path is a file, not a folder (ENOTDIR)\n'],
      ['records/../afile', 'review: cannot write: afile is a file, not a folder; --out names the folder the build writes into\n'],
    ];
    for (const [out, message] of cases) {
      const run = await runCli(['build', '--only', 'html', '--out', out], { cwd: dir });
      expect([run.code, run.stderr]).toEqual([2, message]);
    }
    spawnSync('ln', ['-s', 'records', join(dir, 'link')]);
    const run = await runCli(['build', '--only', 'html', '--out', 'link'], { cwd: dir });
    expect(run.stderr).toBe('review: cannot write: link is a symbolic link; --out must name a real folder (the build replaces it as a whole)\n');
    expect(readFileSync(join(dir, 'afile'), 'utf8')).toBe('text');
    expect(readdirSync(dir).sort()).toEqual(['afile', 'link', 'records', 'templates']);
  });

  it('a file in --out named with a line break and an ESC is named on one line, without the control character', () => {
    const dir = place();
    write(join(dir, 'site', 'x\n::error::forged\u001b[31m'), '');
    expect(() => writeOutputFolder(join(dir, 'site'), 'site', FILES)).toThrow('site holds files the build did not make (x ::error::forged\u241b[31m); choose an empty or new --out folder');
  });

  it('a read-only --out: a one-line refusal, nothing left beside it, and the next build after chmod works (item 11)', async () => {
    const dir = review();
    // Root writes anywhere: the builds run as nobody then.
    const uid = process.getuid?.() === 0 ? 65534 : undefined;
    if (uid !== undefined) {
      chmodSync(scratch, 0o711);
      spawnSync('chown', ['-R', `${uid}:${uid}`, dir]);
    }
    expect(await cli(dir, [], { uid })).toEqual({ code: 0, stderr: '' });
    chmodSync(join(dir, 'output'), 0o555);
    const refused = await cli(dir, [], { uid });
    expect(refused).toEqual({ code: 2, stderr: 'review: cannot write: output: permission denied (EACCES)\n' });
    expect(readdirSync(dir).sort()).toEqual(['output', 'records', 'templates']);
    chmodSync(join(dir, 'output'), 0o755);
    expect((await cli(dir, [], { uid })).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['output', 'records', 'templates']);
  }, 30_000);
});

describe('one build at a time into one --out', () => {
  it('three builds started together all finish, each whole, and leave nothing beside (item 11)', async () => {
    const dir = review();
    const runs = await Promise.all([cli(dir, []), cli(dir, []), cli(dir, [])]);
    expect(runs).toEqual([0, 0, 0].map((code) => ({ code, stderr: '' })));
    expect(readdirSync(dir).sort()).toEqual(['output', 'records', 'templates']);
    expect(readdirSync(join(dir, 'output')).sort()).toEqual(['evidence-table.html', 'review-data.json', 'review.html']);
  }, 60_000);

  it('a lock held by a running build is waited for, then refused with who holds it', () => {
    const dir = place();
    const holder = spawn('sleep', ['30']);
    try {
      const lock = lockPathOf(join(dir, 'site'));
      writeFileSync(lock, JSON.stringify({ tool: 'review', pid: holder.pid, host: hostname(), token: 't' }));
      const started = Date.now();
      expect(() => writeOutputFolder(join(dir, 'site'), 'site', FILES)).toThrow(`another build (process ${holder.pid} on ${hostname()}) is writing site; try again when it has finished (site.review-lock is its lock)`);
      expect(Date.now() - started).toBeGreaterThanOrEqual(LOCK_WAIT_MS - 100);
      expect(existsSync(join(dir, 'site'))).toBe(false);
      expect(existsSync(lock)).toBe(true);
    } finally {
      holder.kill();
    }
  }, 20_000);

  it('a lock whose build was killed is taken over; a file that is not a lock is never removed', () => {
    const dir = place();
    const lock = lockPathOf(join(dir, 'site'));
    const ended = spawnSync(process.execPath, ['-e', '0']);
    writeFileSync(lock, JSON.stringify({ tool: 'review', pid: ended.pid, host: hostname(), token: 't' }));
    writeOutputFolder(join(dir, 'site'), 'site', FILES);
    expect(readdirSync(dir)).toEqual(['site']);
    writeFileSync(lock, 'my notes');
    expect(() => writeOutputFolder(join(dir, 'site'), 'site', FILES)).toThrow('site.review-lock exists and is not a lock this tool wrote');
    expect(readFileSync(lock, 'utf8')).toBe('my notes');
  });
});
