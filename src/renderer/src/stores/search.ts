import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { SearchFilters, SearchResponse } from '../../../shared/contract';
import { api } from '../api';
import { messageOf } from './errors';
import { latestAnswer } from './latest-answer';

/** Full-text search for the search page. */
export const useSearchStore = defineStore('search', () => {
  const text = ref('');
  const filters = ref<SearchFilters>({});
  const response = ref<SearchResponse | null>(null);
  const loading = ref(false);
  const error = ref<string | null>(null);

  const answers = latestAnswer();

  async function search(query: string, withFilters: SearchFilters = {}, limit = 50): Promise<void> {
    const mine = answers.next();
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
      if (!mine.isLatest()) return;
      response.value = r;
      error.value = null;
    } catch (e) {
      if (mine.isLatest()) error.value = messageOf(e);
    } finally {
      if (mine.isLatest()) loading.value = false;
    }
  }

  return {
    text,
    filters,
    response,
    loading,
    error,
    search,
  };
});
