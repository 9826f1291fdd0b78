import MarkdownIt, { type PluginSimple } from 'markdown-it';
import abbr from 'markdown-it-abbr';
import deflist from 'markdown-it-deflist';
import footnote from 'markdown-it-footnote';
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import { admonitionsPlugin } from './admonitions';
import { attrListPlugin } from './attr-list';
import { contentTabsPlugin } from './content-tabs';
import { fencesPlugin } from './fences';
import { iconsPlugin } from './icons';
import { jinjaPlugin } from './jinja';
import { keysPlugin } from './keys';
import { mathPlugin } from './math';
import { mdInHtmlPlugin } from './md-in-html';
import { rawHtmlBlockPlugin } from './raw-html-block';
import { setextPlugin } from './setext';

// The plugins' typings point at markdown-it's CJS declarations, ours at its ESM ones: same runtime object.

/** What the render passes down to the rules through markdown-it's env. */
export interface RenderEnv {
  /** performance.now() after which inline parsing stops and the rest is shown as text. */
  deadline?: number;
  /** Set when the deadline was hit. */
  overBudget?: boolean;
  tabSets?: number;
}

/** Longest paragraph parsed inline; longer ones are shown as text (inline rules can be superlinear). */
const MAX_INLINE_CHARS = 100_000;

/**
 * The inline stage with a time budget: markdown-it's own `inline` core rule, except that once
 * the page's deadline has passed (or for an absurdly long paragraph) the remaining inline
 * blocks are kept as plain text instead of being parsed.
 */
function budgetedInline(state: StateCore): void {
  const env = state.env as RenderEnv;
  let late = false;
  let seen = 0;
  for (const token of state.tokens) {
    if (token.type !== 'inline') continue;
    token.children ??= [];
    // Reading the clock costs more than a small paragraph's parse: look every 16 blocks.
    if (!late && env.deadline !== undefined && (seen++ & 15) === 0) late = performance.now() > env.deadline;
    if (late || token.content.length > MAX_INLINE_CHARS) {
      if (late) env.overBudget = true;
      const text = new state.Token('text', '', 0);
      text.content = token.content;
      token.children.push(text);
      continue;
    }
    state.md.inline.parse(token.content, state.md, state.env, token.children);
  }
}

/**
 * The markdown-it instance for the corpus: CommonMark + raw HTML (sanitised later, in the
 * renderer) + the Python-Markdown / pymdownx extensions MkDocs Material pages use.
 */
export function createMarkdown(): MarkdownIt {
  // html: the corpus relies on raw HTML; it is sanitised in the renderer just before it enters the DOM.
  const md = new MarkdownIt({ html: true, linkify: false, typographer: false });
  // Bounds nesting depth (and so recursion in the container rules); not in the typings.
  Object.assign(md.options, { maxNesting: 40 });
  md.core.ruler.at('inline', budgetedInline);
  md.use(footnote as unknown as PluginSimple)
    .use(deflist)
    .use(abbr)
    .use(attrListPlugin)
    .use(admonitionsPlugin)
    .use(contentTabsPlugin)
    .use(mdInHtmlPlugin)
    .use(rawHtmlBlockPlugin)
    .use(setextPlugin)
    .use(mathPlugin)
    .use(iconsPlugin)
    .use(keysPlugin)
    .use(jinjaPlugin)
    .use(fencesPlugin);
  return md;
}
