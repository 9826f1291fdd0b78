import { describe, expect, it } from 'vitest';
import { APP_COMMANDS } from '../../src/shared/app-commands';
import {
  PLAIN_COMMAND_LIMIT,
  commandModeText,
  matchCommands,
  paletteCommands,
} from '../../src/shared/command-palette';
import type { PageKindFacts } from '../../src/shared/page-kinds';

const PATTERN: PageKindFacts = {
  id: 'pattern-library/resilience/circuit-breaker',
  type: 'pattern',
  isTemplate: false,
};
const GUIDE: PageKindFacts = {
  id: 'excellence/migrations/monolith-to-microservices',
  type: null,
  isTemplate: false,
};
const OTHER: PageKindFacts = { id: 'introduction/getting-started', type: 'guide', isTemplate: false };

const ids = (list: { id: string }[]) => list.map((c) => c.id);

describe('commandModeText', () => {
  it('is the text after a leading >, and null without one', () => {
    expect(commandModeText('> report')).toBe(' report');
    expect(commandModeText('  >')).toBe('');
    expect(commandModeText('report')).toBeNull();
    expect(commandModeText('a > b')).toBeNull();
  });
});

describe('matchCommands', () => {
  it('lists every command but the palette itself for no words, in the list order, available ones first', () => {
    const all = APP_COMMANDS.map((c) => c.id).filter((id) => id !== 'quick-switcher');
    expect(ids(matchCommands('', GUIDE, false))).toEqual([
      ...all.filter((id) => id !== 'report-usage'),
      'report-usage',
    ]);
  });

  it('keeps commands with a word starting with each typed word, whatever the case and accents', () => {
    expect(ids(matchCommands('REP dra', null, false))).toEqual(['report-drafts']);
    expect(ids(matchCommands('réport usa', PATTERN, false))).toEqual(['report-usage', 'new-usage-report']);
    expect(ids(matchCommands('epor', PATTERN, false))).toEqual([]); // inside a word is not a match
    expect(matchCommands('zzz', PATTERN, false)).toEqual([]);
  });

  it('ranks labels that begin with the first word above those that only contain it', () => {
    expect(ids(matchCommands('report', PATTERN, false))).toEqual([
      'report-usage',
      'report-drafts',
      'new-usage-report',
    ]);
  });

  it('greys the page commands off their kind of page, with why, and ranks them last', () => {
    const offPage = matchCommands('report', OTHER, false);
    expect(ids(offPage)).toEqual(['report-drafts', 'new-usage-report', 'report-usage']);
    expect(offPage.at(-1)!.unavailable).toBe('Needs a pattern on screen');
    expect(offPage.slice(0, 2).map((c) => c.unavailable)).toEqual([null, null]);
    expect(matchCommands('migration', null, false)[0]).toMatchObject({
      id: 'migration-story',
      unavailable: 'Needs a migration guide on screen',
    });
    expect(matchCommands('migration', GUIDE, false)[0]!.unavailable).toBeNull();
    // A template page under the pattern library is not a pattern.
    expect(matchCommands('usage', { ...PATTERN, isTemplate: true }, false)[0]!.id).toBe('new-usage-report');
  });

  it('shows each command with its shortcut in the platform’s key names', () => {
    expect(matchCommands('pdf', null, false)[0]!.keys).toEqual(['Ctrl', 'Shift', 'P']);
    expect(matchCommands('pdf', null, true)[0]!.keys).toEqual(['⌘', 'Shift', 'P']);
    expect(matchCommands('drafts', null, false)[0]!.keys).toBeNull();
  });
});

describe('paletteCommands', () => {
  it('after > lists every match, greyed ones included', () => {
    expect(ids(paletteCommands('> report', OTHER, false))).toEqual([
      'report-drafts',
      'new-usage-report',
      'report-usage',
    ]);
  });

  it('without > offers only a few available commands, and none for short text', () => {
    expect(ids(paletteCommands('report', OTHER, false))).toEqual(['report-drafts', 'new-usage-report']);
    expect(paletteCommands('th', null, false)).toEqual([]);
    expect(ids(paletteCommands('theme', null, false))).toHaveLength(PLAIN_COMMAND_LIMIT);
    expect(paletteCommands('circuit breaker', PATTERN, false)).toEqual([]);
  });
});
