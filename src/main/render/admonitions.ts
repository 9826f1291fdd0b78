import type MarkdownIt from 'markdown-it';
import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';
import { findBlockBody, lineText, tokenizeBody } from './block-body';
import { materialIconPath, svgFromPath } from './icons';

/**
 * Admonitions `!!! type "Title"` and collapsible blocks `??? type "Title"` / `???+` (open),
 * as Python-Markdown's admonition and pymdownx.details write them. No maintained markdown-it
 * plugin reads this syntax with indented bodies, hence this rule.
 */

const MARKER_RE = /^(!!!|\?\?\?\+?)[ \t]+([\w-]+)((?:[ \t]+[\w-]+)*)[ \t]*(?:"(.*)"|'(.*)')?[ \t]*$/;

/** Type aliases Material maps onto its base types. */
const ALIASES: Record<string, string> = {
  summary: 'abstract',
  tldr: 'abstract',
  todo: 'info',
  hint: 'tip',
  important: 'tip',
  check: 'success',
  done: 'success',
  help: 'question',
  faq: 'question',
  caution: 'warning',
  attention: 'warning',
  fail: 'failure',
  missing: 'failure',
  error: 'danger',
  cite: 'quote',
};

/** Icons per base type (Material's defaults, plus the custom types the corpus uses). */
const ICONS: Record<string, string> = {
  note: 'pencil-circle',
  abstract: 'clipboard-text',
  info: 'information',
  tip: 'fire',
  success: 'check-circle',
  question: 'help-circle',
  warning: 'alert',
  failure: 'close-circle',
  danger: 'lightning-bolt-circle',
  bug: 'bug',
  example: 'flask',
  quote: 'format-quote-close',
  experiment: 'test-tube',
  star: 'star',
  alert: 'alert-octagon',
  card: 'card-text',
};

/** The base type an admonition is styled as (unknown types fall back to `note`). */
export function admonitionBaseType(type: string): string {
  const t = type.toLowerCase();
  const base = ALIASES[t] ?? t;
  return ICONS[base] ? base : 'note';
}

function titleIcon(type: string): string {
  const path = materialIconPath(ICONS[admonitionBaseType(type)]!)!;
  return svgFromPath(path, 'admonition-icon');
}

function admonitionRule(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  const first = state.src.charCodeAt(state.bMarks[startLine]! + state.tShift[startLine]!);
  if (first !== 0x21 /* ! */ && first !== 0x3f /* ? */) return false;
  const m = MARKER_RE.exec(lineText(state, startLine));
  if (!m) return false;
  if (silent) return true;

  const marker = m[1]!;
  const type = m[2]!.toLowerCase();
  const extra = (m[3] ?? '').trim().split(/\s+/).filter(Boolean);
  const explicitTitle = m[4] ?? m[5];
  const title = explicitTitle ?? type.charAt(0).toUpperCase() + type.slice(1);
  const collapsible = marker !== '!!!';
  const classes = [
    'admonition',
    type,
    ...(admonitionBaseType(type) !== type ? [admonitionBaseType(type)] : []),
    ...extra,
  ];

  const body = findBlockBody(state, startLine, endLine);
  const open = state.push(
    collapsible ? 'details_open' : 'admonition_open',
    collapsible ? 'details' : 'div',
    1,
  );
  open.attrSet('class', classes.join(' '));
  if (marker === '???+') open.attrSet('open', '');
  open.map = [startLine, body.end];
  open.markup = marker;
  open.block = true;

  if (title !== '' || collapsible) {
    const titleOpen = state.push('admonition_title_open', collapsible ? 'summary' : 'p', 1);
    titleOpen.attrSet('class', 'admonition-title');
    titleOpen.meta = { icon: titleIcon(type) };
    titleOpen.map = [startLine, startLine + 1];
    const inline = state.push('inline', '', 0);
    inline.content = title;
    inline.map = [startLine, startLine + 1];
    inline.children = [];
    state.push('admonition_title_close', collapsible ? 'summary' : 'p', -1);
  }

  tokenizeBody(state, body, 'admonition');
  const close = state.push(
    collapsible ? 'details_close' : 'admonition_close',
    collapsible ? 'details' : 'div',
    -1,
  );
  close.block = true;
  return true;
}

/** markdown-it plugin: `!!!` admonitions and `???` / `???+` collapsible blocks. */
export function admonitionsPlugin(md: MarkdownIt): void {
  md.block.ruler.before('fence', 'admonition', admonitionRule, {
    alt: ['paragraph', 'reference', 'blockquote', 'list'],
  });
  md.renderer.rules.admonition_title_open = (tokens, idx, options, _env, self) =>
    self.renderToken(tokens, idx, options) + (tokens[idx]!.meta as { icon: string }).icon;
}
