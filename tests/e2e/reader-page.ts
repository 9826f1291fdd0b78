import { expect, type Locator, type Page } from '@playwright/test';
import { routeOf } from '../../src/shared/routes';
import { ID_PREFIX } from '../../src/renderer/src/page-html/sanitize';

/** One field of the report composer, by its path (`company`, `outcomes.performance`, `phases.0.name`). */
export function reportField(page: Page, path: string): Locator {
  return page.locator(`#report-field-${path.replace(/\./g, '-')}`);
}

/** The reader as a user sees it: the shell's parts and the views, by role and label. */
export class ReaderPage {
  readonly sidebar: Locator;
  readonly tree: Locator;
  readonly main: Locator;
  readonly searchBox: Locator;
  readonly instantResults: Locator;
  readonly content: Locator;
  readonly title: Locator;
  readonly toc: Locator;

  constructor(
    readonly page: Page,
    readonly url: string,
  ) {
    this.sidebar = page.locator('aside.side-nav');
    this.tree = page.getByRole('navigation', { name: 'Contents' });
    this.main = page.getByRole('main');
    this.searchBox = page.getByRole('combobox', { name: 'Search the knowledge base' });
    this.instantResults = page.getByRole('listbox', { name: 'Instant results' });
    this.content = page.getByTestId('page-content');
    this.title = page.locator('#page-title');
    this.toc = page.getByRole('navigation', { name: 'On this page' });
  }

  /** Opens the app at a hash route ('/' is home). */
  async open(route = '/'): Promise<void> {
    await this.page.goto(`${this.url}#${route}`);
    await expect(this.page.locator('.app-shell')).toBeVisible();
  }

  async openPage(id: string, anchor: string | null = null): Promise<void> {
    await this.open(routeOf(id, anchor).slice(1));
    await this.waitForPage();
  }

  async waitForPage(title?: string): Promise<void> {
    await expect(this.content).toBeVisible();
    // The page has taken its starting position (restored scroll or anchor): scrolling
    // before that would race the restore.
    await expect(this.page.locator('article.page-article[data-positioned]')).toBeAttached();
    if (title) await expect(this.title).toHaveText(title);
  }

  /** "Report your usage" on a pattern page: the composer opens with the page in its Pattern field. */
  async openUsageReport(pageId: string): Promise<void> {
    await this.openPage(pageId);
    await this.page.getByTestId('report-usage').click();
    await expect(this.page).toHaveURL(/#\/reports\/[A-Za-z0-9-]+$/);
    await expect(reportField(this.page, 'pattern')).toHaveValue(pageId);
  }

  /** The current route, after the `#`. */
  async route(): Promise<string> {
    return decodeURIComponent(new URL(this.page.url()).hash.slice(1));
  }

  /** Expands tree sections by their titles, in order. */
  async expandTree(trail: string[]): Promise<void> {
    for (const title of trail) {
      const toggle = this.tree.getByRole('button', { name: `Expand ${title}`, exact: true });
      if (await toggle.count()) await toggle.first().click();
    }
  }

  treeLink(title: string): Locator {
    return this.tree.getByRole('link', { name: title, exact: true });
  }

  /** The element an anchor points at (the sanitiser may prefix ids in the DOM). */
  anchorTarget(id: string): Locator {
    return this.content.locator(`[id="${ID_PREFIX}${id}"], [id="${id}"]`).first();
  }

  get switcher(): Locator {
    return this.page.getByRole('dialog', { name: 'Go to page' });
  }

  get switcherInput(): Locator {
    return this.page.getByTestId('switcher-input');
  }

  get tierBanner(): Locator {
    return this.page.getByTestId('tier-banner');
  }

  themeToggle(): Locator {
    return this.page.getByTestId('theme-toggle');
  }

  async theme(): Promise<string | undefined> {
    return this.page.evaluate(() => document.documentElement.dataset.theme);
  }

  /** Scroll position of the reading pane, 0..1. */
  async scrollRatio(): Promise<number> {
    return this.main.evaluate((el) => el.scrollTop / Math.max(1, el.scrollHeight - el.clientHeight));
  }

  /** True when the element's top is inside the reading pane's viewport. */
  async isInView(locator: Locator): Promise<boolean> {
    return locator.evaluate((el) => {
      const main = document.getElementById('main')!.getBoundingClientRect();
      const r = el.getBoundingClientRect();
      return r.top >= main.top - 2 && r.top < main.bottom - 20;
    });
  }
}
