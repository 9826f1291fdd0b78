import { drawAllDiagrams } from './page-html';

/**
 * Gets the shown page ready for paper: light theme (dark backgrounds are not printed, and
 * diagrams drawn for dark would be light on white), every diagram drawn (on screen they are
 * drawn only near the viewport) and each tab panel labelled with its tab's name. Returns
 * the function that puts the screen back as it was. The print stylesheet does the rest.
 */
export async function preparePrint(root: HTMLElement = document.documentElement): Promise<() => void> {
  const html = document.documentElement;
  const theme = html.dataset.theme;
  const scheme = html.style.colorScheme;
  html.dataset.theme = 'light';
  // A dark color-scheme would paint the paper's margins dark.
  html.style.colorScheme = 'light';
  const labelled: HTMLElement[] = [];
  for (const set of root.querySelectorAll<HTMLElement>('.tabbed-set')) {
    const tabs = set.querySelectorAll<HTMLElement>(':scope > .tabbed-labels > [role="tab"]');
    set.querySelectorAll<HTMLElement>(':scope > [role="tabpanel"]').forEach((panel, i) => {
      const label = tabs[i]?.textContent?.trim();
      if (!label) return;
      panel.dataset.printLabel = label;
      labelled.push(panel);
    });
  }
  await drawAllDiagrams(root);
  return () => {
    if (theme === undefined) delete html.dataset.theme;
    else html.dataset.theme = theme;
    html.style.colorScheme = scheme;
    for (const panel of labelled) delete panel.dataset.printLabel;
  };
}

/**
 * Prints the shown page (the browser's or the desktop's print dialog, which can also save a
 * PDF). The screen is put back once the print is done (`afterprint`), not when `print()`
 * returns: not every browser blocks in `print()` until the copy for paper is taken.
 */
export async function printPage(): Promise<void> {
  const restore = await preparePrint();
  window.addEventListener('afterprint', restore, { once: true });
  window.print();
}
