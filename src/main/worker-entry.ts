import { existsSync } from 'node:fs';

/**
 * Where a worker thread's code is, next to the module `from` (its import.meta.url) that
 * starts it: the TypeScript through `<name>-dev.mjs` (which loads it with tsx) when running
 * from source (tests, the CLI through tsx), or the bundled `<name>.js` in the built app (an
 * entry of electron.vite.config.ts). Null when neither is there.
 */
export function workerEntry(name: string, from: string): URL | null {
  const dev = new URL(`./${name}-dev.mjs`, from);
  if (from.endsWith('.ts') && existsSync(dev)) return dev;
  const js = new URL(`./${name}.js`, from);
  return existsSync(js) ? js : null;
}
