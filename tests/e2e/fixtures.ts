import { test as base, expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DStudioApi } from '../../src/shared/contract';
import type { PageSummary } from '../../src/shared/domain';
import { routeOf } from '../../src/shared/routes';
import { isCatalogueEntry } from '../../src/shared/page-kinds';
import { trailOf } from '../../src/renderer/src/nav-tree';
import { realCorpusAt, STARTER_CORPUS } from '../helpers/corpus';
import { ReaderPage } from './reader-page';
import { REPO, startServe, type ServeProcess } from './serve-process';

export { startServe };

const CLI = join(REPO, 'bin/dstudio.mjs');
export const SCREENSHOTS = join(REPO, 'tests/e2e/screenshots');

export interface CorpusOption {
  corpus: 'starter' | 'real';
}

/** What the specs aim at, found through the API so the same specs run on any corpus. */
export interface Targets {
  pattern: { id: string; title: string; trail: string[] };
  link: { from: string; to: string; anchor: string; headingId: string; href: string };
  bronze: PageSummary;
  /** A page with a broken link, when the corpus has one. */
  brokenLinkPage: string | null;
  switcherTypo: { typo: string; expectId: string };
  search: { text: string; tier: 'gold' | 'silver' | 'bronze' };
}

async function findTargets(api: DStudioApi): Promise<Targets> {
  const [nav, pages] = await Promise.all([api.content.getNav(), api.content.listPages()]);
  const patternId = 'pattern-library/resilience/circuit-breaker';
  const [pattern] = await api.content.getPages([patternId]);
  if (!pattern) throw new Error(`${patternId} is missing from the corpus`);
  const trail = (trailOf(nav, patternId) ?? []).map((n) => n.title);

  // An in-app link to an anchor on another page: first the pattern's own, else any page's.
  let link: Targets['link'] | null = null;
  const candidates = [
    patternId,
    ...pages.filter(isCatalogueEntry).map((p) => p.id),
    ...pages.filter((p) => !isCatalogueEntry(p)).map((p) => p.id),
  ];
  for (let i = 0; i < candidates.length && !link; i += 40) {
    for (const p of await api.content.getPages(candidates.slice(i, i + 40))) {
      const candidatesHere = p.links.filter(
        (x) => !x.broken && x.anchor && x.targetId && x.targetId !== p.id,
      );
      const targetsHere = await api.content.getPages([...new Set(candidatesHere.map((x) => x.targetId!))]);
      for (const l of candidatesHere) {
        const heading = targetsHere
          .find((t) => t.id === l.targetId)
          ?.headings.find((h) => h.id === l.anchor || h.altIds.includes(l.anchor!));
        if (heading) {
          link = {
            from: p.id,
            to: l.targetId!,
            anchor: l.anchor!,
            headingId: heading.id,
            href: routeOf(l.targetId!, l.anchor),
          };
          break;
        }
      }
      if (link) break;
    }
  }
  if (!link) throw new Error('no internal link with an anchor in this corpus');

  const bronzes = pages.filter((p) => isCatalogueEntry(p) && p.tier === 'bronze');
  const full = await api.content.getPages(bronzes.map((b) => b.id).slice(0, 100));
  const withAlternatives = full.find((p) => p.meta.modernAlternatives.length > 0);
  const bronze = withAlternatives ?? full[0];
  if (!bronze) throw new Error('no bronze pattern in this corpus');

  let brokenLinkPage: string | null = null;
  for (let i = 0; i < candidates.length && !brokenLinkPage; i += 40) {
    brokenLinkPage =
      (await api.content.getPages(candidates.slice(i, i + 40))).find((p) => p.links.some((l) => l.broken))
        ?.id ?? null;
  }

  return {
    brokenLinkPage,
    pattern: { id: pattern.id, title: pattern.title, trail },
    link,
    bronze: bronzes.find((b) => b.id === bronze.id)!,
    // A dropped letter (the switcher's fuzzy match allows one edit per word).
    switcherTypo: { typo: 'circut breaker', expectId: patternId },
    search: { text: 'circuit breaker', tier: 'gold' },
  };
}

interface WorkerFixtures {
  contentDb: string;
  targets: Targets;
}

interface TestFixtures {
  profileDir: string;
  server: ServeProcess;
  reader: ReaderPage;
  /** Saves a screenshot under tests/e2e/screenshots/<project>-<name>.png. */
  snap: (name: string) => Promise<void>;
}

export const test = base.extend<TestFixtures, WorkerFixtures & CorpusOption>({
  corpus: ['starter', { option: true, scope: 'worker' }],

  // A fresh content.db per worker, imported by the real CLI from the chosen corpus.
  contentDb: [
    async ({ corpus }, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'dstudio-e2e-content-'));
      const db = join(dir, 'content.db');
      const root = corpus === 'real' ? realCorpusAt('snap-5') : STARTER_CORPUS;
      execFileSync(process.execPath, [CLI, 'import', '--corpus', root, '--db', db], {
        cwd: REPO,
        stdio: 'pipe',
      });
      await use(db);
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],

  // A fresh user profile (user.db) for every test.
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  profileDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'dstudio-e2e-profile-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },

  server: async ({ contentDb, profileDir }, use) => {
    const s = await startServe(contentDb, join(profileDir, 'user.db'));
    await use(s);
    await s.stop();
  },

  // Found once per worker, through a server of its own over the same content.
  targets: [
    async ({ contentDb }, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'dstudio-e2e-targets-'));
      const s = await startServe(contentDb, join(dir, 'user.db'));
      let found: Targets;
      try {
        found = await findTargets(s.api);
      } finally {
        await s.stop();
      }
      await use(found);
      rmSync(dir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],

  reader: async ({ page, server }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    const reader = new ReaderPage(page, server.url);
    await use(reader);
    expect(errors, 'the page logged errors').toEqual([]);
  },

  snap: async ({ page }, use, info) => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await use(async (name) => {
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: join(SCREENSHOTS, `${info.project.name}-${name}.png`) });
    });
  },
});

export { expect };
export type { Page };
