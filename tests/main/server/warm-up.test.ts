import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { NavNode } from '../../../src/shared/domain';
import { deriveApi } from '../../../src/shared/contract/derive';
import { startHttpServer, type RunningServer } from '../../../src/main/server/http-server';
import { warmUp } from '../../../src/main/server/warm-up';

const NAV: NavNode[] = [
  { title: 'Section', pageId: null, children: [{ title: 'First', pageId: 'first/page', children: [] }] },
];
/** What each read answers; any other method (every write) is recorded and refused. */
const ANSWERS: Record<string, unknown> = {
  'user.getSettings': {},
  'content.getStatus': { pages: 1 },
  'content.getNav': NAV,
  'content.getPages': [],
  'user.getReadingState': null,
  'user.listBookmarks': [],
  'user.listReadPageIds': [],
};

describe('warmUp', () => {
  const servers: RunningServer[] = [];
  afterAll(() => Promise.all(servers.map((s) => s.close())));

  it("makes the browser's first requests, reads only, with the first page of the tree", async () => {
    const called: [string, unknown[]][] = [];
    const api = deriveApi(async (domain, method, args) => {
      called.push([`${domain}.${method}`, args]);
      if (!(`${domain}.${method}` in ANSWERS)) throw new Error(`warm-up must not call ${domain}.${method}`);
      return ANSWERS[`${domain}.${method}`];
    });
    const root = join(mkdtempSync(join(tmpdir(), 'dstudio-warm-')), 'ui');
    mkdirSync(root);
    mkdirSync(join(root, 'assets'));
    writeFileSync(
      join(root, 'index.html'),
      '<!doctype html><title>ui</title><script type="module" crossorigin src="./assets/index-a1.js"></script>' +
        '<link rel="stylesheet" crossorigin href="./assets/index-b2.css"><link rel="icon" href="data:,">',
    );
    writeFileSync(join(root, 'assets', 'index-a1.js'), 'export {}');
    writeFileSync(join(root, 'assets', 'index-b2.css'), 'body {}');
    const server = await startHttpServer({ api, staticRoot: root });
    servers.push(server);

    const steps = await warmUp(server);
    expect(steps.every((s) => s.status === 200)).toBe(true);
    expect(steps[0]!.path).toBe('/');
    expect(new Set(steps.slice(1, 3).map((s) => s.path))).toEqual(
      new Set(['/assets/index-a1.js', '/assets/index-b2.css']),
    );
    expect(new Set(called.map(([m]) => m))).toEqual(new Set(Object.keys(ANSWERS)));
    expect(called.find(([m]) => m === 'content.getPages')![1]).toEqual([['first/page']]);
  });
});
