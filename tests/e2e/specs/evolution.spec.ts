import { readFileSync } from 'node:fs';
import { test, expect } from '../fixtures';

test('the timeline renders every fact, filters, zooms with the keyboard, highlights and opens a page', async ({
  reader,
  server,
  snap,
}) => {
  const items = await server.api.evolution.getTimeline();
  expect(items.length).toBeGreaterThan(0);
  await reader.open('/');
  await reader.page.getByRole('link', { name: 'Timeline', exact: true }).click();
  const marks = reader.page.getByTestId('timeline-marks').locator('.timeline-mark');
  await expect(reader.page.getByTestId('timeline-count')).toContainText(
    `${items.length} of ${items.length} dated facts`,
  );
  await expect(marks).toHaveCount(items.length);
  await snap('timeline-light');

  // Keyboard zoom: + narrows the span, arrows pan, 0 shows everything again.
  const span = reader.page.getByTestId('timeline-span');
  const yearsShown = async () => Number(/\((\d+) years\)/.exec((await span.textContent()) ?? '')?.[1]);
  const all = await yearsShown();
  await reader.page.getByTestId('timeline-svg').focus();
  await reader.page.keyboard.press('+');
  await reader.page.keyboard.press('+');
  await expect.poll(yearsShown).toBeLessThan(all);
  const before = await span.textContent();
  await reader.page.keyboard.press('ArrowLeft');
  await expect(span).not.toHaveText(before!);
  await reader.page.keyboard.press('0');
  await expect.poll(yearsShown).toBe(all);

  // Tier filter: dropping gold leaves exactly the others.
  const gold = items.filter((i) => i.tier === 'gold').length;
  await reader.page.getByTestId('timeline-tier-gold').click();
  await expect(marks).toHaveCount(items.length - gold);
  await reader.page.getByTestId('timeline-tier-gold').click();

  // A category filter.
  const category = items[0]!.category;
  await reader.page.getByTestId('timeline-category').selectOption(category);
  await expect(marks).toHaveCount(items.filter((i) => i.category === category).length);
  await reader.page.getByTestId('timeline-category').selectOption('');

  // The search box highlights without hiding.
  const target = items.find((i) => i.origin === 'front-matter') ?? items[0]!;
  await reader.page.getByTestId('timeline-search').fill(target.title);
  await expect(reader.page.locator('.timeline-mark.is-match').first()).toBeVisible();
  await expect(marks).toHaveCount(items.length);

  // Hover shows the source; a click opens the page.
  const mark = reader.page.locator(`.timeline-mark.is-match[data-id="${target.id}"]`).first();
  await mark.hover();
  await expect(reader.page.getByTestId('timeline-tip')).toContainText(`From ${target.source}`);
  await mark.click();
  await reader.waitForPage();
  expect(await reader.route()).toContain(target.id);
});

test('the timeline table sorts, the exports are a standalone SVG and a CSV of the facts', async ({
  reader,
  server,
}) => {
  const items = await server.api.evolution.getTimeline();
  await reader.open('/timeline');
  await expect(reader.page.getByTestId('timeline-marks').locator('.timeline-mark')).toHaveCount(items.length);

  const svgDownload = reader.page.waitForEvent('download');
  await reader.page.getByTestId('export-svg').click();
  const svgFile = await (await svgDownload).path();
  const svgText = readFileSync(svgFile, 'utf8');
  expect(svgText.startsWith('<?xml')).toBe(true);
  expect(svgText).toContain('xmlns="http://www.w3.org/2000/svg"');
  expect(svgText).not.toContain('var(--');
  expect(svgText).not.toMatch(/class="/);
  // Well-formed, and draws one bar per fact, as the chart does.
  const parsed = await reader.page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      bars: doc.querySelectorAll('g[role="link"]').length,
    };
  }, svgText);
  expect(parsed).toEqual({ error: null, bars: items.length });

  const pngDownload = reader.page.waitForEvent('download');
  await reader.page.getByTestId('export-png').click();
  const png = readFileSync(await (await pngDownload).path());
  expect(png.subarray(1, 4).toString()).toBe('PNG');

  await reader.page.getByTestId('timeline-mode-table').click();
  const rows = reader.page.getByTestId('timeline-table').locator('tbody tr');
  await expect(rows).toHaveCount(items.length);
  const yearHeader = reader.page.getByTestId('timeline-table').locator('th').first();
  await expect(yearHeader).toHaveAttribute('aria-sort', 'ascending');
  await reader.page.getByTestId('sort-year').click();
  await expect(yearHeader).toHaveAttribute('aria-sort', 'descending');
  const maxYear = Math.max(...items.map((i) => i.year));
  await expect(rows.first().locator('td').first()).toHaveText(new RegExp(`^${maxYear}`));

  const csvDownload = reader.page.waitForEvent('download');
  await reader.page.getByTestId('export-csv').click();
  const csv = readFileSync(await (await csvDownload).path(), 'utf8')
    .trimEnd()
    .split('\r\n');
  expect(csv[0]).toMatch(/^year,month,id,title,tier/);
  expect(csv).toHaveLength(items.length + 1);
});

test('the lineage panel of a bronze pattern leads to its gold replacement; the graph centres on the page', async ({
  reader,
  server,
  snap,
}) => {
  const graph = await server.api.evolution.getLineage([], 0);
  const tier = new Map(graph.nodes.map((n) => [n.id, n.tier]));
  const edge = graph.edges.find(
    (e) => e.kind === 'replaced-by' && tier.get(e.from) === 'bronze' && tier.get(e.to) === 'gold',
  );
  expect(edge, 'a bronze → gold replacement in this corpus').toBeTruthy();
  const goldTitle = graph.nodes.find((n) => n.id === edge!.to)!.title;

  await reader.page.emulateMedia({ colorScheme: 'light' });
  await reader.openPage(edge!.from);
  const panel = reader.page.getByTestId('evolution-panel');
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId('replaced-by')).toContainText(goldTitle);
  await panel.getByTestId('lineage-graph-toggle').click();
  const lineage = reader.page.getByTestId('lineage-graph');
  await expect(lineage.locator('.lineage-node.is-centre')).toHaveAttribute('data-id', edge!.from);
  await expect(lineage.locator(`.lineage-node[data-id="${edge!.to}"]`)).toBeVisible();
  await panel.scrollIntoViewIfNeeded();
  await snap('lineage-light');

  // Filtering out "replaced by" removes the replacement's edge from the drawing.
  const edgesBefore = await lineage.locator('.lineage-edge').count();
  await lineage.getByTestId('edge-kind-replaced-by').uncheck();
  await expect(lineage.locator('.lineage-edge')).not.toHaveCount(edgesBefore);
  await lineage.getByTestId('edge-kind-replaced-by').check();

  // The theme follows the system by default.
  await reader.page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => reader.theme()).toBe('dark');
  await panel.scrollIntoViewIfNeeded();
  await snap('lineage-dark');

  await panel.getByTestId('replaced-by').getByRole('link', { name: goldTitle, exact: true }).click();
  await reader.waitForPage(goldTitle);
  await expect(reader.page.getByTestId('evolution-panel')).toBeVisible();

  // A migration guide's edge names the guide, linked, in the panel of the pattern it leads away from.
  const titles = new Map(graph.nodes.map((n) => [n.id, n.title]));
  const viaGuide = graph.edges.find((e) => e.kind === 'replaced-by' && titles.has(e.via))!;
  expect(viaGuide, 'a migration guide between two pattern pages').toBeTruthy();
  await reader.openPage(viaGuide.from);
  const replaced = reader.page.getByTestId('replaced-by');
  await expect(replaced).toContainText(titles.get(viaGuide.to)!);
  await replaced.getByRole('link', { name: titles.get(viaGuide.via)!, exact: true }).click();
  await reader.waitForPage(titles.get(viaGuide.via)!);

  await reader.open('/timeline');
  await expect(reader.page.getByTestId('timeline-marks').locator('.timeline-mark').first()).toBeVisible();
  await snap('timeline-dark');
});

test('the timeline bars and the lineage nodes work from the keyboard: one Tab stop, arrows, zoom, Escape, Enter', async ({
  reader,
  server,
  snap,
}) => {
  const items = await server.api.evolution.getTimeline();
  await reader.open('/timeline');
  const page = reader.page;
  const marks = page.getByTestId('timeline-marks').locator('.timeline-mark');
  await expect(marks).toHaveCount(items.length);
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-key') ?? null);
  const focusedYear = () => page.evaluate(() => Number(document.activeElement?.getAttribute('data-year')));

  // Exactly one bar is in the Tab order, and Tab from the chart reaches it.
  await expect(page.locator('.timeline-mark[tabindex="0"]')).toHaveCount(1);
  await page.getByTestId('timeline-svg').focus();
  await page.keyboard.press('Tab');
  const first = await focused();
  expect(first).not.toBeNull();
  const label = await page.locator(`.timeline-mark[data-key="${first}"]`).getAttribute('aria-label');
  const firstItem = items.find((i) => first!.startsWith(`${i.id}|${i.field}|${i.anchor ?? ''}|${i.year}`))!;
  expect(label).toContain(firstItem.title);
  expect(label).toContain(String(firstItem.year));
  expect(label).toContain(firstItem.source);
  expect(label).toContain(firstItem.tier ?? 'no tier');

  // → walks the row forward in time; the roving stop follows the focus.
  const y0 = await focusedYear();
  await page.keyboard.press('ArrowRight');
  await expect.poll(focused).not.toBe(first);
  expect(await focusedYear()).toBeGreaterThanOrEqual(y0);
  const second = await focused();
  await expect(page.locator('.timeline-mark[tabindex="0"]')).toHaveAttribute('data-key', second!);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(focused).toBe(first);

  // Zoom keys still work on a bar, and a bar moved to off-screen is panned into view.
  const span = page.getByTestId('timeline-span');
  const yearsShown = async () => Number(/\((\d+) years\)/.exec((await span.textContent()) ?? '')?.[1]);
  const all = await yearsShown();
  for (let i = 0; i < 6; i++) await page.keyboard.press('+');
  await expect.poll(yearsShown).toBeLessThan(all);
  await page.keyboard.press('End');
  await expect.poll(focused).not.toBe(first);
  const end = await focused();
  const inView = () =>
    page.evaluate((key) => {
      const bar = document.querySelector(`[data-key="${CSS.escape(key)}"]`)!.getBoundingClientRect();
      const svg = document.querySelector('[data-testid="timeline-svg"]')!.getBoundingClientRect();
      return bar.left >= svg.left && bar.right <= svg.right;
    }, end!);
  await expect.poll(inView).toBe(true);
  await snap('timeline-keyboard-focus');

  // Escape leaves the bars for the chart, where the arrows pan again.
  await page.keyboard.press('Escape');
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
    .toBe('timeline-svg');
  const before = await span.textContent();
  await page.keyboard.press('ArrowLeft');
  await expect(span).not.toHaveText(before!);

  // Tab comes back to the last bar; Enter opens its page.
  await page.keyboard.press('Tab');
  await expect.poll(focused).toBe(end);
  const endId = await page.locator(`.timeline-mark[data-key="${end}"]`).getAttribute('data-id');
  await page.keyboard.press('Enter');
  await reader.waitForPage();
  expect(await reader.route()).toContain(endId!);

  // The lineage graph: the centre page is the Tab stop, arrows move along the graph, Enter opens.
  const graph = await server.api.evolution.getLineage([], 0);
  const edge = graph.edges.find((e) => e.kind === 'replaced-by')!;
  await reader.openPage(edge.from);
  const panel = page.getByTestId('evolution-panel');
  await panel.getByTestId('lineage-graph-toggle').click();
  const lineage = page.getByTestId('lineage-graph');
  await expect(lineage.locator('.lineage-node[tabindex="0"]')).toHaveAttribute('data-id', edge.from);
  await lineage.locator('.lineage-node[tabindex="0"]').focus();
  const focusedNode = () => page.evaluate(() => document.activeElement?.getAttribute('data-id') ?? null);
  await expect(lineage.locator(`.lineage-node[data-id="${edge.from}"]`)).toHaveAttribute(
    'aria-label',
    new RegExp(graph.nodes.find((n) => n.id === edge.from)!.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
  );
  await page.keyboard.press('ArrowRight');
  await expect.poll(focusedNode).not.toBe(edge.from);
  const next = (await focusedNode())!;
  await snap('lineage-keyboard-focus');
  await expect(lineage.locator('.lineage-node[tabindex="0"]')).toHaveAttribute('data-id', next);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(focusedNode).toBe(edge.from);
  await page.keyboard.press('ArrowRight');
  await expect.poll(focusedNode).toBe(next);
  await page.keyboard.press('Escape');
  await expect.poll(focusedNode).toBeNull();
  const nextNode = graph.nodes.find((n) => n.id === next);
  if (nextNode && !nextNode.redirect) {
    await lineage.locator(`.lineage-node[data-id="${next}"]`).focus();
    await page.keyboard.press('Enter');
    await reader.waitForPage(nextNode.title);
    expect(await reader.route()).toContain(next);
  }
});
