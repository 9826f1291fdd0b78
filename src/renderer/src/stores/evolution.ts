import { defineStore } from 'pinia';
import { computed, ref, shallowRef, watch } from 'vue';
import type { LineageGraph, TimelineItem } from '../../../shared/contract';
import type { PageId } from '../../../shared/domain';
import { api } from '../api';
import { useContentStore } from './content';
import { messageOf } from './errors';
import {
  applyTimelineFilter,
  defaultTimelineFilter,
  type TimelineFilter,
  type TimelineTier,
} from './timeline-model';

/**
 * Timeline facts and lineage graphs. Both are derived from content.db, so they are dropped
 * whenever the loaded content changes (an import or a content update) and fetched again.
 */
export const useEvolutionStore = defineStore('evolution', () => {
  const content = useContentStore();
  const items = shallowRef<TimelineItem[]>([]);
  const loading = ref(false);
  const error = ref<string | null>(null);
  const filter = ref<TimelineFilter>(defaultTimelineFilter());
  const mode = ref<'chart' | 'table'>('chart');
  const lineage = shallowRef(new Map<string, LineageGraph>());
  let timelineLoad: Promise<void> | null = null;

  const visible = computed(() => applyTimelineFilter(items.value, filter.value));

  watch(
    () => `${content.status?.commit ?? ''}|${content.status?.importedAt ?? ''}`,
    (now, before) => {
      if (before === undefined || now === before) return;
      timelineLoad = null;
      lineage.value = new Map();
      if (items.value.length > 0) void ensureTimeline();
    },
  );

  async function fetchTimeline(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      items.value = await api.evolution.getTimeline();
    } catch (e) {
      error.value = messageOf(e);
      timelineLoad = null;
    } finally {
      loading.value = false;
    }
  }

  /** Loads the timeline once per content state. */
  function ensureTimeline(): Promise<void> {
    return (timelineLoad ??= fetchTimeline());
  }

  /** The lineage around one page (`depth` edges out), fetched once per page and depth. */
  async function lineageOf(id: PageId, depth: number): Promise<LineageGraph> {
    const key = `${depth}:${id}`;
    const known = lineage.value.get(key);
    if (known) return known;
    const graph = await api.evolution.getLineage([id], depth);
    lineage.value = new Map(lineage.value).set(key, graph);
    return graph;
  }

  function toggleTier(tier: TimelineTier): void {
    const t = filter.value.tiers;
    filter.value.tiers = t.includes(tier) ? t.filter((x) => x !== tier) : [...t, tier];
  }

  function resetFilter(): void {
    filter.value = defaultTimelineFilter();
  }

  return { items, loading, error, filter, mode, visible, ensureTimeline, lineageOf, toggleTier, resetFilter };
});
