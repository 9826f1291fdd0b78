import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { SearchResponse } from '../../../shared/contract';
import { api } from '../api';
import { messageOf } from './errors';
import { latestAnswer } from './latest-answer';

/** The instant results under the search box. */
export const useInstantSearchStore = defineStore('instant-search', () => {
  const instantText = ref('');
  const instant = ref<SearchResponse | null>(null);
  const instantError = ref<string | null>(null);

  const answers = latestAnswer();

  async function searchInstant(query: string): Promise<void> {
    const mine = answers.next();
    instantText.value = query;
    if (!query.trim()) {
      instant.value = null;
      return;
    }
    try {
      const r = await api.search.search({ text: query, limit: 8 });
      if (!mine.isLatest()) return;
      instant.value = r;
      instantError.value = null;
    } catch (e) {
      if (mine.isLatest()) instantError.value = messageOf(e);
    }
  }

  function clearInstant(): void {
    answers.invalidate();
    instant.value = null;
    instantText.value = '';
  }

  return {
    instantText,
    instant,
    instantError,
    searchInstant,
    clearInstant,
  };
});
