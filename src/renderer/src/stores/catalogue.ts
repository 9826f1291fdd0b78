import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import type { Tier } from '../../../shared/domain';
import { isCatalogueEntry } from '../../../shared/page-kinds';
import { useContentStore } from './content';
import { useSettingsStore } from './settings';
import {
  applyFilter,
  defaultFilter,
  facetCounts,
  filterFromSetting,
  filterToSetting,
  type CatalogueFilter,
  type Facet,
  type SortKey,
} from './catalogue-filter';

const SETTING_KEY = 'catalogue.filter';

/** The pattern catalogue: tier/facet/text filters and sort, remembered in user.db. */
export const useCatalogueStore = defineStore('catalogue', () => {
  const content = useContentStore();
  const settings = useSettingsStore();
  const filter = ref<CatalogueFilter>(defaultFilter());
  const restored = ref(false);

  const patterns = computed(() => content.pages.filter(isCatalogueEntry));
  const visible = computed(() => applyFilter(patterns.value, filter.value));
  const counts = computed(() => facetCounts(patterns.value, filter.value));

  /** Takes the remembered filter from settings (call once settings are loaded). */
  function restore(): void {
    if (restored.value) return;
    filter.value = filterFromSetting(settings.values[SETTING_KEY]);
    stored = JSON.stringify(filterToSetting(filter.value));
    restored.value = true;
  }

  /** The filter as user.db holds it: restoring it, or changing it back, writes nothing. */
  let stored = '';
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  watch(
    filter,
    (f) => {
      if (!restored.value) return;
      clearTimeout(saveTimer);
      const value = filterToSetting(f);
      if (JSON.stringify(value) === stored) return;
      saveTimer = setTimeout(() => {
        stored = JSON.stringify(value);
        void settings.set(SETTING_KEY, value);
      }, 250);
    },
    { deep: true },
  );

  function toggleTier(tier: Tier): void {
    const t = filter.value.tiers;
    filter.value.tiers = t.includes(tier) ? t.filter((x) => x !== tier) : [...t, tier];
  }

  function toggleFacet(facet: Facet, value: string): void {
    const list = filter.value[facet];
    filter.value[facet] = list.includes(value) ? list.filter((x) => x !== value) : [...list, value];
  }

  function setText(text: string): void {
    filter.value.text = text;
  }

  function setSort(sort: SortKey): void {
    filter.value.sort = sort;
  }

  /** Shows only the given tiers (used by links like "see bronze patterns"). */
  function showOnlyTiers(tiers: Tier[]): void {
    filter.value = { ...defaultFilter(), sort: filter.value.sort, tiers };
  }

  function reset(): void {
    filter.value = defaultFilter();
  }

  return {
    filter,
    restored,
    patterns,
    visible,
    counts,
    restore,
    toggleTier,
    toggleFacet,
    setText,
    setSort,
    showOnlyTiers,
    reset,
  };
});
