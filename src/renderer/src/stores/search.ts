import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { QuickSwitchHit, SearchFilters, SearchResponse } from '../../../shared/contract';
import { api } from '../api';
import { messageOf } from './errors';

/** Most quick-switcher matches shown: they fit the dialog without scrolling, and a short list renders in well under a frame. */
export const SWITCHER_LIMIT = 10;

/** Full-text search (the search page and the instant results) and the quick switcher. */
export const useSearchStore = defineStore('search', () => {
  const text = ref('');
  const filters = ref<SearchFilters>({});
  const response = ref<SearchResponse | null>(null);
  const loading = ref(false);
  const error = ref<string | null>(null);

  const instantText = ref('');
  const instant = ref<SearchResponse | null>(null);
  const instantError = ref<string | null>(null);

  const switcherHits = ref<QuickSwitchHit[]>([]);
  const switcherText = ref<string | null>(null);
  const switcherError = ref<string | null>(null);
  /** Answers already seen while the switcher is open (typing back over a prefix shows them at once). */
  const switchCache = new Map<string, QuickSwitchHit[]>();
  let latestSwitch: Promise<void> = Promise.resolve();

  let searchGen = 0;
  let instantGen = 0;
  let switchGen = 0;
  let shownSwitchGen = 0;

  async function search(query: string, withFilters: SearchFilters = {}, limit = 50): Promise<void> {
    const mine = ++searchGen;
    text.value = query;
    filters.value = withFilters;
    if (!query.trim()) {
      response.value = null;
      error.value = null;
      loading.value = false;
      return;
    }
    loading.value = true;
    try {
      const r = await api.search.search({ text: query, filters: withFilters, limit });
      if (mine !== searchGen) return;
      response.value = r;
      error.value = null;
    } catch (e) {
      if (mine === searchGen) error.value = messageOf(e);
    } finally {
      if (mine === searchGen) loading.value = false;
    }
  }

  async function searchInstant(query: string): Promise<void> {
    const mine = ++instantGen;
    instantText.value = query;
    if (!query.trim()) {
      instant.value = null;
      return;
    }
    try {
      const r = await api.search.search({ text: query, limit: 8 });
      if (mine !== instantGen) return;
      instant.value = r;
      instantError.value = null;
    } catch (e) {
      if (mine === instantGen) instantError.value = messageOf(e);
    }
  }

  function clearInstant(): void {
    instantGen++;
    instant.value = null;
    instantText.value = '';
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
   * Quick-switcher matches for `query`, asked at every keystroke (no debounce). An answer is
   * shown if it is newer than the one on screen, so while typing fast each answer that
   * arrives still moves the list on, and a late answer to an older keystroke never
   * replaces a newer one. A text asked before is answered from the cache at once.
   */
  function quickSwitch(query: string): Promise<void> {
    const mine = ++switchGen;
    const cached = switchCache.get(query);
    if (cached) {
      shownSwitchGen = mine;
      showSwitch(query, cached);
      latestSwitch = Promise.resolve();
      return latestSwitch;
    }
    latestSwitch = api.search.quickSwitch(query, SWITCHER_LIMIT).then(
      (hits) => {
        if (switchCache.size >= 200) switchCache.clear();
        switchCache.set(query, hits);
        if (mine < shownSwitchGen) return;
        shownSwitchGen = mine;
        showSwitch(query, hits);
      },
      (e: unknown) => {
        if (mine === switchGen) switcherError.value = messageOf(e);
      },
    );
    return latestSwitch;
  }

  /** Resolves once the answer to the latest switcher query is in (Enter opens what was typed, not an older list). */
  function switcherSettled(): Promise<void> {
    return latestSwitch;
  }

  return {
    text,
    filters,
    response,
    loading,
    error,
    instantText,
    instant,
    instantError,
    switcherHits,
    switcherText,
    switcherError,
    search,
    searchInstant,
    clearInstant,
    quickSwitch,
    resetSwitcher,
    switcherSettled,
  };
});
