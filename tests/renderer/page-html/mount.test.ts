/// <reference types="node" />
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../../src/main/render/render-page';
import { useContentBrowser } from './use-content-browser';

const render = (src: string) => renderPage(src, { pageId: 'mount' }).html;
const filler = Array.from({ length: 80 }, (_, i) => `Paragraph ${i} of filler text.`).join('\n\n');

describe('mounting page HTML in Chromium', () => {
  const b = useContentBrowser();
  const mount = (html: string) => b.page.evaluate(`window.__probe.mountOnly(${JSON.stringify(html)})`);

  it('does not load mermaid on open when no diagram is in view, and renders it when scrolled to', async () => {
    await mount(render(`# Top\n\n${filler}\n\n\`\`\`mermaid\ngraph TD\n  A --> B\n\`\`\``));
    expect(await b.page.evaluate('window.__probe.mermaidRequested()')).toBe(false);
    expect(b.requests.some((u) => /mermaid/i.test(u))).toBe(false);
    await b.page.locator('.mermaid-diagram').scrollIntoViewIfNeeded();
    await b.page.waitForSelector('.mermaid-diagram[data-state="done"] svg', { timeout: 60_000 });
    expect(await b.page.locator('.mermaid-diagram svg foreignObject').count()).toBe(0);
  });

  it('shows an invalid diagram as a readable error box with its source', async () => {
    await mount(render('```mermaid\ngraph TD\n  A -->\n  ((( nope\n```'));
    await b.page.waitForSelector('.mermaid-diagram[data-state="error"]', { timeout: 60_000 });
    const text = await b.page.locator('.mermaid-error').innerText();
    expect(text).toMatch(/This diagram could not be drawn/);
    expect(text).toContain('((( nope');
  });

  it('re-renders drawn diagrams when the theme changes', async () => {
    await mount(render('```mermaid\ngraph TD\n  A --> B\n```'));
    await b.page.waitForSelector('.mermaid-diagram[data-state="done"][data-theme="light"]', {
      timeout: 60_000,
    });
    await b.page.evaluate('document.documentElement.dataset.theme = "dark"');
    await b.page.waitForSelector('.mermaid-diagram[data-state="done"][data-theme="dark"]', {
      timeout: 60_000,
    });
    await b.page.evaluate('document.documentElement.dataset.theme = "light"');
  });

  it('switches tabs by click and by arrow keys, keeping aria in step', async () => {
    await mount(render('=== "One"\n    first\n\n=== "Two"\n    second\n\n=== "Three"\n    third'));
    const tabs = b.page.getByRole('tab');
    expect(await tabs.count()).toBe(3);
    expect(await b.page.getByRole('tabpanel').innerText()).toBe('first');
    await tabs.nth(1).click();
    expect(await tabs.nth(1).getAttribute('aria-selected')).toBe('true');
    expect(await b.page.getByRole('tabpanel').innerText()).toBe('second');
    await b.page.keyboard.press('ArrowRight');
    expect(await b.page.evaluate('document.activeElement.textContent')).toBe('Three');
    expect(await b.page.getByRole('tabpanel').innerText()).toBe('third');
    await b.page.keyboard.press('Home');
    expect(await b.page.getByRole('tabpanel').innerText()).toBe('first');
    const controls = await tabs.nth(0).getAttribute('aria-controls');
    expect(await b.page.locator(`[id="${controls}"]`).getAttribute('role')).toBe('tabpanel');
  });

  it('adds copy buttons and highlights code lazily', async () => {
    await mount(render('```python\ndef f():\n    return 1\n```'));
    expect(await b.page.locator('pre.code-block button.code-copy').count()).toBe(1);
    await b.page.waitForSelector('code.hljs .hljs-keyword', { timeout: 30_000 });
    expect(await b.page.locator('pre.code-block code').innerText()).toBe('def f():\n    return 1\n');
  });
});
