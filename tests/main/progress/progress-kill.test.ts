import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCorpus } from '../../../src/main/corpus/import-service';
import { openContentDb, openUserDb } from '../../../src/main/database/connection';
import { ProgressService } from '../../../src/main/progress/progress-service';
import { GUIDE_PAGE, guideCorpus } from './guide-corpus';
import { changeOf } from './progress-writer';

const WRITER = resolve(import.meta.dirname, 'progress-writer.ts');
const RUNS = 20;
const PAGE = GUIDE_PAGE;

/** A small deterministic generator, so a failing kill point can be replayed. */
function lcg(seed: number) {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

/**
 * Runs the writer from change `first` on; kills it with SIGKILL `killAfterMs` after it is
 * ready. Resolves with the changes it reported as committed.
 */
function runWriter(contentDb: string, userDb: string, first: number, killAfterMs: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, contentDb, userDb, PAGE, String(first)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  let timer: NodeJS.Timeout | undefined;
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString();
    if (!timer && out.startsWith('ready\n')) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  });
  return new Promise<{ signal: string | null; committed: number[] }>((done) =>
    child.on('close', (_code, signal) =>
      done({
        signal,
        committed: [...out.matchAll(/^committed (\d+)$/gm)].map((m) => Number(m[1])),
      }),
    ),
  );
}

/** The note each item holds in the page's run, read back through the service. */
async function savedNotes(
  contentDb: string,
  userDb: string,
): Promise<{ check: string; notes: Map<string, string> }> {
  const user = openUserDb(userDb);
  const content = openContentDb(contentDb, { readonly: true });
  try {
    const check = user.pragma('integrity_check', { simple: true }) as string;
    const page = await new ProgressService(user, content).getPage(PAGE, null);
    const notes = new Map(Object.values(page.items).map((i) => [i.key, `${i.state} ${i.note}`]));
    return { check, notes };
  } finally {
    user.close();
    content.close();
  }
}

describe('killing a process that writes progress at random moments', () => {
  let dir: string;
  let contentDb: string;
  let keys: string[];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dstudio-progress-kill-'));
    const corpus = guideCorpus(join(dir, 'corpus'));
    contentDb = join(dir, 'content.db');
    const db = openContentDb(contentDb);
    await importCorpus(db, corpus);
    keys = (await new ProgressService(openUserDb(':memory:'), db).getPage(PAGE, null)).checklists.flatMap(
      (l) => l.items.map((i) => i.key),
    );
    db.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(
    `loses at most the change in flight (${RUNS} runs on one user.db)`,
    async () => {
      expect(keys).toHaveLength(7);
      const userDb = join(dir, 'user.db');
      const random = lcg(13);
      // What each item must hold: the last change to it known to be committed.
      const expected = new Map<string, string>();
      const entryOf = (n: number) => {
        const c = changeOf(n, keys);
        return [c.itemKey, `${c.state} ${c.note}`] as const;
      };
      let next = 0;
      let inFlightCommitted = 0;
      let total = 0;
      for (let run = 0; run < RUNS; run++) {
        const killAfterMs = Math.floor(random() * 300);
        const what = `run ${run}, killed ${killAfterMs} ms after ready, from change ${next}`;
        const { signal, committed } = await runWriter(contentDb, userDb, next, killAfterMs);
        expect(signal, what).toBe('SIGKILL');
        expect(committed, what).toEqual(committed.map((_, i) => next + i));
        for (const n of committed) expected.set(...entryOf(n));
        total += committed.length;

        const { check, notes } = await savedNotes(contentDb, userDb);
        expect(check, what).toBe('ok');
        const inFlight = next + committed.length;
        const [flightKey, flightValue] = entryOf(inFlight);
        if (notes.get(flightKey) === flightValue) {
          // The kill came after the commit of this change but before its line was written.
          expected.set(flightKey, flightValue);
          inFlightCommitted++;
        }
        expect(notes, what).toEqual(expected);
        next = inFlight + 1;
      }
      // The runs did write: a test whose child never got going would prove nothing.
      expect(total).toBeGreaterThan(RUNS);
      expect(expected.size).toBe(keys.length);
      console.log(
        `progress kill test: ${RUNS} kills, ${total} changes reported committed, all present; ` +
          `the change in flight was committed in ${inFlightCommitted} runs`,
      );
    },
    10 * 60_000,
  );
});
