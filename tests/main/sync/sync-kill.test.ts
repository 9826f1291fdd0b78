import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCorpus } from '../../../src/main/corpus/import-service';
import { openContentDb } from '../../../src/main/database/connection';
import { corpusAvailable, realCorpusAt } from '../../helpers/corpus';
import { contentState, copyDb, tmp } from './sync-helpers';
import { fakeGitHubSuite } from './fake-github-suite';

const BIN = resolve(import.meta.dirname, '../../../bin/dstudio.mjs');
const RUNS = 20;

/** Runs `dstudio sync` in its own process; kills it with SIGKILL after `killAfterMs` (never, when null). */
function runSync(
  db: string,
  api: string,
  killAfterMs: number | null,
): Promise<{ code: number | null; signal: string | null; ms: number; out: string }> {
  const started = Date.now();
  const child = spawn(process.execPath, [BIN, 'sync', '--db', db, '--api-url', api, '--json'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  if (killAfterMs !== null) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  return new Promise((r) =>
    child.on('exit', (code, signal) => r({ code, signal, ms: Date.now() - started, out })),
  );
}

/** A small deterministic generator, so a failing kill point can be replayed. */
function lcg(seed: number) {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

describe.skipIf(!corpusAvailable())('killing the updater at random moments', () => {
  const server = fakeGitHubSuite();

  it(
    `never leaves a half-applied state (${RUNS} runs)`,
    async () => {
      const dir = tmp();
      const base = join(dir, 'base.db');
      const db = openContentDb(base);
      await importCorpus(db, realCorpusAt('snap-4'), { commit: server.commitOf('snap-4') });
      const snap4 = await contentState(db);
      db.close();
      server.head = 'snap-5';

      const whole = await runSync(copyDb(base, dir, 'whole.db'), server.url, null);
      expect(whole.code).toBe(0);
      const json = JSON.parse(whole.out) as Record<string, unknown>;
      expect(Object.keys(json)).toEqual([
        'from',
        'to',
        'upToDate',
        'added',
        'changed',
        'removed',
        'tierMoves',
        'guides',
        'bytesFetched',
        'requests',
        'durationMs',
      ]);
      expect(json).toMatchObject({
        from: server.commitOf('snap-4'),
        to: server.commitOf('snap-5'),
        upToDate: false,
      });
      const done = openContentDb(join(dir, 'whole.db'));
      const snap5 = await contentState(done);
      done.close();

      const random = lcg(16);
      const outcomes = { killed: 0, old: 0, new: 0 };
      // Kill moments fall within a whole run's time. One run timed on a busy machine can take
      // twice as long as the next ones, whose kills would then mostly come after they ended:
      // a run that ends before its kill times the window anew.
      let window = whole.ms;
      for (let i = 0; i < RUNS; i++) {
        const file = copyDb(base, dir, `run-${i}.db`);
        const killAt = Math.floor(random() * window);
        const r = await runSync(file, server.url, killAt);
        if (r.signal === 'SIGKILL') outcomes.killed++;
        else window = Math.min(window, r.ms);
        const after = openContentDb(file);
        const state = await contentState(after);
        expect(after.pragma('integrity_check', { simple: true }), `run ${i} killed at ${killAt} ms`).toBe(
          'ok',
        );
        after.close();
        if (state.commit === snap4.commit) {
          expect(state, `run ${i} killed at ${killAt} ms`).toEqual(snap4);
          outcomes.old++;
        } else {
          expect(state, `run ${i} killed at ${killAt} ms`).toEqual(snap5);
          outcomes.new++;
        }
      }
      expect(outcomes.killed).toBeGreaterThan(RUNS / 2);
      console.log(
        `kill test: ${JSON.stringify(outcomes)}, one whole run ${whole.ms} ms, last window ${window} ms`,
      );
    },
    20 * 60_000,
  );
});
