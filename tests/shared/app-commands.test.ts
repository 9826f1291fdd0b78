import { describe, expect, it } from 'vitest';
import { APP_COMMANDS, commandForKey, keysOf, type KeyPress } from '../../src/shared/app-commands';

const press = (key: string, more: Partial<KeyPress> = {}): KeyPress => ({
  key,
  primary: false,
  alt: false,
  shift: false,
  typing: false,
  ...more,
});

describe('commandForKey', () => {
  it('finds the shortcuts the app has always had', () => {
    expect(commandForKey(press('k', { primary: true }))).toBe('quick-switcher');
    expect(commandForKey(press('K', { primary: true, shift: true }))).toBe('quick-switcher');
    expect(commandForKey(press('f', { primary: true }))).toBe('find');
    expect(commandForKey(press('+', { primary: true, shift: true }))).toBe('zoom-in');
    expect(commandForKey(press('ArrowLeft', { alt: true }))).toBe('back');
    expect(commandForKey(press('/'))).toBe('focus-search');
    expect(commandForKey(press('?', { shift: true }))).toBe('shortcuts');
  });

  it('tells print from Save as PDF by Shift, and leaves single keys to text fields', () => {
    expect(commandForKey(press('p', { primary: true }))).toBe('print');
    expect(commandForKey(press('P', { primary: true, shift: true }))).toBe('save-pdf');
    expect(commandForKey(press('/', { typing: true }))).toBeNull();
    expect(commandForKey(press('k', { primary: true, typing: true }))).toBe('quick-switcher');
    expect(commandForKey(press('ArrowLeft', { alt: true, shift: true }))).toBeNull();
    expect(commandForKey(press('k'))).toBeNull();
  });

  it('has no two commands on the same key press', () => {
    const seen = new Set<string>();
    for (const { chord } of APP_COMMANDS) {
      if (!chord) continue;
      for (const key of new Set(chord.keys.map((k) => k.toLowerCase()))) {
        for (const shift of chord.shift === undefined ? [false, true] : [chord.shift]) {
          const id = `${key}|${chord.primary}|${chord.alt}|${shift}`;
          expect(seen.has(id), id).toBe(false);
          seen.add(id);
        }
      }
    }
  });
});

describe('keysOf', () => {
  it("shows the platform's name of the primary key", () => {
    const save = APP_COMMANDS.find((c) => c.id === 'save-pdf')!.chord!;
    expect(keysOf(save, true)).toEqual(['⌘', 'Shift', 'P']);
    expect(keysOf(save, false)).toEqual(['Ctrl', 'Shift', 'P']);
  });
});
