import katex from 'katex';
import type MarkdownIt from 'markdown-it';
import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';
import { isBlankLine, lineText } from './block-body';

/**
 * Math by pymdownx.arithmatex's rules (generic mode, smart dollars), typeset with KaTeX at
 * import time. Inline `$…$`: the opening `$` is not followed by whitespace, the closing one
 * not preceded by it, the body has no unescaped `$`; in addition (pandoc's rule) the closing
 * `$` must not be followed by a digit, so "from $5 to $10" stays prose. A run of three or
 * more dollars (`$$$` cost ratings) is text. `$$…$$` is display math, as a block or inline.
 * Written here because the markdown-it math plugins use other delimiter rules, which would
 * turn the corpus's 1,600 dollar amounts into formulas.
 */

/** KaTeX options: no \href/\url/\htmlClass (trust off) and bounded macro expansion and sizes. */
const KATEX_OPTIONS = {
  throwOnError: false,
  trust: false,
  strict: 'ignore',
  maxExpand: 500,
  maxSize: 20,
  output: 'htmlAndMathml',
} as const;

const ANNOTATION_RE = /<annotation encoding="application\/x-tex">[\s\S]*?<\/annotation>/g;
const SEMANTICS_RE = /<\/?semantics>/g;

/** Longest TeX source typeset; longer ones are shown as code (bounds KaTeX's time). */
export const MAX_TEX_LENGTH = 4000;

/** Typesets TeX with KaTeX; an error is shown inline as KaTeX's own error span, never thrown. */
export function renderTex(tex: string, displayMode: boolean, escapeHtml: (s: string) => string): string {
  if (tex.length > MAX_TEX_LENGTH)
    return `<code class="math-error" title="Formula too long to typeset">${escapeHtml(tex)}</code>`;
  try {
    // The TeX annotation duplicates the source and DOMPurify drops <semantics>/<annotation> anyway.
    return katex
      .renderToString(tex, { ...KATEX_OPTIONS, displayMode })
      .replace(ANNOTATION_RE, '')
      .replace(SEMANTICS_RE, '');
  } catch (e) {
    // throwOnError:false covers parse errors; this catches anything else (e.g. exceeded maxExpand).
    return `<code class="math-error" title="${escapeHtml((e as Error).message)}">${escapeHtml(tex)}</code>`;
  }
}

function dollarRun(src: string, pos: number): number {
  let n = 0;
  while (src.charCodeAt(pos + n) === 0x24) n++;
  return n;
}

const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);

function mathInlineRule(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const start = state.pos;
  if (src.charCodeAt(start) !== 0x24 /* $ */) return false;
  const run = dollarRun(src, start);
  if (run >= 3) {
    if (!silent) state.pending += src.slice(start, start + run);
    state.pos += run;
    return true;
  }
  if (run === 2) {
    const end = src.indexOf('$$', start + 2);
    if (end < 0) return false;
    const body = src.slice(start + 2, end);
    if (!body.trim() || body.includes('$') || src.charCodeAt(end + 2) === 0x24) return false;
    if (!silent) {
      const t = state.push('math_inline', 'math', 0);
      t.content = body;
      t.markup = '$$';
    }
    state.pos = end + 2;
    return true;
  }
  if (isSpace(src[start + 1])) return false;
  let i = start + 1;
  for (; i < state.posMax; i++) {
    const ch = src.charCodeAt(i);
    if (ch === 0x5c /* \ */) {
      i++;
      continue;
    }
    if (ch === 0x24 || ch === 0x60 /* ` */) break;
  }
  // A code span ends the search: Python-Markdown stashes code before arithmatex runs.
  if (i >= state.posMax || src.charCodeAt(i) !== 0x24) return false;
  if (isSpace(src[i - 1]) || /[0-9]/.test(src[i + 1] ?? '') || src.charCodeAt(i + 1) === 0x24) return false;
  if (!silent) {
    const t = state.push('math_inline', 'math', 0);
    t.content = src.slice(start + 1, i);
    t.markup = '$';
  }
  state.pos = i + 1;
  return true;
}

function mathBlockRule(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const first = lineText(state, startLine);
  if (!first.startsWith('$$') || first.startsWith('$$$')) return false;
  let last = -1;
  let body = '';
  const single = first.trimEnd();
  if (single.length > 4 && single.endsWith('$$')) {
    body = single.slice(2, -2);
    if (body.includes('$$')) return false;
    last = startLine;
  } else {
    const lines = [first.slice(2)];
    for (let line = startLine + 1; line < endLine && !isBlankLine(state, line); line++) {
      const text = lineText(state, line).trimEnd();
      if (text.endsWith('$$')) {
        lines.push(text.slice(0, -2));
        last = line;
        break;
      }
      lines.push(text);
    }
    body = lines.join('\n');
  }
  if (last < 0 || !body.trim()) return false;
  if (silent) return true;
  const t = state.push('math_block', 'math', 0);
  t.content = body;
  t.block = true;
  t.map = [startLine, last + 1];
  state.line = last + 1;
  return true;
}

/** markdown-it plugin: arithmatex-compatible `$…$` / `$$…$$` math, typeset by KaTeX. */
export function mathPlugin(md: MarkdownIt): void {
  md.inline.ruler.after('escape', 'math_inline', mathInlineRule);
  md.block.ruler.before('fence', 'math_block', mathBlockRule, {
    alt: ['paragraph', 'reference', 'blockquote', 'list'],
  });
  const esc = md.utils.escapeHtml;
  md.renderer.rules.math_inline = (tokens, idx) => {
    const t = tokens[idx]!;
    const display = t.markup === '$$';
    return `<span class="arithmatex${display ? ' arithmatex-display' : ''}">${renderTex(t.content, display, esc)}</span>`;
  };
  md.renderer.rules.math_block = (tokens, idx) =>
    `<div class="arithmatex">${renderTex(tokens[idx]!.content, true, esc)}</div>\n`;
}
