import { APP_COMMANDS, keysOf, type AppCommand, type AppCommandId } from './app-commands';
import { PAGE_KINDS, type PageKindFacts } from './page-kinds';

/** Typed first in the quick switcher, it lists the app's commands instead of pages (as in VS Code). */
export const COMMAND_PREFIX = '>';

/** Commands offered under the page matches when the typed text (without the prefix) matches them. */
export const PLAIN_COMMAND_LIMIT = 3;
/** Shorter plain text is a page search only: one or two letters would match commands by accident. */
const PLAIN_MIN_LENGTH = 3;

/** The palette itself is not a command worth offering from inside it. */
const NOT_IN_PALETTE: ReadonlySet<AppCommandId> = new Set(['quick-switcher']);

/** A command as the palette lists it. */
export interface PaletteCommand {
  id: AppCommandId;
  label: string;
  /** Its shortcut as keys to show, or null when it has none. */
  keys: string[] | null;
  /** Why it cannot run now (shown greyed with this text), or null when it can. */
  unavailable: string | null;
}

/** The text after the command prefix when the switcher is in command mode, else null. */
export function commandModeText(text: string): string | null {
  const trimmed = text.trimStart();
  return trimmed.startsWith(COMMAND_PREFIX) ? trimmed.slice(COMMAND_PREFIX.length) : null;
}

/** Why `command` cannot run with `shown` on screen (null: it can). */
export function commandUnavailable(command: AppCommand, shown: PageKindFacts | null): string | null {
  if (!command.needs) return null;
  const kind = PAGE_KINDS[command.needs];
  return shown && kind.test(shown) ? null : `Needs a ${kind.label} on screen`;
}

/** Lower-cased words without accents, so `réport` and `Report` meet. */
function wordsOf(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * The commands whose label has a word beginning with each typed word (all of them for no
 * words), available ones first, then those whose label begins with the first typed word,
 * then in the list's order.
 */
export function matchCommands(
  typed: string,
  shown: PageKindFacts | null,
  mac: boolean,
  commands: readonly AppCommand[] = APP_COMMANDS,
): PaletteCommand[] {
  const wanted = wordsOf(typed);
  const ranked = commands
    .filter((c) => !NOT_IN_PALETTE.has(c.id))
    .map((command, order) => {
      const words = wordsOf(command.label);
      return { command, order, words, unavailable: commandUnavailable(command, shown) };
    })
    .filter(({ words }) => wanted.every((w) => words.some((word) => word.startsWith(w))))
    .map((c) => ({ ...c, leads: wanted.length > 0 && c.words[0]!.startsWith(wanted[0]!) }));
  ranked.sort(
    (a, b) =>
      Number(a.unavailable !== null) - Number(b.unavailable !== null) ||
      Number(b.leads) - Number(a.leads) ||
      a.order - b.order,
  );
  return ranked.map(({ command, unavailable }) => ({
    id: command.id,
    label: command.label,
    keys: command.chord ? keysOf(command.chord, mac) : null,
    unavailable,
  }));
}

/**
 * What the switcher lists for `text`: in command mode every matching command; otherwise the
 * few available commands the text matches, shown below the page matches.
 */
export function paletteCommands(text: string, shown: PageKindFacts | null, mac: boolean): PaletteCommand[] {
  const commandText = commandModeText(text);
  if (commandText !== null) return matchCommands(commandText, shown, mac);
  if (text.trim().length < PLAIN_MIN_LENGTH) return [];
  return matchCommands(text, shown, mac)
    .filter((c) => c.unavailable === null)
    .slice(0, PLAIN_COMMAND_LIMIT);
}
