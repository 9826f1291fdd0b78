/// <reference types="node" />
import { it } from 'vitest';
import { renderPage } from '../../../src/main/render/render-page';
import { openContentBrowser } from './chromium-harness';
import { HTML_VECTORS, MARKDOWN_VECTORS } from './xss-vectors';
it('debug', async () => {
  const b = await openContentBrowser();
  for (const src of [...HTML_VECTORS, ...MARKDOWN_VECTORS]) {
    const html = renderPage(src, { pageId: 'x' }).html;
    try { await b.page.evaluate(`window.__probe.mount(${JSON.stringify(html)})`); } catch (e) { console.log('ERR', JSON.stringify(src), JSON.stringify(html), String(e).slice(0, 300)); }
  }
  await b.close();
});
