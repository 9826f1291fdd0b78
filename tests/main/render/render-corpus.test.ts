import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listCorpus } from '../../../src/main/corpus/corpus-reader';
import { splitFrontMatter } from '../../../src/main/corpus/front-matter';
import { renderPage } from '../../../src/main/render/render-page';
import type { RenderedPage } from '../../../src/main/render/types';
import { corpusAvailable, realCorpusAt, SKIP_MESSAGE } from '../../helpers/corpus';
import { textOf } from './render-helpers';

/** Rendered text outside code, scripts, styles and comments: where Markdown syntax must not survive. */
function proseOf(html: string): string {
  return textOf(
    html
      .replace(/<pre[\s\S]*?<\/pre>/g, '')
      .replace(/<code[\s\S]*?<\/code>/g, '')
      .replace(/<script[\s\S]*?<\/script>/gi, '')
      .replace(/<style[\s\S]*?<\/style>/gi, '')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<span class="template-text">[\s\S]*?<\/span>/g, ''),
  );
}

const LEFTOVERS: Record<string, RegExp> = {
  admonition: /!!!/,
  collapsible: /\?\?\?/,
  tab: /=== "/,
  'attribute list': /\{:? ?[.#][A-Za-z][\w-]*(?: [.#][\w-]+)* ?\}/,
  'task marker': /\[[ xX]\] /,
  icon: /:(?:material|octicons)-[\w-]+:/,
};

describe.skipIf(!corpusAvailable())('rendering the real corpus (snap-5)', () => {
  if (!corpusAvailable()) console.log(SKIP_MESSAGE);
  const pages: { path: string; source: string; r: RenderedPage }[] = [];

  it('renders every page without problems', () => {
    const root = realCorpusAt('snap-5');
    for (const f of listCorpus(root).files) {
      const source = splitFrontMatter(readFileSync(f.absPath, 'utf8')).body;
      pages.push({
        path: f.absPath.slice(root.length + 6),
        source,
        r: renderPage(source, { pageId: f.absPath }),
      });
    }
    expect(pages.length).toBeGreaterThan(600);
    expect(pages.filter((p) => p.r.problems.length)).toEqual([]);
  });

  it('leaves no MkDocs syntax as literal text outside code', () => {
    const found: string[] = [];
    for (const { path, r } of pages) {
      const prose = proseOf(r.html);
      for (const [what, re] of Object.entries(LEFTOVERS)) {
        const m = re.exec(prose);
        if (m) found.push(`${path}: ${what}: …${prose.slice(Math.max(0, m.index - 40), m.index + 40)}…`);
      }
    }
    expect(found).toEqual([]);
  });

  it('typesets math only on the few pages that have formulas', () => {
    const withMath = pages.filter((p) => p.r.features.math > 0).map((p) => p.path);
    expect(withMath).toEqual(
      expect.arrayContaining([
        'core-principles/laws/economic-reality.md',
        'core-principles/laws/cognitive-load.md',
      ]),
    );
    expect(withMath.length).toBeLessThanOrEqual(6);
  });

  it('gives every page with a mermaid fence one placeholder per diagram', () => {
    for (const { path, r } of pages) {
      const fences = r.fences.filter((f) => f.lang.toLowerCase() === 'mermaid').length;
      expect(
        r.html.match(/<div class="mermaid-diagram"><pre class="mermaid-source">/g)?.length ?? 0,
        path,
      ).toBe(fences);
    }
    expect(pages.filter((p) => p.r.features.diagrams > 0).length).toBeGreaterThan(300);
  });

  it('tags every internal link, Markdown or raw HTML, with data-link for the importer', () => {
    const untagged: string[] = [];
    for (const { path, r } of pages) {
      for (const [tag] of r.html.matchAll(/<a\b[^>]*>/gi)) {
        const href = /href\s*=\s*["']?([^"' >]*)/i.exec(tag)?.[1];
        if (href === undefined || /^[a-z][a-z0-9+.-]*:/i.test(href)) continue;
        if (!/ data-link="\d+"/.test(tag)) untagged.push(`${path}: ${tag}`);
      }
    }
    expect(untagged).toEqual([]);
  });

  it('gives calculator pages with scripts the offline notice', () => {
    const scripted = pages.filter((p) => /<script\b/i.test(p.source));
    expect(scripted.length).toBeGreaterThan(10);
    for (const p of scripted)
      if (p.r.features.scripts > 0)
        expect(p.r.html.startsWith('<div class="offline-notice"'), p.path).toBe(true);
  });
});
