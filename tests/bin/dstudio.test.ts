import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { STARTER_CORPUS } from '../helpers/corpus';
import { startServe } from '../e2e/serve-process';

const REPO = resolve(import.meta.dirname, '../..');
const BUILT_DIR = join(REPO, 'out/main');
const BUILT_CLI = join(BUILT_DIR, 'cli.js');
const UI_BUILT = existsSync(join(REPO, 'out/renderer/index.html'));
const run = promisify(execFile);

/** Runs the built CLI itself (not bin/dstudio.mjs, which may pick the sources when they are newer). */
function runBuilt(args: string[]) {
  const script = `const { main } = await import(${JSON.stringify(BUILT_CLI)}); process.exitCode = await main(${JSON.stringify(args)});`;
  return run(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO });
}

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dstudio-built-cli-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('bin/dstudio.mjs', () => {
  it('runs the CLI from the TypeScript sources when asked to (as right after npm install)', async () => {
    const { stdout } = await run(process.execPath, [join(REPO, 'bin/dstudio.mjs'), 'help'], {
      cwd: REPO,
      env: { ...process.env, DSTUDIO_FROM_SOURCE: '1' },
    });
    expect(stdout).toContain('Usage: dstudio <command>');
    expect(stdout).toContain('serve');
  });
});

describe.skipIf(!existsSync(BUILT_CLI))('the built CLI (out/main/cli.js, after `npm run build`)', () => {
  it('imports the starter content and lists its pages', async () => {
    const db = join(tempDir(), 'content.db');
    const imported = await runBuilt(['import', '--corpus', STARTER_CORPUS, '--db', db, '--json']);
    const report = JSON.parse(imported.stdout) as { pages: number; skipped: unknown[] };
    expect(report.pages).toBeGreaterThan(10);
    expect(report.skipped).toEqual([]);
    const listed = await runBuilt(['pages', '--db', db]);
    const ids = listed.stdout
      .trim()
      .split('\n')
      .map((line) => line.split('\t')[0]);
    expect(ids.length).toBeGreaterThanOrEqual(report.pages);
    expect(ids).toContain('index');
  });

  it('finds the parse worker next to the module that starts it, and the worker parses', async () => {
    // parse-pool and the sync service resolve their worker (workerEntry) against their own
    // module: whichever built file each landed in must sit beside the worker's entry.
    const files = readdirSync(BUILT_DIR).filter((f) => f.endsWith('.js'));
    for (const name of ['parse-worker', 'sync-worker']) {
      const starters = files.filter((f) =>
        readFileSync(join(BUILT_DIR, f), 'utf8').includes(`workerEntry("${name}", import.meta.url)`),
      );
      expect(starters, name).not.toHaveLength(0);
      expect(files).toContain(`${name}.js`);
    }

    const worker = new Worker(join(BUILT_DIR, 'parse-worker.js'));
    try {
      const bytes = new TextEncoder().encode(
        '---\ntitle: Worker check\n---\n# Worker check\n\nSome *text*.\n',
      );
      const reply = await new Promise<{ index: number; result: { kind: string; title?: string } }>(
        (done, fail) => {
          worker.once('message', done);
          worker.once('error', fail);
          worker.postMessage({ index: 7, path: 'docs/worker-check.md', bytes, sha: '0'.repeat(40) });
        },
      );
      expect(reply.index).toBe(7);
      expect(reply.result.kind).toBe('page');
    } finally {
      await worker.terminate();
    }
  });

  it.skipIf(!UI_BUILT)('serves the built UI from out/renderer when run from out/main', async () => {
    const dir = tempDir();
    const db = join(dir, 'content.db');
    await runBuilt(['import', '--corpus', STARTER_CORPUS, '--db', db]);
    // startServe goes through bin/dstudio.mjs, which may pick the sources: run the built module itself.
    const child = execFile(process.execPath, [
      '--input-type=module',
      '-e',
      `const { main } = await import(${JSON.stringify(BUILT_CLI)}); process.exitCode = await main(['serve', '--db', ${JSON.stringify(db)}, '--user-db', ${JSON.stringify(join(dir, 'user.db'))}]);`,
    ]);
    try {
      const url = await new Promise<string>((done, fail) => {
        let out = '';
        child.stdout!.on('data', (c: Buffer) => {
          out += c.toString();
          const m = /DStudio reader: (\S+)/.exec(out);
          if (m) done(m[1]!);
        });
        child.once('exit', (code) => fail(new Error(`serve exited with ${code}: ${out}`)));
      });
      const res = await fetch(url);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<div id="app">');
    } finally {
      child.kill('SIGTERM');
    }
  });
});

describe('startServe (the e2e helper) over bin/dstudio.mjs', () => {
  it.skipIf(!UI_BUILT)('starts and answers the API', async () => {
    const dir = tempDir();
    const db = join(dir, 'content.db');
    await run(
      process.execPath,
      [join(REPO, 'bin/dstudio.mjs'), 'import', '--corpus', STARTER_CORPUS, '--db', db],
      { cwd: REPO },
    );
    const server = await startServe(db, join(dir, 'user.db'));
    try {
      expect((await server.api.content.getStatus()).pages).toBeGreaterThan(10);
    } finally {
      await server.stop();
    }
  });
});
