import type MarkdownIt from 'markdown-it';
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';

/**
 * pymdownx.keys: `++ctrl+alt+delete++` → `<kbd>` combinations. Written here because the
 * only markdown-it ports are unmaintained and emit a different markup. Key codes follow the
 * pymdownx key map: an alias resolves to its key (`ctrl` → `control`, the kbd's class), the
 * key shows the map's name, and keys the site's theme marks with a symbol show it first.
 */

const KEYS_RE = /^\+\+([a-z0-9][\w-]*(?:\+[a-z0-9][\w-]*)*)\+\+/i;

/** pymdownx aliases (the common ones), to the key they stand for. */
const ALIASES: Record<string, string> = {
  back: 'backspace',
  bksp: 'backspace',
  cmd: 'command',
  ctrl: 'control',
  del: 'delete',
  dn: 'arrow-down',
  down: 'arrow-down',
  esc: 'escape',
  fn: 'function',
  hyphen: 'minus',
  ins: 'insert',
  lalt: 'left-alt',
  lctrl: 'left-control',
  left: 'arrow-left',
  lshift: 'left-shift',
  menu: 'alt',
  next: 'page-down',
  opt: 'option',
  pgdn: 'page-down',
  pgup: 'page-up',
  prior: 'page-up',
  'question-mark': 'question',
  ralt: 'right-alt',
  rctrl: 'right-control',
  return: 'enter',
  right: 'arrow-right',
  rshift: 'right-shift',
  spc: 'space',
  tabulator: 'tab',
  up: 'arrow-up',
  win: 'windows',
};

/** pymdownx key names that differ from the title-cased code. */
const NAMES: Record<string, string> = {
  'arrow-up': 'Up',
  'arrow-down': 'Down',
  'arrow-left': 'Left',
  'arrow-right': 'Right',
  command: 'Cmd',
  control: 'Ctrl',
  'left-control': 'Left Ctrl',
  'right-control': 'Right Ctrl',
  function: 'Fn',
  windows: 'Win',
  delete: 'Del',
  insert: 'Ins',
  escape: 'Esc',
  backtab: 'Back Tab',
  backslash: '\\',
  bar: '|',
  'brace-left': '{',
  'brace-right': '}',
  'bracket-left': '[',
  'bracket-right': ']',
  colon: ':',
  comma: ',',
  'double-quote': '"',
  equal: '=',
  exclam: '!',
  grave: '`',
  greater: '>',
  less: '<',
  minus: '-',
  period: '.',
  plus: '+',
  question: '?',
  section: '§',
  semicolon: ';',
  'single-quote': "'",
  slash: '/',
  tilde: '~',
  underscore: '_',
};

/** Symbols the site's theme (Material's keys styles) draws before these keys' names. */
const SYMBOLS: Record<string, string> = {
  alt: '⎇',
  'left-alt': '⎇',
  'right-alt': '⎇',
  command: '⌘',
  control: '⌃',
  'left-control': '⌃',
  'right-control': '⌃',
  option: '⌥',
  shift: '⇧',
  'left-shift': '⇧',
  'right-shift': '⇧',
  windows: '⊞',
  'arrow-up': '↑',
  'arrow-down': '↓',
  'arrow-left': '←',
  'arrow-right': '→',
  backspace: '⌫',
  backtab: '⇤',
  'caps-lock': '⇪',
  delete: '⌦',
  end: '⤓',
  enter: '⏎',
  escape: '⎋',
  home: '⤒',
  'page-down': '⇟',
  'page-up': '⇞',
  tab: '⇥',
};

/** The key a code names (aliases resolved), lower-cased: also the kbd's `key-…` class. */
export function keyCode(code: string): string {
  const c = code.toLowerCase();
  return ALIASES[c] ?? c;
}

/** The label shown for one key code: its symbol, if it has one, then its name. */
export function keyLabel(code: string): string {
  const c = keyCode(code);
  const name =
    NAMES[c] ??
    c.replace(/(^|-)([a-z0-9])/g, (_m, d: string, ch: string) => (d ? ' ' : '') + ch.toUpperCase());
  return SYMBOLS[c] ? `${SYMBOLS[c]} ${name}` : name;
}

function keysRule(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x2b /* + */ || state.src.charCodeAt(state.pos + 1) !== 0x2b)
    return false;
  const m = KEYS_RE.exec(state.src.slice(state.pos, state.pos + 120));
  if (!m) return false;
  if (!silent) {
    const esc = state.md.utils.escapeHtml;
    const keys = m[1]!.split('+').map((k) => `<kbd class="key-${esc(keyCode(k))}">${esc(keyLabel(k))}</kbd>`);
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
