import type MarkdownIt from 'markdown-it';

/**
 * Fenced code: mermaid fences become a placeholder holding the source as text, which the renderer replaces lazily (rendered when
 * scrolled into view, never on the page-open path); other fences are emitted as escaped code
 * with their language. Syntax highlighting also happens in the renderer, lazily: highlighting
 * the corpus's 4,000 code blocks at import time would cost more than the whole Markdown parse.
 */
export function fencesPlugin(md: MarkdownIt): void {
  const esc = md.utils.escapeHtml;
  md.renderer.rules.fence = (tokens, idx) => {
    const t = tokens[idx]!;
    const lang = (t.info.trim().split(/[\s{]/)[0] ?? '').toLowerCase();
    if (lang === 'mermaid') {
      // The source travels as text, not as an attribute: DOMPurify drops attribute values containing `-->`.
      return `<div class="mermaid-diagram"><pre class="mermaid-source">${esc(t.content)}</pre></div>\n`;
    }
    const safeLang = lang.replace(/[^a-z0-9_+#-]/g, '');
    const cls = safeLang ? ` class="language-${safeLang}"` : '';
    const data = safeLang ? ` data-lang="${safeLang}"` : '';
    return `<pre class="code-block"${data}><code${cls}>${esc(t.content)}</code></pre>\n`;
  };
  md.renderer.rules.code_block = (tokens, idx) =>
    `<pre class="code-block"><code>${esc(tokens[idx]!.content)}</code></pre>\n`;
}
