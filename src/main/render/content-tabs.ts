import type MarkdownIt from 'markdown-it';
import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';
import { findBlockBody, isBlankLine, lineText, tokenizeBody, type BlockBody } from './block-body';

/**
 * Content tabs `=== "Label"` (pymdownx.tabbed) as an accessible tab set: a tablist of buttons
 * and one tabpanel per tab. Without JavaScript the first panel shows and the others carry
 * `hidden`; the renderer's enhance step wires clicks and arrow keys. Consecutive `===` blocks
 * at the same indent (blank lines between) form one set; `===!` starts a new one.
 */

const TAB_RE = /^===([!+]*)[ \t]+(?:"(.*)"|'(.*)')[ \t]*$/;

interface TabEnv {
  tabSets?: number;
}

function parseMarker(state: StateBlock, line: number): { label: string; flags: string } | null {
  if (state.src.charCodeAt(state.bMarks[line]! + state.tShift[line]!) !== 0x3d /* = */) return null;
  const m = TAB_RE.exec(lineText(state, line));
  return m ? { flags: m[1]!, label: m[2] ?? m[3] ?? '' } : null;
}

function tabsRule(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false;
  if (!parseMarker(state, startLine)) return false;
  if (silent) return true;

  const indent = state.sCount[startLine]!;
  const tabs: { label: string; selected: boolean; line: number; body: BlockBody }[] = [];
  let line = startLine;
  for (;;) {
    const marker = parseMarker(state, line)!;
    const body = findBlockBody(state, line, endLine);
    tabs.push({ label: marker.label, selected: marker.flags.includes('+'), line, body });
    let next = body.end;
    while (next < endLine && isBlankLine(state, next)) next++;
    const following = next < endLine && state.sCount[next] === indent ? parseMarker(state, next) : null;
    if (!following || following.flags.includes('!')) break;
    line = next;
  }

  const env = state.env as TabEnv;
  const set = (env.tabSets = (env.tabSets ?? 0) + 1);
  let selected = tabs.findIndex((t) => t.selected);
  if (selected < 0) selected = 0;
  const id = (i: number) => `__tabbed_${set}_${i + 1}`;

  const open = state.push('tabbed_set_open', 'div', 1);
  open.attrSet('class', 'tabbed-set');
  open.attrSet('data-tabs', `${set}:${tabs.length}`);
  open.map = [startLine, tabs[tabs.length - 1]!.body.end];
  const labels = state.push('tabbed_labels_open', 'div', 1);
  labels.attrSet('class', 'tabbed-labels');
  labels.attrSet('role', 'tablist');
  tabs.forEach((tab, i) => {
    const button = state.push('tabbed_label_open', 'button', 1);
    button.attrSet('type', 'button');
    button.attrSet('role', 'tab');
    button.attrSet('id', `${id(i)}-tab`);
    button.attrSet('aria-controls', id(i));
    button.attrSet('aria-selected', String(i === selected));
    button.attrSet('tabindex', i === selected ? '0' : '-1');
    button.map = [tab.line, tab.line + 1];
    const inline = state.push('inline', '', 0);
    inline.content = tab.label;
    inline.map = [tab.line, tab.line + 1];
    inline.children = [];
    state.push('tabbed_label_close', 'button', -1);
  });
  state.push('tabbed_labels_close', 'div', -1);
  tabs.forEach((tab, i) => {
    const panel = state.push('tabbed_panel_open', 'div', 1);
    panel.attrSet('class', 'tabbed-block');
    panel.attrSet('role', 'tabpanel');
    panel.attrSet('id', id(i));
    panel.attrSet('aria-labelledby', `${id(i)}-tab`);
    panel.attrSet('tabindex', '0');
    if (i !== selected) panel.attrSet('hidden', '');
    panel.map = [tab.body.start, tab.body.end];
    tokenizeBody(state, tab.body, 'tabbed');
    state.push('tabbed_panel_close', 'div', -1);
  });
  state.push('tabbed_set_close', 'div', -1);
  state.line = tabs[tabs.length - 1]!.body.end;
  return true;
}

/** markdown-it plugin: pymdownx.tabbed content tabs. */
export function contentTabsPlugin(md: MarkdownIt): void {
  md.block.ruler.before('fence', 'content_tabs', tabsRule, {
    alt: ['paragraph', 'reference', 'blockquote', 'list'],
  });
}
