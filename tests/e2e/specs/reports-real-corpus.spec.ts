import { test, expect } from '../fixtures';
import { reportField as field } from '../reader-page';
import { isPatternPage } from '../../../src/shared/page-kinds';
import { MAX_ISSUE_URL_LENGTH, UPSTREAM_REPOSITORY } from '../../../src/shared/templates/github-issue';
import { corpusAvailable, SKIP_MESSAGE } from '../../helpers/corpus';

/** The composer on the real corpus (snap-5): real pattern pages, real text. */
test.skip(
  ({ corpus }) => corpus !== 'real',
  corpusAvailable() ? 'runs in the real-corpus project' : SKIP_MESSAGE,
);

test('"Report your usage" on a real gold pattern page opens the composer prefilled with its name and tier', async ({
  reader,
  server,
  page,
}) => {
  const pages = await server.api.content.listPages();
  // Not circuit-breaker, which the corpus-independent specs already use.
  const gold = pages.find(
    (p) => isPatternPage(p) && p.tier === 'gold' && p.id !== 'pattern-library/resilience/circuit-breaker',
  );
  expect(gold, 'a gold pattern in snap-5').toBeDefined();
  await reader.openUsageReport(gold!.id);
  await expect(page.getByTestId('page-reading')).toHaveText(`${gold!.title}, Gold tier.`);
  await expect(page.getByTestId('report-preview')).toContainText(`Pattern: ${gold!.title}`);
});

// A long draft makes the preview lag the typing. Two bugs met here, both fixed: the problems
// of the lagging preview were shown under fields filled in since ("Company is required."), and
// a problem revealed when a field lost focus to a press further down moved the pressed control
// before the release, so the radio click below was lost.
test('a long real draft goes to GitHub as a title-only URL, its Markdown on the clipboard', async ({
  reader,
  targets,
  server,
  context,
  page,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(server.url).origin,
  });
  // The URL the app asks to open is recorded instead of opening a browser window.
  await page.addInitScript(() => {
    const opened: string[] = [];
    (window as unknown as { __opened: string[] }).__opened = opened;
    window.open = (url?: string | URL) => {
      opened.push(String(url));
      return null;
    };
  });
  await reader.openPage(targets.pattern.id);
  // Real text, read from the page at run time: the corpus's own pattern page.
  // Lines starting with '#' (code comments) would read as headings, which the report refuses.
  const realText = (await page.locator('.page-content').innerText())
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n')
    .slice(0, 15_000);
  expect(encodeURIComponent(realText).length).toBeGreaterThan(MAX_ISSUE_URL_LENGTH);

  await page.getByTestId('report-usage').click();
  await expect(field(page, 'pattern')).toHaveValue(targets.pattern.id);
  await field(page, 'company').fill('Example Corp, payments team');
  await field(page, 'scale').fill('50K req/s');
  await field(page, 'duration').fill('2 years');
  await field(page, 'implementation').fill(realText);
  await field(page, 'outcomes.performance').fill('p99 fell from 2 s to 300 ms.');
  await field(page, 'lessons').fill('Tune per dependency.');
  await page.getByLabel('Yes, with caveats').check();
  await field(page, 'recommend.why').fill('Only with good timeouts.');
  await expect(page.getByTestId('save-state')).toHaveText('Saved on this computer');

  await page.getByRole('button', { name: 'Open as a GitHub issue' }).click();
  await expect(page.getByTestId('composer-notice')).toContainText(
    'too long for a link: it is on the clipboard',
  );
  const opened = await page.evaluate(() => (window as unknown as { __opened: string[] }).__opened);
  expect(opened).toHaveLength(1);
  const url = new URL(opened[0]!);
  expect(`${url.origin}${url.pathname}`).toBe(`${UPSTREAM_REPOSITORY}/issues/new`);
  expect([...url.searchParams.keys()]).toEqual(['title']);
  expect(url.searchParams.get('title')).toContain(targets.pattern.title);
  expect(opened[0]!.length).toBeLessThanOrEqual(MAX_ISSUE_URL_LENGTH);
  const clipboard = await page.evaluate(() => navigator.clipboard.readText());
  expect(clipboard).toMatch(/^---\ntemplate: pattern-usage\n/);
  expect(clipboard).toContain(
    realText
      .split('\n')
      .find((l) => l.trim().length > 40)!
      .trim(),
  );
});
