import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { ContentStatus, NavNode, PageId, PageSummary } from '../../../shared/domain';
import { api } from '../api';
import { messageOf } from './errors';

/**
 * What is loaded: status and navigation tree (the shell needs them at once), and the page
 * list (the catalogue's source), fetched only when a view asks for it: it is the largest
 * start-up answer and would otherwise sit in front of the first page on the way to the first paint.
 */
export const useContentStore = defineStore('content', () => {
  const status = ref<ContentStatus | null>(null);
  const nav = ref<NavNode[]>([]);
  const pages = ref<PageSummary[]>([]);
  const loading = ref(false);
  const pagesLoading = ref(false);
  const error = ref<string | null>(null);
  let pagesWanted = false;
  let pagesLoad: Promise<void> | null = null;

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

  async function fetchPages(): Promise<void> {
    pagesLoading.value = true;
    try {
      pages.value = await api.content.listPages();
    } catch (e) {
      error.value = messageOf(e);
      pagesLoad = null; // let the next ask try again
    } finally {
      pagesLoading.value = false;
    }
  }

  /** Loads the page list once; views that show it call this when they open. */
  function ensurePages(): Promise<void> {
    pagesWanted = true;
    return (pagesLoad ??= fetchPages());
  }

  /** Loads status and tree (and the page list, when a view asked for it and it failed). */
  async function load(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      const [s, n] = await Promise.all([api.content.getStatus(), api.content.getNav()]);
      status.value = s;
      nav.value = n;
    } catch (e) {
      error.value = messageOf(e);
    } finally {
      loading.value = false;
    }
    // A page list that failed to load is asked for again ("Try again" calls this).
    if (pagesWanted && !pagesLoad && !error.value) await ensurePages();
  }

  return {
    status,
    nav,
    pages,
    loading,
    pagesLoading,
    error,
    pagesById,
    isEmpty,
    navPathTo,
    ensurePages,
    load,
  };
});
