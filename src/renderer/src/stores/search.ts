import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { QuickSwitchHit, SearchFilters, SearchResponse } from '../../../shared/contract';
import { api } from '../api';
import { messageOf } from './errors';

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
  const switcherError = ref<string | null>(null);

  let searchGen = 0;
  let instantGen = 0;
  let switchGen = 0;

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

  async function quickSwitch(query: string): Promise<void> {
    const mine = ++switchGen;
    try {
      const hits = await api.search.quickSwitch(query, 12);
      if (mine !== switchGen) return;
      switcherHits.value = hits;
      switcherError.value = null;
    } catch (e) {
      if (mine === switchGen) switcherError.value = messageOf(e);
    }
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
    switcherError,
    search,
    searchInstant,
    clearInstant,
    quickSwitch,
  };
});
