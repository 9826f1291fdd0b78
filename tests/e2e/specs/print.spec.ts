import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, SCREENSHOTS } from '../fixtures';

/**
 * Print / Save as PDF through the print stylesheet: the real print command (Ctrl+P) prepares
 * the page, Chromium prints it to PDF with an outline, and poppler reads it back — the text,
 * the outline's headings in order, and the pages as pictures (saved for looking at).
 */
function poppler(tool: string, args: string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8' });
}

test('a page prints without the app around it, diagrams drawn, headings in order and in the outline', async ({
  reader,
  targets,
  page,
}, info) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await reader.openPage(targets.pattern.id);
  await expect.poll(() => reader.theme()).toBe('dark');
  const headings = await reader.content.locator('h2').allInnerTexts();
  expect(headings.length).toBeGreaterThan(2);
  const diagrams = await reader.content.locator('.mermaid-diagram').count();

  // window.print would open a dialog; the page's own preparation is what is under test.
  await page.evaluate(() => {
    window.print = () => void ((window as unknown as { printed: boolean }).printed = true);
  });
  await page.keyboard.press('Control+p');
  await page.waitForFunction(() => (window as unknown as { printed?: boolean }).printed === true);
  expect(await reader.theme(), 'printed in the light theme').toBe('light');
  await expect(reader.content.locator('.mermaid-diagram[data-state="done"][data-theme="light"]')).toHaveCount(
    diagrams,
  );

  const dir = mkdtempSync(join(tmpdir(), 'dstudio-print-'));
  try {
    const pdf = join(dir, 'page.pdf');
    await page.pdf({ path: pdf, format: 'A4', outline: true, tagged: true, printBackground: true });
    const text = poppler('pdftotext', ['-layout', pdf, '-']);

    // Headings present, in reading order.
    let at = 0;
    for (const h of headings) {
      const found = text.indexOf(h.trim(), at);
      expect(found, `heading "${h}" in order`).toBeGreaterThanOrEqual(at);
      at = found;
    }
    // No chrome: the side navigation, the page's buttons, the table of contents.
    for (const chrome of ['Mark as read', 'On this page', 'Skip to content', 'Keyboard shortcuts']) {
      expect(text, `"${chrome}" is chrome`).not.toContain(chrome);
    }
    // External link targets are written out.
    // (Read without waiting: the page may have no external link at all.)
    const external = await reader.content
      .locator('a[href^="https:"]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')).find(Boolean));
    if (external) expect(text.replace(/\s+/g, '')).toContain(external.replace(/\s+/g, ''));

    // The outline has the page's headings, in order.
    const xml = poppler('pdftohtml', ['-xml', '-stdout', '-i', '-q', pdf]);
    const outline = [...xml.slice(xml.indexOf('<outline>')).matchAll(/<item[^>]*>([^<]*)<\/item>/g)].map(
      (m) => m[1]!.replace(/&amp;/g, '&').trim(),
    );
    expect(outline.filter((t) => headings.map((h) => h.trim()).includes(t))).toEqual(
      headings.map((h) => h.trim()),
    );

    // The pages as pictures: saved for a look, and the diagram's area is drawn (not blank).
    const prefix = join(dir, 'page');
    poppler('pdftoppm', ['-png', '-r', '60', pdf, prefix]);
    const pngs = readdirSync(dir)
      .filter((f) => f.endsWith('.png'))
      .sort();
    expect(pngs.length).toBeGreaterThan(0);
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const [i, png] of pngs.slice(0, 3).entries()) {
      execFileSync('cp', [join(dir, png), join(SCREENSHOTS, `${info.project.name}-print-${i + 1}.png`)]);
    }
    if (diagrams > 0) {
      const svgText = (
        await reader.content
          .locator('.mermaid-diagram svg text, .mermaid-diagram svg .nodeLabel')
          .allTextContents()
      )
        .map((t) => t.trim())
        .filter((t) => t.length > 3);
      expect(svgText.length, 'the diagram has labels').toBeGreaterThan(0);
      expect(text.replace(/\s+/g, ''), 'a diagram label is in the PDF').toContain(
        svgText[0]!.replace(/\s+/g, ''),
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // The screen comes back once printing is done.
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect.poll(() => reader.theme()).toBe('dark');
});
