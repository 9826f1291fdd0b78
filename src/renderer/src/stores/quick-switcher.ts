import { defineStore } from 'pinia';
import { ref, watch } from 'vue';
import type { QuickSwitchHit } from '../../../shared/contract';
import type { PageId } from '../../../shared/domain';
import type { QuickSwitchIndex } from '../../../shared/quick-switch-matcher';
import { api } from '../api';
import { messageOf } from './errors';
import { useContentStore } from './content';
import { latestAnswer } from './latest-answer';
import { useLibraryStore } from './library';

/** Most quick-switcher matches shown: they fit the dialog without scrolling, and a short list renders in well under a frame. */
export const SWITCHER_LIMIT = 10;
/** Recent pages the switcher lists for an empty box and ranks first. */
const SWITCHER_RECENT = 20;

/** Runs `task` when the browser is next idle. */
function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 5000 });
  else setTimeout(task, 200);
}

/** How long after start-up the switcher's data is fetched: well after the first page is in, whose requests it must not slow. */
const SWITCHER_PRELOAD_DELAY_MS = 1000;

/** The quick switcher's matches, from the main side until its data is loaded, then computed locally. */
export const useQuickSwitcherStore = defineStore('quick-switcher', () => {
  const switcherHits = ref<QuickSwitchHit[]>([]);
  const switcherText = ref<string | null>(null);
  const switcherError = ref<string | null>(null);
  /** Answers already seen while the switcher is open (typing back over a prefix shows them at once). */
  const switchCache = new Map<string, QuickSwitchHit[]>();
  let latestSwitch: Promise<void> = Promise.resolve();
  /** The shared matcher over data loaded once: keystrokes are then answered in their own task. */
  let local: QuickSwitchIndex | null = null;
  let localLoad: Promise<void> | null = null;
  /** Each load takes a ticket; a content change invalidates them, so a stale load never installs its data. */
  const dataLoads = latestAnswer();
  /** Recent pages as main knew them when the data was loaded (visits since come from the library store). */
  let loadedRecent: PageId[] = [];
  /** Whether the switcher matches locally yet (until then each keystroke asks the main side). */
  const switcherLocal = ref(false);

  const switchAnswers = latestAnswer();

  /**
   * Loads what the switcher matches against (once; again after a failure) and indexes it in a
   * later idle slot, so neither the transfer nor the indexing delays anything the user waits for.
   */
  function loadSwitcherData(): Promise<void> {
    if (localLoad) return localLoad;
    const mine = dataLoads.next();
    localLoad = (async () => {
      try {
        // The matcher (and minisearch) is its own chunk: start-up does not load or parse it.
        const [data, { QuickSwitchIndex }] = await Promise.all([
          api.search.quickSwitchData(),
          import('../../../shared/quick-switch-matcher'),
        ]);
        await new Promise<void>((idle) => whenIdle(idle));
        if (!mine.isLatest()) return; // the content changed meanwhile: a newer load is on its way
        local = new QuickSwitchIndex(data);
        // Compiles the matching code now, while idle, not on the first keystroke.
        local.find('e', SWITCHER_LIMIT, []);
        loadedRecent = data.recent;
        switcherLocal.value = true;
      } catch {
        if (mine.isLatest()) localLoad = null; // keystrokes keep asking main; the next opening retries
      }
    })();
    return localLoad;
  }

  // New content (a re-import or an update, after which the content store reloads its status):
  // the loaded data is stale, so keystrokes ask main again until the new data is in.
  watch(
    () => useContentStore().status?.importedAt,
    (now, before) => {
      if (before === undefined || now === before || !localLoad) return;
      local = null;
      localLoad = null;
      dataLoads.invalidate();
      switcherLocal.value = false;
      preloadSwitcher();
    },
  );

  /** Starts loadSwitcherData once the browser is idle after start-up. */
  function preloadSwitcher(): void {
    setTimeout(() => whenIdle(() => void loadSwitcherData()), SWITCHER_PRELOAD_DELAY_MS);
  }

  function recentIds(): PageId[] {
    const ids = [...new Set([...useLibraryStore().recentIds, ...loadedRecent])];
    return ids.slice(0, SWITCHER_RECENT);
  }

  /** Forgets cached switcher answers (recent pages may have changed): call when the switcher opens. */
  function resetSwitcher(): void {
    switchCache.clear();
    switcherText.value = null;
  }

  function showSwitch(query: string, hits: QuickSwitchHit[]): void {
    switcherHits.value = hits;
    switcherText.value = query;
    switcherError.value = null;
  }

  /**
   * Quick-switcher matches for `query`, at every keystroke (no debounce). Once the switcher's
   * data is loaded they are computed here, synchronously, so the list changes in the
   * keystroke's own task. Until then main is asked: an answer is shown if it is newer than
   * the one on screen, so while typing fast each answer that arrives still moves the list
   * on, and a late answer to an older keystroke never replaces a newer one. A text asked
   * before is answered from the cache at once.
   */
  function quickSwitch(query: string): Promise<void> {
    const mine = switchAnswers.next();
    if (local) {
      mine.claimScreen();
      showSwitch(query, local.find(query, SWITCHER_LIMIT, recentIds()));
      latestSwitch = Promise.resolve();
      return latestSwitch;
    }
    const cached = switchCache.get(query);
    if (cached) {
      mine.claimScreen();
      showSwitch(query, cached);
      latestSwitch = Promise.resolve();
      return latestSwitch;
    }
    latestSwitch = api.search.quickSwitch(query, SWITCHER_LIMIT).then(
      (hits) => {
        if (switchCache.size >= 200) switchCache.clear();
        switchCache.set(query, hits);
        if (!mine.claimScreen()) return;
        showSwitch(query, hits);
      },
      (e: unknown) => {
        if (mine.isLatest()) switcherError.value = messageOf(e);
      },
    );
    return latestSwitch;
  }

  /** Resolves once the answer to the latest switcher query is in (Enter opens what was typed, not an older list). */
  function switcherSettled(): Promise<void> {
    return latestSwitch;
  }

  return {
    switcherHits,
    switcherText,
    switcherError,
    switcherLocal,
    quickSwitch,
    resetSwitcher,
    loadSwitcherData,
    preloadSwitcher,
    switcherSettled,
  };
});
