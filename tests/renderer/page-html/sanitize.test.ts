/// <reference types="node" />
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../../src/main/render/render-page';
import { useContentBrowser } from './use-content-browser';
import { HTML_VECTORS, MARKDOWN_VECTORS } from './xss-vectors';

const render = (src: string) => renderPage(src, { pageId: 'xss' }).html;
const ALL = [...HTML_VECTORS, ...MARKDOWN_VECTORS];

describe('sanitising page HTML in Chromium (Markdown → HTML → DOMPurify → DOM)', () => {
  const b = useContentBrowser();

  const mount = (html: string) => b.page.evaluate<string[]>(`window.__probe.mount(${JSON.stringify(html)})`);
  const bare = (html: string) => b.page.evaluate<string[]>(`window.__probe.bare(${JSON.stringify(html)})`);
  const residue = () => b.page.evaluate<string[]>('window.__probe.residue()');

  it('positive control: without the sanitiser the same payloads do execute', async () => {
    const fired = new Set<string>();
    for (const src of ALL) for (const call of await bare(render(src))) fired.add(call);
    // Dozens of distinct payloads run when the HTML goes in unsanitised: the detector works.
    expect(fired.size).toBeGreaterThan(30);
  });

  it('no payload executes or survives once sanitised', async () => {
    const failures: string[] = [];
    for (const src of ALL) {
      const fired = await mount(render(src));
      const left = await residue();
      if (fired.length || left.length)
        failures.push(
          `${JSON.stringify(src)} → fired ${JSON.stringify(fired)}, left ${JSON.stringify(left)}`,
        );
    }
    expect(failures).toEqual([]);
  });

  it('no payload executes when all are on one page either', async () => {
    expect(await mount(ALL.map(render).join('\n'))).toEqual([]);
    expect(await residue()).toEqual([]);
  });

  it('keeps what the renderer emits: classes, aria, data attributes, SVG icons, KaTeX MathML, task boxes, tabs', async () => {
    const html = render(
      '!!! tip "T"\n    :material-check: ++ctrl+k++ $x^2$\n\n=== "A"\n    - [x] done\n\n=== "B"\n    b\n\n[link](other.md) [ext](https://example.com)\n\n## Head {#h}',
    );
    const out = await b.page.evaluate<string>(`window.__probe.sanitize(${JSON.stringify(html)})`);
    expect(out).toContain('<div class="admonition tip">');
    expect(out).toContain('<svg class="admonition-icon"');
    expect(out).toContain('<kbd class="key-control">⌃ Ctrl</kbd>');
    expect(out).toContain(
      '<math xmlns="http://www.w3.org/1998/Math/MathML"><mrow><msup><mi>x</mi><mn>2</mn></msup></mrow></math>',
    );
    expect(out).toMatch(
      /<input type="checkbox" class="task-list-item-checkbox" disabled="" data-task-index="0" checked="">/,
    );
    expect(out).toMatch(
      /<button type="button" role="tab"[^>]* id="user-content-__tabbed_1_1-tab">A<\/button>/,
    );
    expect(out).toMatch(/role="tabpanel"[^>]* hidden="" id="user-content-__tabbed_1_2">/);
    expect(out).toMatch(/<a href="other.md" data-link="0">link<\/a>/);
    expect(out).toContain(
      '<a href="https://example.com" rel="noopener noreferrer" target="_blank" data-external="">ext</a>',
    );
    expect(out).toContain('<h2 id="user-content-h">Head</h2>');
  });

  it('keeps a raw <img> pointed at the stored copy, and still strips its handlers', async () => {
    const html = renderPage('<p><img src="../assets/x.png" alt="X" onerror="alert(\'img\')"></p>\n', {
      pageId: 'guide/page',
    }).html;
    // The rewritten image does not load here, so its handler fires when unsanitised: the check can fail.
    expect(await bare(html)).toEqual(['alert(img)']);
    expect(await mount(html)).toEqual([]);
    expect(await residue()).toEqual([]);
    const out = await b.page.evaluate<string>(`window.__probe.sanitize(${JSON.stringify(html)})`);
    expect(out).toContain('<img src="/corpus-image/assets/x.png" alt="X">');
  });

  it('keeps only the srcset candidates that pass the URL rule, each judged on its own', async () => {
    const html = renderPage(
      '<p><img src="../assets/x.png" srcset="../assets/x.png 1x, javascript:alert(1) 2x, data:image/svg+xml,%3Csvg%3E 3x, https://example.com/x.png 4x"></p>\n<p><img src="../assets/y.png" srcset="JavaScript:alert(2) 1x"></p>\n',
      { pageId: 'guide/page' },
    ).html;
    const out = await b.page.evaluate<string>(`window.__probe.sanitize(${JSON.stringify(html)})`);
    expect(out).toContain(
      '<img src="/corpus-image/assets/x.png" srcset="/corpus-image/assets/x.png 1x, https://example.com/x.png 4x">',
    );
    expect(out).toContain('<img src="/corpus-image/assets/y.png">');
    expect(out).not.toMatch(/javascript|data:/i);
  });

  it("removes a calculator page's controls and scripts but keeps its notice and layout", async () => {
    const html = render(
      '<div class="calc">\n<label>Servers <input type="number" id="n" value="3"></label>\n<select id="s"><option>a</option></select>\n<button onclick="go()">Go</button>\n<div id="out"></div>\n</div>\n\n<script>\nfunction go(){}\n</script>',
    );
    const out = await b.page.evaluate<string>(`window.__probe.sanitize(${JSON.stringify(html)})`);
    expect(out).toMatch(/^<div class="offline-notice" role="note">/);
    expect(out).toContain('<div class="calc">');
    expect(out).toContain('Go');
    expect(out).not.toMatch(/<input|<select|<option|<button|<script|onclick|function go/);
  });
});
