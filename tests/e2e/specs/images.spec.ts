import { join } from 'node:path';
import { SCREENSHOTS, test, expect } from '../fixtures';

const PAGE = 'core-principles/laws/correlated-failure';

test('a page shows its local SVG image, served from content.db', async ({ reader, corpus, snap }) => {
  test.skip(corpus !== 'real', 'the starter content has no local images');
  await reader.openPage(PAGE);
  const img = reader.content.locator('img[src^="/corpus-image/"]').first();
  await expect(img).toHaveAttribute('src', '/corpus-image/assets/correlated-failure-diagram.svg');
  await img.scrollIntoViewIfNeeded();
  // Decoded and drawn: an image that failed to load has a natural width of 0.
  await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  await snap('local-svg-image');
  await img.screenshot({ path: join(SCREENSHOTS, 'real-corpus-local-svg-image-element.png') });
});
