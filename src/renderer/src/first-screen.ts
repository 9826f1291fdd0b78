import { prefetch } from './api';
import { parsePageRoute } from '../../shared/routes';
import type { PageId } from '../../shared/domain';

// main.ts imports this module first, so it runs before Vue, the views and the stores are
// evaluated: the first screen's reads are sent at once and travel while the rest of the
// script runs and the shell is set up; the stores then take the answers (see `prefetch`).

// Follow the system theme from the first paint; the stored choice is applied once settings load.
document.documentElement.dataset.theme = window.matchMedia('(prefers-color-scheme: dark)').matches
  ? 'dark'
  : 'light';

const first = parsePageRoute(window.location.hash);
if (first) {
  void prefetch.content.getPages([first.id]);
  void prefetch.user.getReadingState(first.id);
}
void prefetch.user.getSettings();
void prefetch.content.getStatus();
void prefetch.content.getNav();

/** The page the window was opened on, if any. */
export const firstPage: PageId | null = first?.id ?? null;
