import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCorpus } from '../../../src/main/corpus/import-service';
import { CorpusRootError } from '../../../src/main/corpus/corpus-reader';
import { ContentService } from '../../../src/main/content/content-service';
import { openContentDb } from '../../../src/main/database/connection';
import { corpusAvailable, realCorpusAt, SKIP_MESSAGE, STARTER_CORPUS } from '../../helpers/corpus';

const tmp = () => mkdtempSync(join(tmpdir(), 'dstudio-import-'));

function mdFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.isFile() && e.name.toLowerCase().endsWith('.md'))
        out.push(relative(join(root, 'docs'), join(d, e.name)).split(sep).join('/'));
    }
  };
  walk(join(root, 'docs'));
  return out.sort();
}

function accounting(dbFile: string) {
  const db = openContentDb(dbFile);
  const files = db.prepare('SELECT path, kind FROM files ORDER BY path').all() as {
    path: string;
    kind: string;
  }[];
  const pages = db.prepare('SELECT id, path, title, blob_sha AS sha, html FROM pages ORDER BY id').all() as {
    id: string;
    path: string;
    title: string;
    sha: string;
    html: Buffer;
  }[];
  const aliases = db.prepare('SELECT id, target_id AS target FROM aliases ORDER BY id').all() as {
    id: string;
    target: string | null;
  }[];
  db.close();
  return { files, pages, aliases };
}

describe('importCorpus on hostile and odd files', () => {
  it('imports what it can, skips with reasons, and never stops', async () => {
    const root = tmp();
    const docs = join(root, 'docs');
    mkdirSync(join(docs, 'sub'), { recursive: true });
    writeFileSync(
      join(docs, 'index.md'),
      '---\ntitle: Home\n---\n# Home\n\nSee [sub](sub/a.md#part-two) and [gone](missing.md).\n',
    );
    writeFileSync(join(docs, 'sub', 'a.md'), '# Page A\n\n## Part Two\n\n- [ ] first\n- [x] second\n');
    writeFileSync(
      join(docs, 'bad-yaml.md'),
      '---\ntitle: "unclosed\ntier: gold\n---\n# Broken Yaml Page\n\nBody.\n',
    );
    writeFileSync(join(docs, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]));
    writeFileSync(join(docs, 'latin1.md'), Buffer.from([0x23, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x0a]));
    writeFileSync(
      join(docs, 'utf16.md'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Wide Title\n', 'utf16le')]),
    );
    writeFileSync(join(docs, 'cr-only.md'), '# CR Title\r\rline two\r');
    writeFileSync(join(docs, 'fence.md'), '# Fence\n\n```python\nprint(1)\n');
    writeFileSync(join(docs, 'huge.md'), '# Huge\n' + 'x'.repeat(6 * 1024 * 1024));
    writeFileSync(join(docs, 'long-line.md'), '# Long\n' + 'word '.repeat(5000) + '\n');
    writeFileSync(
      join(docs, 'deep.md'),
      '# Deep\n' + '> '.repeat(5000) + 'quote\n' + '- '.repeat(3000) + 'item\n',
    );
    writeFileSync(join(docs, 'empty.md'), '');
    writeFileSync(join(docs, 'old.md'), '---\nredirect_to: sub/a.md\n---\n');
    writeFileSync(join(docs, 'dup1.md'), '# Same Title\n');
    writeFileSync(join(docs, 'dup2.md'), '# Same Title\n');
    writeFileSync(join(docs, 'bidi.md'), '# Bidi \u202Etxt.exe\u202C zero\u200Bwidth\n');

    const dbFile = join(root, 'content.db');
    const db = openContentDb(dbFile);
    const report = await importCorpus(db, root);
    db.close();

    const all = mdFiles(root);
    const { files, pages, aliases } = accounting(dbFile);
    expect(files.map((f) => f.path)).toEqual(all);
    expect(report.pages + report.aliases + report.skipped.length).toBe(all.length);
    expect(report.skipped.map((s) => s.path).sort()).toEqual(['binary.md', 'huge.md']);
    expect(report.skipped.find((s) => s.path === 'binary.md')?.reason).toMatch(/binary/);
    expect(aliases).toEqual([{ id: 'old', target: 'sub/a' }]);
    const titles = Object.fromEntries(pages.map((p) => [p.id, p.title]));
    expect(titles).toMatchObject({
      'bad-yaml': 'Broken Yaml Page',
      utf16: 'Wide Title',
      'cr-only': 'CR Title',
      empty: 'Empty',
      latin1: 'Caf\uFFFD',
    });
    const kinds = (path: string) => report.warnings.filter((w) => w.path === path).map((w) => w.kind);
    expect(kinds('bad-yaml.md')).toContain('front-matter-invalid');
    expect(kinds('latin1.md')).toContain('encoding');
    expect(kinds('fence.md')).toContain('unclosed-fence');
    expect(kinds('long-line.md')).toContain('long-line');
    expect(kinds('dup1.md')).toContain('duplicate-title');
    expect(report.brokenLinks).toBe(1);
    expect(report.checklistItems).toBe(2);
    const reader = openContentDb(dbFile);
    const [home] = await new ContentService(reader).getPages(['index']);
    reader.close();
    expect(home!.html).toContain('href="#/page/sub/a?h=part-two"');
    expect(home!.html).toMatch(/class="broken-link"/);
    expect(home!.html).not.toMatch(/\shref="[^"]*\.md/);
  });

  it('refuses an unusable corpus root with a clear error', async () => {
    const db = openContentDb(':memory:');
    await expect(importCorpus(db, join(tmp(), 'nope'))).rejects.toThrow(CorpusRootError);
    await expect(importCorpus(db, tmp())).rejects.toThrow(/no readable docs\/ folder/);
  });

  it('skips unchanged files on re-import and forgets deleted ones', async () => {
    const root = tmp();
    mkdirSync(join(root, 'docs'));
    writeFileSync(join(root, 'docs', 'a.md'), '# A\n\n[b](b.md)\n');
    writeFileSync(join(root, 'docs', 'b.md'), '# B\n');
    const db = openContentDb(join(root, 'c.db'));
    await importCorpus(db, root);
    rmSync(join(root, 'docs', 'b.md'));
    const second = await importCorpus(db, root);
    expect(second.unchanged).toBe(1);
    expect(second.pages).toBe(1);
    // a.md did not change, but its link target vanished: it is re-resolved as broken
    expect(second.brokenLinks).toBe(1);
    db.close();
  });
});

describe('importCorpus on the starter content', () => {
  it('imports every file of content/ with titles and a nav', async () => {
    const db = openContentDb(':memory:');
    const report = await importCorpus(db, STARTER_CORPUS);
    expect(report.pages).toBeGreaterThanOrEqual(12);
    expect(report.aliases).toBeGreaterThanOrEqual(1);
    expect(report.skipped).toEqual([]);
    const tiers = db.prepare('SELECT DISTINCT tier FROM pages WHERE tier IS NOT NULL ORDER BY tier').all();
    expect(tiers).toEqual([{ tier: 'bronze' }, { tier: 'gold' }, { tier: 'silver' }]);
    expect(report.checklistItems).toBeGreaterThan(0);
    db.close();
  });
});

describe.skipIf(!corpusAvailable())(
  `importCorpus on the real corpus (${corpusAvailable() ? 'present' : SKIP_MESSAGE})`,
  () => {
    it.each(['snap-1', 'snap-2', 'snap-3', 'snap-4', 'snap-5'] as const)(
      '%s: every .md file is a page, an alias or skipped; every page titled',
      async (tag) => {
        const root = realCorpusAt(tag);
        const dbFile = join(tmp(), 'content.db');
        const db = openContentDb(dbFile);
        const report = await importCorpus(db, root);
        db.close();
        const all = mdFiles(root);
        const { files, pages } = accounting(dbFile);
        expect(files.map((f) => f.path)).toEqual(all);
        expect(report.pages + report.aliases + report.skipped.length).toBe(all.length);
        expect(pages.every((p) => p.title.trim().length > 0)).toBe(true);
        expect(report.aliases).toBeGreaterThan(0);
        if (tag === 'snap-5') {
          expect(report.aliases).toBe(38);
          const invalid = new Set(
            report.warnings.filter((w) => w.kind === 'front-matter-invalid').map((w) => w.path),
          );
          expect(invalid.size).toBe(19);
          for (const path of invalid) expect(pages.some((p) => p.path === path)).toBe(true);
          expect(report.checklistItems).toBeGreaterThanOrEqual(3826);
        }
      },
    );

    it('importing snap-1 then snap-5 into one database equals importing snap-5 fresh', async () => {
      const dir = tmp();
      const a = openContentDb(join(dir, 'updated.db'));
      await importCorpus(a, realCorpusAt('snap-1'));
      const update = await importCorpus(a, realCorpusAt('snap-5'));
      a.close();
      const b = openContentDb(join(dir, 'fresh.db'));
      await importCorpus(b, realCorpusAt('snap-5'));
      b.close();
      expect(update.unchanged).toBeGreaterThan(0);
      const x = accounting(join(dir, 'updated.db'));
      const y = accounting(join(dir, 'fresh.db'));
      expect(x.files).toEqual(y.files);
      expect(x.pages).toEqual(y.pages);
      expect(x.aliases).toEqual(y.aliases);
    });

    it('a killed import leaves the previous state (the transaction never half-applies)', async () => {
      const dir = tmp();
      const dbFile = join(dir, 'content.db');
      const db = openContentDb(dbFile);
      await importCorpus(db, realCorpusAt('snap-4'));
      db.close();
      const before = accounting(dbFile);
      // A child process imports snap-5 and is killed with SIGKILL midway through.
      const script = `
      import { openContentDb } from ${JSON.stringify(join(process.cwd(), 'src/main/database/connection.ts'))};
      import { importCorpus } from ${JSON.stringify(join(process.cwd(), 'src/main/corpus/import-service.ts'))};
      const db = openContentDb(${JSON.stringify(dbFile)});
      await importCorpus(db, ${JSON.stringify(realCorpusAt('snap-5'))}, { force: true, onProgress: (d, _t, phase) => { if (phase === 'write' && d === 300) process.kill(process.pid, 'SIGKILL'); } });
    `;
      const file = join(dir, 'kill.ts');
      writeFileSync(file, script);
      expect(() => execFileSync(process.execPath, ['--import', 'tsx', file], { stdio: 'pipe' })).toThrow();
      const after = accounting(dbFile);
      expect(after).toEqual(before);
      const check = openContentDb(dbFile);
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      check.close();
    });
  },
);
