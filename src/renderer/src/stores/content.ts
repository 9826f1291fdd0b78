import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { ContentStatus, NavNode, PageId, PageSummary } from '../../../shared/domain';
import { api } from '../api';
import { messageOf } from './errors';

/** What is loaded: status, navigation tree and the page list (the catalogue's source). */
export const useContentStore = defineStore('content', () => {
  const status = ref<ContentStatus | null>(null);
  const nav = ref<NavNode[]>([]);
  const pages = ref<PageSummary[]>([]);
  const loading = ref(false);
  const error = ref<string | null>(null);

  const pagesById = computed(() => new Map(pages.value.map((p) => [p.id, p])));
  const isEmpty = computed(() => status.value !== null && status.value.pages === 0);

  /** Nav nodes from the root to the node of `id` (the first place it appears), or []. */
  function navPathTo(id: PageId): NavNode[] {
    const walk = (nodes: NavNode[], trail: NavNode[]): NavNode[] | null => {
      for (const node of nodes) {
        const here = [...trail, node];
        if (node.pageId === id) return here;
        const found = walk(node.children, here);
        if (found) return found;
      }
      return null;
    };
    return walk(nav.value, []) ?? [];
  }

  async function load(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      const [s, n, p] = await Promise.all([api.content.getStatus(), api.content.getNav(), api.content.listPages()]);
      status.value = s;
      nav.value = n;
      pages.value = p;
    } catch (e) {
      error.value = messageOf(e);
    } finally {
      loading.value = false;
    }
  }

  return { status, nav, pages, loading, error, pagesById, isEmpty, navPathTo, load };
});
