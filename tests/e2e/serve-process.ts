import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { DStudioApi } from '../../src/shared/contract';
import { createHttpApi } from '../../src/renderer/src/http-api';

export const REPO = resolve(import.meta.dirname, '../..');
const CLI = join(REPO, 'bin/dstudio.mjs');

/** A running `dstudio serve`. */
export interface ServeProcess {
  url: string;
  origin: string;
  token: string;
  api: DStudioApi;
  stop(): Promise<void>;
}

/** Starts the real CLI, as a user would, and reads the URL it prints. */
export async function startServe(
  contentDb: string,
  userDb: string,
  extraArgs: string[] = [],
): Promise<ServeProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    [CLI, 'serve', '--db', contentDb, '--user-db', userDb, ...extraArgs],
    {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(
      () => fail(new Error(`dstudio serve did not start in time.\n${out}\n${err}`)),
      30_000,
    );
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /DStudio reader: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        done(m[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`dstudio serve exited with ${code}.\n${out}\n${err}`));
    });
  });
  const parsed = new URL(url);
  const token = parsed.searchParams.get('token')!;
  return {
    url,
    origin: parsed.origin,
    token,
    api: createHttpApi(parsed.origin, token, (u, init) => fetch(u, init)),
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
