import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ContentService } from '../../../src/main/content/content-service';
import { importCorpus } from '../../../src/main/corpus/import-service';
import { openContentDb } from '../../../src/main/database/connection';

let service: ContentService;

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'dstudio-content-'));
  const docs = join(root, 'docs');
  mkdirSync(join(docs, 'patterns'), { recursive: true });
  writeFileSync(
    join(root, 'mkdocs.yml'),
    'site_name: t\nnav:\n  - Home: index.md\n  - Patterns:\n    - patterns/index.md\n    - Retry: patterns/retry.md\n  - Gone: patterns/gone.md\n',
  );
  writeFileSync(
    join(docs, 'index.md'),
    '---\ntitle: Home\n---\n# Home\n\n[Retry](patterns/retry.md#when-to-use), [missing](patterns/retyr.md)\n',
  );
  writeFileSync(join(docs, 'patterns', 'index.md'), '# Patterns\n');
  writeFileSync(
    join(docs, 'patterns', 'retry.md'),
    '---\ntitle: Retry\nexcellence_tier: silver\ntype: pattern\n---\n## When to use\n\nText.\n\n## Backoff\n\n## Alternatives\n',
  );
  writeFileSync(join(docs, 'patterns', 'unlisted.md'), '# Unlisted\n');
  writeFileSync(join(docs, 'old-retry.md'), '---\nredirect_to: patterns/retry.md\n---\n');
  const db = openContentDb(join(root, 'content.db'));
  await importCorpus(db, root, { source: 'test' });
  service = new ContentService(db);
});

describe('ContentService', () => {
  it('lists pages (never aliases) with their tier', async () => {
    const pages = await service.listPages();
    expect(pages.map((p) => p.id)).toEqual([
      'index',
      'patterns/index',
      'patterns/retry',
      'patterns/unlisted',
    ]);
    expect(pages.find((p) => p.id === 'patterns/retry')?.tier).toBe('silver');
  });

  it('returns full pages, resolving aliases, leaving unknown ids out', async () => {
    const pages = await service.getPages(['old-retry', 'nope', 'index']);
    expect(pages.map((p) => p.id)).toEqual(['patterns/retry', 'index']);
    expect(pages[0]!.aliases).toEqual(['old-retry']);
    expect(pages[0]!.headings[0]).toMatchObject({ id: 'when-to-use', text: 'When to use' });
    // in the order of the page, not of their anchors
    expect(pages[0]!.headings.map((h) => h.id)).toEqual(['when-to-use', 'backoff', 'alternatives']);
    const home = pages[1]!;
    expect(home.html).toContain('href="#/page/patterns/retry?h=when-to-use"');
    expect(home.links.find((l) => l.broken)).toMatchObject({ href: 'patterns/retyr.md', candidate: null });
    expect(await service.resolveId('old-retry')).toBe('patterns/retry');
    expect(await service.resolveId('nope')).toBeNull();
  });

  it('builds the nav in mkdocs order, unlisted pages under their folder, missing entries flagged', async () => {
    const nav = await service.getNav();
    expect(nav.map((n) => n.title)).toEqual(['Home', 'Patterns', 'Gone']);
    const patterns = nav[1]!;
    expect(patterns.pageId).toBe('patterns/index');
    expect(patterns.children.map((c) => [c.pageId, !!c.unlisted])).toEqual([
      ['patterns/index', false],
      ['patterns/retry', false],
      ['patterns/unlisted', true],
    ]);
    expect(nav[2]).toMatchObject({ missing: true, pageId: null });
  });

  it('reports status', async () => {
    expect(await service.getStatus()).toMatchObject({ pages: 4, aliases: 1, source: 'test' });
  });
});
