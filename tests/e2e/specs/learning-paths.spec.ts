import { routeOf } from '../../../src/shared/routes';
import { corpusAvailable, SKIP_MESSAGE } from '../../helpers/corpus';
import { expect, test } from '../fixtures';

const PATH = 'architects-handbook/learning-paths/microservices-architect';

test('a learning path counts its linked pages marked read, and shows on home while in progress', async ({
  page,
  server,
  snap,
}) => {
  test.skip(!corpusAvailable(), SKIP_MESSAGE);
  test.skip(test.info().project.name !== 'real-corpus', 'learning paths are in the real corpus');
  const start = await server.api.progress.learningPath(PATH);
  expect(start?.read).toBe(0);
  await page.goto(`${server.url}${routeOf(PATH)}`);
  const bar = page.getByTestId('learning-path-progress');
  await expect(bar).toContainText(`0 of ${start!.total} read`);

  // Mark one linked page read from its own page, as a reader does.
  const [linked] = (await server.api.content.getPages([PATH]))[0]!.links.filter(
    (l) => !l.broken && l.targetId && !l.targetId.startsWith('architects-handbook/learning-paths'),
  );
  await page.goto(`${server.url}${routeOf(linked!.targetId!)}`);
  await page.getByTestId('read-toggle').click();
  await expect(page.getByTestId('read-toggle')).toHaveAttribute('aria-pressed', 'true');
  await page.goto(`${server.url}${routeOf(PATH)}`);
  await expect(bar).toContainText(`1 of ${start!.total} read`);
  await snap('learning-path-progress');

  await page.goto(server.url);
  const home = page.getByTestId('paths-in-progress');
  await expect(home).toContainText(start!.title);
  await expect(home).toContainText(`1 of ${start!.total} read`);
  await snap('home-learning-paths');
});
