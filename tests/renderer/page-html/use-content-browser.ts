import { afterAll, beforeAll } from 'vitest';
import { openContentBrowser, type ContentBrowser } from './chromium-harness';

/**
 * The probe browser for the describe block that calls this: opened before its tests (then
 * `setup` prepares it) and closed after them. The object is filled in by then, so tests
 * read `b.page` and `b.requests` as usual.
 */
export function useContentBrowser(
  opts: { css?: boolean } = {},
  setup?: (b: ContentBrowser) => Promise<unknown>,
): ContentBrowser {
  const b = {} as ContentBrowser;
  beforeAll(async () => {
    Object.assign(b, await openContentBrowser(opts));
    await setup?.(b);
  });
  afterAll(async () => {
    await b.close?.();
  });
  return b;
}
