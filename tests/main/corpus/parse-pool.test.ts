import { describe, expect, it } from 'vitest';
import { parseFile } from '../../../src/main/corpus/parse-file';
import { parseAll } from '../../../src/main/corpus/parse-pool';

const jobs = Array.from({ length: 60 }, (_, i) => ({
  path: `p${i}.md`,
  bytes: new TextEncoder().encode(
    i % 7 === 0 ? '---\nredirect_to: p1.md\n---\n' : `# Page ${i}\n\n- [ ] task ${i}\n`,
  ),
  sha: String(i),
}));

describe('parseAll', () => {
  it('gives the same results on worker threads as on this thread, in job order, with progress', async () => {
    const seen: number[] = [];
    const threaded = await parseAll(jobs, (d) => seen.push(d), 2);
    const inline = jobs.map((j) => parseFile(j.path, j.bytes, j.sha));
    expect(threaded.map((r) => r.path)).toEqual(jobs.map((j) => j.path));
    // Buffers arrive from a worker as plain Uint8Arrays: compare their bytes.
    const plain = (x: unknown): unknown =>
      x instanceof Uint8Array
        ? Buffer.from(x).toString('base64')
        : Array.isArray(x)
          ? x.map(plain)
          : x && typeof x === 'object'
            ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, plain(v)]))
            : x;
    expect(plain(threaded)).toEqual(plain(inline));
    expect(seen.at(-1)).toBe(jobs.length);
    expect(threaded.filter((r) => r.kind === 'alias')).toHaveLength(9);
  });
});
