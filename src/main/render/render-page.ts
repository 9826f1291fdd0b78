import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import type { Heading } from '../../shared/domain';
import { formatSrcset, parseSrcset } from '../../shared/srcset';
import { corpusImageUrl } from './image-src';
import { createMarkdown, type RenderEnv } from './markdown';
import { githubSlug, pythonMarkdownSlug, SlugRegistry } from './slug';
import type { RenderedFeatures, RenderedPage, RenderedSection, RenderOptions } from './types';

/** Largest Markdown body rendered; larger documents are cut with a visible notice (parser DoS bound). */
export const MAX_RENDER_BYTES = 2 * 1024 * 1024;
/** Default time budget per page; the slowest corpus page renders in a few tens of ms. */
export const RENDER_BUDGET_MS = 3000;

const TASK_RE = /^\[([ xX])\]\s+/;
const EXTERNAL_RE = /^[a-z][a-z0-9+.-]*:/i;
const SCRIPT_RE = /<script\b/gi;

/** Shown at the top of a page whose raw HTML has scripts (the corpus's calculators): they never run here. */
export const SCRIPT_NOTICE =
  '<div class="offline-notice" role="note"><p><strong>The interactive part of this page is not available offline.</strong> ' +
  'It relies on a script, and the reader never runs scripts from pages. Its controls are left out; the text, tables and diagrams are shown as written.</p></div>\n';

let shared: MarkdownIt | undefined;

const RAW_ANCHOR_RE = /<a\b([^>]*)>/gi;
const RAW_HREF_RE = /\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;
/** Attributes the importer gives meaning to: an author must not be able to write them. */
const RESERVED_ATTR_RE =
  /\sdata-(?:link|task-index|item-key|page|candidate|broken-href)\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*)/gi;

function decodeAttr(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#0*39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * Raw HTML anchors (`<a href="../x/">` in the corpus's hand-written cards) get `data-link="n"`
 * like Markdown links, with the href re-quoted in double quotes, so the importer resolves them too.
 */
function tagRawLinks(html: string, add: (href: string) => number): string {
  if (!html.includes('<a') && !html.includes('<A') && !html.includes('data-')) return html;
  return html.replace(RESERVED_ATTR_RE, '').replace(RAW_ANCHOR_RE, (tag, attrs: string) => {
    const m = RAW_HREF_RE.exec(attrs);
    if (!m) return tag;
    const written = m[1] ?? m[2] ?? m[3] ?? '';
    const href = decodeAttr(written);
    if (EXTERNAL_RE.test(href)) return tag;
    const quoted = m[1] !== undefined ? written : href.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    return `<a href="${quoted}"${attrs.replace(m[0], '')} data-link="${add(href)}">`;
  });
}

const RAW_IMG_RE = /<img\b[^>]*>/gi;
const RAW_SRC_RE = /(\ssrc\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;
const RAW_SRCSET_RE = /(\ssrcset\s*=\s*)(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;
const quoteAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * Raw HTML images (`<img src="../assets/x.svg">`) get their src resolved like Markdown images,
 * to the stored copy under /corpus-image/; external and unresolvable srcs stay as written. Other
 * attributes are left alone: the renderer sanitises the whole page as it does for any raw HTML.
 */
function rewriteRawImages(html: string, pageId: string): string {
  if (!/<img\b/i.test(html)) return html;
  return html.replace(RAW_IMG_RE, (tag) =>
    tag
      .replace(RAW_SRC_RE, (attr, lead: string, dq?: string, sq?: string, bare?: string) => {
        const url = corpusImageUrl(decodeAttr(dq ?? sq ?? bare ?? ''), pageId);
        return url ? `${lead}"${url}"` : attr;
      })
      // Each srcset candidate goes through the same resolver; the sanitiser judges what is left.
      .replace(RAW_SRCSET_RE, (_attr, lead: string, dq?: string, sq?: string, bare?: string) => {
        const candidates = parseSrcset(decodeAttr(dq ?? sq ?? bare ?? '')).map((c) => ({
          ...c,
          url: corpusImageUrl(c.url, pageId) ?? c.url,
        }));
        return `${lead}"${quoteAttr(formatSrcset(candidates))}"`;
      }),
  );
}

/** Puts a disabled checkbox carrying `data-task-index` in place of the `[ ]` / `[x]` marker. */
function markTask(
  tokens: Token[],
  inlineIndex: number,
  taskIndex: number,
  checked: boolean,
  Tok: typeof Token,
): void {
  const inline = tokens[inlineIndex]!;
  const first = inline.children?.[0];
  if (first?.type === 'text') first.content = first.content.replace(TASK_RE, '');
  const box = new Tok('html_inline', '', 0);
  box.meta = { own: true };
  box.content = `<input type="checkbox" class="task-list-item-checkbox" disabled data-task-index="${taskIndex}"${checked ? ' checked' : ''}> `;
  inline.children?.unshift(box);
  tokens[inlineIndex - 2]!.attrJoin('class', 'task-list-item');
}

function inlineText(token: Token): string {
  if (!token.children) return token.content;
  let text = '';
  for (const c of token.children) {
    if (c.type === 'text' || c.type === 'code_inline' || c.type === 'jinja') text += c.content;
    else if (c.type === 'softbreak') text += ' ';
  }
  return text;
}

/** Number of whitespace-separated words (a loop: this runs on every paragraph of the corpus). */
function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 160;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/**
 * Renders one page body (front matter already removed) to HTML and collects what the
 * importer needs from the same parse: headings with both anchor spellings, sections,
 * links, task-list items and fences.
 */
export function renderPage(markdown: string, opts: RenderOptions): RenderedPage {
  const md = (shared ??= createMarkdown());
  const problems: string[] = [];
  let source = markdown;
  if (source.length > MAX_RENDER_BYTES) {
    problems.push(`Page is larger than ${MAX_RENDER_BYTES} bytes; only the first part is shown.`);
    source = source.slice(0, MAX_RENDER_BYTES);
  }
  const env: RenderEnv = { deadline: performance.now() + (opts.budgetMs ?? RENDER_BUDGET_MS) };
  const tokens = md.parse(source, env);
  const features: RenderedFeatures = { math: 0, diagrams: 0, scripts: 0 };

  const headings: Heading[] = [];
  const sections: RenderedSection[] = [{ anchor: null, heading: null, level: 0, text: '' }];
  const links: RenderedPage['links'] = [];
  const tasks: RenderedPage['tasks'] = [];
  const fences: RenderedPage['fences'] = [];
  const pySlugs = new SlugRegistry();
  const ghSlugs = new SlugRegistry();
  let firstH1: string | null = null;
  let words = 0;
  let current = sections[0]!;
  const sectionOf = () => ({ sectionSlug: current.anchor ?? '', sectionTitle: current.heading ?? '' });

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const line = (t.map?.[0] ?? 0) + 1;
    if (t.type === 'heading_open') {
      const inline = tokens[i + 1]!;
      const text = inlineText(inline).trim();
      const level = Number(t.tag.slice(1));
      const explicit = t.attrGet('id');
      const id = explicit ?? pySlugs.unique(pythonMarkdownSlug(text), '_');
      const gh = ghSlugs.unique(githubSlug(text), '-');
      t.attrSet('id', id);
      headings.push({ level, text, id, altIds: gh !== id ? [gh] : [] });
      if (level === 1 && firstH1 === null) firstH1 = text;
      current = { anchor: id, heading: text, level, text: '' };
      sections.push(current);
      continue;
    }
    if (t.type === 'html_block') {
      features.scripts += t.content.match(SCRIPT_RE)?.length ?? 0;
      t.content = rewriteRawImages(
        tagRawLinks(t.content, (href) => links.push({ href, line }) - 1),
        opts.pageId,
      );
      continue;
    }
    if (t.type === 'math_block') {
      features.math++;
      continue;
    }
    if (t.type === 'fence' || t.type === 'code_block') {
      if (t.type === 'fence' && /^mermaid\b/i.test(t.info.trim())) features.diagrams++;
      fences.push({ lang: t.info.trim().split(/\s+/)[0] ?? '', content: t.content, line, ...sectionOf() });
      current.text += '\n' + t.content;
      continue;
    }
    if (t.type !== 'inline') continue;
    const prev = tokens[i - 1];
    if (prev?.type !== 'heading_open') {
      const text = inlineText(t);
      current.text += (current.text ? '\n' : '') + text;
      words += countWords(text);
    }
    // A task item is an inline token directly inside a list item's paragraph.
    const match = TASK_RE.exec(t.content);
    if (match && tokens[i - 2]?.type === 'list_item_open') {
      const checked = match[1] !== ' ';
      markTask(tokens, i, tasks.length, checked, t.constructor as typeof Token);
      tasks.push({ text: t.content.slice(match[0].length).trim(), checked, line, ...sectionOf() });
    }
    for (const child of t.children ?? []) {
      if (child.type === 'math_inline') features.math++;
      if (child.type === 'html_inline') {
        features.scripts += child.content.match(SCRIPT_RE)?.length ?? 0;
        if (!(child.meta as { own?: boolean } | null)?.own)
          child.content = rewriteRawImages(
            tagRawLinks(child.content, (href) => links.push({ href, line }) - 1),
            opts.pageId,
          );
      }
      if (child.type === 'image') {
        const url = corpusImageUrl(child.attrGet('src') ?? '', opts.pageId);
        if (url) child.attrSet('src', url);
        continue;
      }
      if (child.type !== 'link_open') continue;
      const href = child.attrGet('href') ?? '';
      if (EXTERNAL_RE.test(href)) continue;
      child.attrSet('data-link', String(links.length));
      links.push({ href, line });
    }
  }

  if (env.overBudget)
    problems.push(
      `Rendering took longer than ${opts.budgetMs ?? RENDER_BUDGET_MS} ms; the rest of the page is shown as plain text.`,
    );
  const body = md.renderer.render(tokens, md.options, env);
  const html = features.scripts > 0 ? SCRIPT_NOTICE + body : body;
  const nonEmpty = sections.filter((s, i) => i > 0 || s.text.trim() !== '');
  return {
    html,
    headings,
    sections: nonEmpty,
    links,
    tasks,
    fences,
    firstH1,
    wordCount: words,
    problems,
    features,
  };
}
