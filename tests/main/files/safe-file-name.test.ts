import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../../src/main/files/safe-file-name';

describe('safeFileName', () => {
  it.each([
    ['Payments: 2PC → Saga.md', 'Payments- 2PC → Saga.md'],
    ['../../etc/passwd', '-..-etc-passwd'],
    ['a\\b/c.md', 'a-b-c.md'],
    ['CON', '_CON'],
    ['nul.txt', '_nul.txt'],
    ['report. . ', 'report'],
    ['   ', 'export'],
    ['evil\u202Edm.exe', 'evildm.exe'],
    ['tab\there\u0000.md', 'tabhere.md'],
  ])('%j → %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });

  it('keeps the extension when it shortens a long name', () => {
    const name = safeFileName(`${'x'.repeat(300)}.md`);
    expect(name.length).toBeLessThanOrEqual(120);
    expect(name.endsWith('.md')).toBe(true);
  });
});
