import type { PageKind } from './page-kinds';

/**
 * The app's own commands: one list behind the in-app keyboard shortcuts (use-shortcuts.ts),
 * the shortcut sheet, and the desktop menu's items and accelerators (src/main/electron/menu.ts),
 * so a key shown in the menu is always the key the page answers to.
 */

export type AppCommandId =
  | 'quick-switcher'
  | 'focus-search'
  | 'find'
  | 'back'
  | 'forward'
  | 'zoom-in'
  | 'zoom-out'
  | 'zoom-reset'
  | 'toggle-bookmark'
  | 'show-bookmarks'
  | 'print'
  | 'save-pdf'
  | 'theme-system'
  | 'theme-light'
  | 'theme-dark'
  | 'check-for-updates'
  | 'export-user-data'
  | 'report-usage'
  | 'migration-story'
  | 'new-usage-report'
  | 'report-drafts'
  | 'shortcuts';

/** A key press: `primary` is Cmd on macOS and Ctrl elsewhere. */
export interface KeyChord {
  /** `KeyboardEvent.key` values that count (letters in either case). */
  keys: readonly string[];
  primary: boolean;
  alt: boolean;
  /** Required state of Shift; absent when either is fine (`+` needs Shift on many layouts). */
  shift?: boolean;
  /** Whether it works while the focus is in a text field (single characters would be typed there). */
  whileTyping: boolean;
}

export interface AppCommand {
  id: AppCommandId;
  /** Menu label and shortcut sheet text. */
  label: string;
  chord?: KeyChord;
  /** The kind of page that must be shown for the command to apply (page-kinds.ts decides). */
  needs?: PageKind;
}

const typing = { whileTyping: true } as const;
const primary = { primary: true, alt: false, ...typing } as const;

export const APP_COMMANDS: readonly AppCommand[] = [
  { id: 'quick-switcher', label: 'Go to Page…', chord: { keys: ['k', 'K'], ...primary } },
  {
    id: 'focus-search',
    label: 'Search',
    chord: { keys: ['/'], primary: false, alt: false, whileTyping: false },
  },
  { id: 'find', label: 'Find in Page', chord: { keys: ['f', 'F'], ...primary } },
  {
    id: 'back',
    label: 'Back',
    chord: { keys: ['ArrowLeft'], primary: false, alt: true, shift: false, ...typing },
  },
  {
    id: 'forward',
    label: 'Forward',
    chord: { keys: ['ArrowRight'], primary: false, alt: true, shift: false, ...typing },
  },
  { id: 'zoom-in', label: 'Zoom In', chord: { keys: ['=', '+'], ...primary } },
  { id: 'zoom-out', label: 'Zoom Out', chord: { keys: ['-', '_'], ...primary } },
  { id: 'zoom-reset', label: 'Actual Size', chord: { keys: ['0'], ...primary } },
  {
    id: 'toggle-bookmark',
    label: 'Bookmark This Page',
    chord: { keys: ['d', 'D'], ...primary, shift: false },
  },
  { id: 'show-bookmarks', label: 'Show Bookmarks', chord: { keys: ['b', 'B'], ...primary, shift: true } },
  { id: 'print', label: 'Print…', chord: { keys: ['p', 'P'], ...primary, shift: false } },
  { id: 'save-pdf', label: 'Save as PDF…', chord: { keys: ['p', 'P'], ...primary, shift: true } },
  { id: 'theme-system', label: 'Follow System Theme' },
  { id: 'theme-light', label: 'Light Theme' },
  { id: 'theme-dark', label: 'Dark Theme' },
  { id: 'check-for-updates', label: 'Check for Updates…' },
  { id: 'export-user-data', label: 'Export My Data…' },
  { id: 'report-usage', label: 'Report Your Usage…', needs: 'pattern' },
  { id: 'migration-story', label: 'Tell Your Migration Story…', needs: 'migration-guide' },
  { id: 'new-usage-report', label: 'New Pattern Usage Report' },
  { id: 'report-drafts', label: 'Report Drafts' },
  {
    id: 'shortcuts',
    label: 'Keyboard Shortcuts',
    chord: { keys: ['?'], primary: false, alt: false, whileTyping: false },
  },
];

export const APP_COMMAND_IDS: readonly AppCommandId[] = APP_COMMANDS.map((c) => c.id);

/** The command with this id. */
export function appCommand(id: AppCommandId): AppCommand {
  return APP_COMMANDS.find((c) => c.id === id)!;
}

/** A key press as the matcher sees it. */
export interface KeyPress {
  key: string;
  primary: boolean;
  alt: boolean;
  shift: boolean;
  /** The focus is in a text field. */
  typing: boolean;
}

/** The command a key press asks for, or null. */
export function commandForKey(
  press: KeyPress,
  commands: readonly AppCommand[] = APP_COMMANDS,
): AppCommandId | null {
  for (const { id, chord } of commands) {
    if (!chord || !chord.keys.includes(press.key)) continue;
    if (chord.primary !== press.primary || chord.alt !== press.alt) continue;
    if (chord.shift !== undefined && chord.shift !== press.shift) continue;
    if (press.typing && !chord.whileTyping) continue;
    return id;
  }
  return null;
}

/** Electron's names for keys whose `KeyboardEvent.key` differs. */
const ACCELERATOR_KEYS: Record<string, string> = { ArrowLeft: 'Left', ArrowRight: 'Right', '+': 'Plus' };

/** The chord in Electron's accelerator syntax (`CmdOrCtrl+Shift+P`), for the menu. */
export function acceleratorOf(chord: KeyChord): string {
  const key = chord.keys[0]!;
  return [
    chord.primary ? 'CmdOrCtrl' : null,
    chord.alt ? 'Alt' : null,
    chord.shift ? 'Shift' : null,
    ACCELERATOR_KEYS[key] ?? key.toUpperCase(),
  ]
    .filter((part) => part !== null)
    .join('+');
}

/** The chord as keys to show (`['Ctrl', 'Shift', 'P']`), with the platform's name of the primary key. */
export function keysOf(chord: KeyChord, mac: boolean): string[] {
  const names: Record<string, string> = { ArrowLeft: '←', ArrowRight: '→', '-': '−', '=': '+' };
  const key = chord.keys[0]!;
  return [
    ...(chord.primary ? [mac ? '⌘' : 'Ctrl'] : []),
    ...(chord.alt ? [mac ? '⌥' : 'Alt'] : []),
    ...(chord.shift ? ['Shift'] : []),
    names[key] ?? (key.length === 1 ? key.toUpperCase() : key),
  ];
}
