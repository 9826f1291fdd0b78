import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import type { Heading } from '../../shared/domain';
import { githubSlug, pythonMarkdownSlug, SlugRegistry } from './slug';
import type { RenderedPage, RenderedSection, RenderOptions } from './types';

/** Largest Markdown body rendered; larger documents are cut with a visible notice (parser DoS bound). */
export const MAX_RENDER_BYTES = 2 * 1024 * 1024;

const TASK_RE = /^\[([ xX])\]\s+/;
const EXTERNAL_RE = /^[a-z][a-z0-9+.-]*:/i;

function createMarkdown(): MarkdownIt {
  // html: the corpus relies on raw HTML; it is sanitised in the renderer just before it enters the DOM.
  return new MarkdownIt({ html: true, linkify: false, typographer: false });
}

let shared: MarkdownIt | undefined;

function inlineText(token: Token): string {
  if (!token.children) return token.content;
  return token.children
    .filter((c) => c.type === 'text' || c.type === 'code_inline' || c.type === 'softbreak')
    .map((c) => (c.type === 'softbreak' ? ' ' : c.content))
    .join('');
}

/**
 * Renders one page body (front matter already removed) to HTML and collects what the
 * importer needs from the same parse: headings with both anchor spellings, sections,
 * links, task-list items and fences.
 */
export function renderPage(markdown: string, _opts: RenderOptions): RenderedPage {
  const md = (shared ??= createMarkdown());
  const problems: string[] = [];
  let source = markdown;
  if (source.length > MAX_RENDER_BYTES) {
    problems.push(`Page is larger than ${MAX_RENDER_BYTES} bytes; only the first part is shown.`);
    source = source.slice(0, MAX_RENDER_BYTES);
  }
  const env = {};
  const tokens = md.parse(source, env);

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
    if (t.type === 'fence' || t.type === 'code_block') {
      fences.push({ lang: t.info.trim().split(/\s+/)[0] ?? '', content: t.content, line, ...sectionOf() });
      current.text += '\n' + t.content;
      continue;
    }
    if (t.type !== 'inline') continue;
    const prev = tokens[i - 1];
    if (prev?.type !== 'heading_open') {
      const text = inlineText(t);
      current.text += (current.text ? '\n' : '') + text;
      words += text.split(/\s+/).filter(Boolean).length;
    }
    // A task item is an inline token directly inside a list item's paragraph.
    const match = TASK_RE.exec(t.content);
    if (match && tokens[i - 2]?.type === 'list_item_open') {
      tasks.push({ text: t.content.slice(match[0].length).trim(), checked: match[1] !== ' ', line, ...sectionOf() });
    }
    for (const child of t.children ?? []) {
      if (child.type !== 'link_open') continue;
      const href = child.attrGet('href') ?? '';
      if (EXTERNAL_RE.test(href)) continue;
      child.attrSet('data-link', String(links.length));
      links.push({ href, line });
    }
  }

  const html = md.renderer.render(tokens, md.options, env);
  const nonEmpty = sections.filter((s, i) => i > 0 || s.text.trim() !== '');
  return { html, headings, sections: nonEmpty, links, tasks, fences, firstH1, wordCount: words, problems };
}
