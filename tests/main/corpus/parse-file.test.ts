import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../../src/main/corpus/parse-file';
import { MAX_SECTIONS_PER_PAGE } from '../../../src/main/database/section-keys';

const bytes = (text: string) => new TextEncoder().encode(text);
const textOf = (body: Uint8Array | string) =>
  typeof body === 'string' ? body : inflateRawSync(body).toString('utf8');

describe('parseFile', () => {
  it('splits a page into one section per heading, the lead section first', () => {
    const page = parseFile('docs/a.md', bytes('# A\n\nlead words\n\n## B\n\nmore words\n'), 'sha');
    expect(page.kind).toBe('page');
    if (page.kind !== 'page') return;
    expect(page.sections.map((s) => s.heading)).toEqual(['A', 'B']);
    expect(textOf(page.sections[1]!.body)).toContain('more words');
  });

  it('folds headings beyond the per-page section limit into the last section, with a warning', () => {
    const count = MAX_SECTIONS_PER_PAGE + 5;
    const md = Array.from({ length: count }, (_, i) => `## Heading ${i}\n\nword${i}\n`).join('\n');
    const page = parseFile('docs/many.md', bytes(md), 'sha');
    expect(page.kind).toBe('page');
    if (page.kind !== 'page') return;
    expect(page.sections).toHaveLength(MAX_SECTIONS_PER_PAGE);
    const last = textOf(page.sections.at(-1)!.body);
    expect(last).toContain(`Heading ${count - 1}`);
    expect(last).toContain(`word${count - 1}`);
    expect(page.warnings.some((w) => w.kind === 'render' && /sections/.test(w.message))).toBe(true);
  });
});
