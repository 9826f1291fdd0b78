/// <reference types="node" />
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../../src/main/render/render-page';
import { useContentBrowser } from './use-content-browser';

const longLine = `const answer = ${Array.from({ length: 30 }, (_, i) => `part${i}`).join(' + ')};`;

describe('the copy button of a code block, with the page stylesheet', () => {
  const b = useContentBrowser({ css: true }, async (b) => {
    const html = renderPage(`Before\n\n\`\`\`js\n${longLine}\nnext();\n\`\`\``, { pageId: 'copy' }).html;
    await b.page.evaluate(`window.__probe.mountOnly(${JSON.stringify(html)})`);
  });
  const opacity = () => b.page.locator('button.code-copy').evaluate((el) => getComputedStyle(el).opacity);

  it('is not drawn over the first code line at rest', async () => {
    await b.page.mouse.move(0, 0);
    expect(await opacity()).toBe('0');
  });

  it('is reached with the keyboard and shown while focused', async () => {
    await b.page.locator('body').focus();
    const reached: string[] = [];
    for (let i = 0; i < 5 && !reached.includes('code-copy'); i++) {
      await b.page.keyboard.press('Tab');
      reached.push(await b.page.evaluate(() => document.activeElement?.className ?? ''));
    }
    expect(reached).toContain('code-copy');
    expect(await opacity()).toBe('1');
  });

  it('shows when the pointer is over the code block', async () => {
    await b.page.locator('body').focus();
    await b.page.locator('pre.code-block').hover();
    expect(await opacity()).toBe('1');
  });
});
