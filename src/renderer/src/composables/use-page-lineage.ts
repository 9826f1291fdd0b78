import { ref, watch } from 'vue';
import type { LineageGraph } from '../../../shared/contract';
import type { PageId } from '../../../shared/domain';
import { messageOf } from '../stores/errors';
import { useEvolutionStore } from '../stores/evolution';

/** How many steps out "Expand" may take the lineage graph. */
const MAX_DEPTH = 4;
/** Past this many nodes the graph is not expanded further (it stops being readable). */
const MAX_EXPANDED_NODES = 150;

/**
 * The lineage of the page `pageId()` names, reloaded when it changes: `graph` one step out
 * (what the panel lists), `shownGraph` as deep as the user expanded it (what the graph view
 * draws). An answer for a page no longer shown is dropped.
 */
export function usePageLineage(pageId: () => PageId) {
  const evolution = useEvolutionStore();
  const graph = ref<LineageGraph | null>(null);
  const shownGraph = ref<LineageGraph | null>(null);
  const depth = ref(1);
  const error = ref<string | null>(null);

  async function load(): Promise<void> {
    const id = pageId();
    error.value = null;
    try {
      const g = await evolution.lineageOf(id, 1);
      if (pageId() === id) {
        graph.value = g;
        shownGraph.value = g;
        depth.value = 1;
      }
    } catch (e) {
      error.value = messageOf(e);
    }
  }
  watch(
    pageId,
    () => {
      graph.value = null;
      shownGraph.value = null;
      void load();
      void evolution.ensureTimeline();
    },
    { immediate: true },
  );

  /** Whether "Expand" may go one step further. */
  const canExpand = (): boolean =>
    depth.value < MAX_DEPTH && (shownGraph.value?.nodes.length ?? 0) < MAX_EXPANDED_NODES;

  async function expand(): Promise<void> {
    if (depth.value >= MAX_DEPTH) return;
    try {
      shownGraph.value = await evolution.lineageOf(pageId(), depth.value + 1);
      depth.value += 1;
    } catch (e) {
      error.value = messageOf(e);
    }
  }

  return { graph, shownGraph, error, expand, canExpand };
}
