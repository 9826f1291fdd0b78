/**
 * `npm run bench`: runs every bench/*.bench.ts in turn on the real corpus (../shared/corpus),
 * each printing its own side-by-side table with ratios measured in the same run.
 * Usage: npm run bench [-- name-filter]
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { corpusAvailable, SHARED_CORPUS_BUNDLE } from '../tests/helpers/corpus';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? '';

if (!corpusAvailable()) {
  console.log(
    `bench: skipped — the real corpus (${SHARED_CORPUS_BUNDLE}) is absent; benchmarks run on it only.`,
  );
  process.exit(0);
}
for (const file of readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort()) {
  console.log(`\n=== ${file} ===`);
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: () => Promise<void> };
  await mod.default();
}
