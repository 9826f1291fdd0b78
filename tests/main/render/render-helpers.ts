import { renderPage } from '../../../src/main/render/render-page';
import type { RenderedPage } from '../../../src/main/render/types';

/** Renders a small Markdown body the way the importer does. */
export function render(markdown: string): RenderedPage {
  return renderPage(markdown, { pageId: 'test/page' });
}

/** The visible text of rendered HTML (tags dropped, code kept), with whitespace collapsed. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
