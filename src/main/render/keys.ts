import type MarkdownIt from 'markdown-it';
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';

/**
 * pymdownx.keys: `++ctrl+alt+delete++` → `<kbd>` combinations. Written here because the
 * only markdown-it ports are unmaintained and emit a different markup.
 */

const KEYS_RE = /^\+\+([a-z0-9][\w-]*(?:\+[a-z0-9][\w-]*)*)\+\+/i;

/** Display names of the pymdownx key codes (a subset: the rest are shown title-cased). */
const NAMES: Record<string, string> = {
  ctrl: 'Ctrl',
  control: 'Ctrl',
  cmd: '⌘ Cmd',
  command: '⌘ Cmd',
  alt: 'Alt',
  option: '⌥ Option',
  shift: 'Shift',
  meta: 'Meta',
  windows: 'Win',
  tab: 'Tab',
  enter: 'Enter',
  return: 'Return',
  esc: 'Esc',
  escape: 'Esc',
  space: 'Space',
  backspace: 'Backspace',
  delete: 'Del',
  del: 'Del',
  insert: 'Ins',
  home: 'Home',
  end: 'End',
  'page-up': 'Page Up',
  'page-down': 'Page Down',
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
  'arrow-up': '↑',
  'arrow-down': '↓',
  'arrow-left': '←',
  'arrow-right': '→',
  question: '?',
  slash: '/',
  backslash: '\\',
  period: '.',
  comma: ',',
  semicolon: ';',
  quote: "'",
  plus: '+',
  minus: '-',
  equal: '=',
  'caps-lock': 'Caps Lock',
};

/** The label shown for one key code. */
export function keyLabel(code: string): string {
  const c = code.toLowerCase();
  if (NAMES[c]) return NAMES[c];
  if (c.length === 1) return c.toUpperCase();
  if (/^f\d{1,2}$/.test(c)) return c.toUpperCase();
  return c.replace(/(^|-)([a-z])/g, (_m, d: string, ch: string) => (d ? ' ' : '') + ch.toUpperCase());
}

function keysRule(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x2b /* + */ || state.src.charCodeAt(state.pos + 1) !== 0x2b)
    return false;
  const m = KEYS_RE.exec(state.src.slice(state.pos, state.pos + 120));
  if (!m) return false;
  if (!silent) {
    const esc = state.md.utils.escapeHtml;
    const keys = m[1]!
      .split('+')
      .map((k) => `<kbd class="key-${esc(k.toLowerCase())}">${esc(keyLabel(k))}</kbd>`);
    const token = state.push('html_inline', '', 0);
    token.content = `<span class="keys">${keys.join('<span class="key-sep">+</span>')}</span>`;
  }
  state.pos += m[0].length;
  return true;
}

/** markdown-it plugin: `++key+key++` keyboard combinations. */
export function keysPlugin(md: MarkdownIt): void {
  md.inline.ruler.before('emphasis', 'keys', keysRule);
}
