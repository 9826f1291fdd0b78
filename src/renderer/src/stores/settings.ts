import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { SettingValue } from '../../../shared/contract';
import { api } from '../api';
import { messageOf } from './errors';

export const THEMES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEMES)[number];

export const ZOOM_STEPS = [0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2] as const;

/** The user's settings, kept in user.db (theme, zoom, catalogue filters…). */
export const useSettingsStore = defineStore('settings', () => {
  const values = ref<Record<string, SettingValue>>({});
  const loaded = ref(false);
  const error = ref<string | null>(null);

  const theme = computed<ThemeChoice>(() => {
    const v = values.value.theme;
    return typeof v === 'string' && (THEMES as readonly string[]).includes(v) ? (v as ThemeChoice) : 'system';
  });
  const zoom = computed<number>(() => {
    const v = values.value.zoom;
    return typeof v === 'number' && v >= ZOOM_STEPS[0] && v <= ZOOM_STEPS[ZOOM_STEPS.length - 1]! ? v : 1;
  });

  async function load(): Promise<void> {
    try {
      values.value = await api.user.getSettings();
    } catch (e) {
      error.value = messageOf(e);
    } finally {
      loaded.value = true;
    }
  }

  /** Sets a value at once in the UI, then stores it; a failed write is reported, not hidden. */
  async function set(key: string, value: SettingValue): Promise<void> {
    values.value = { ...values.value, [key]: value };
    try {
      await api.user.setSetting(key, value);
      error.value = null;
    } catch (e) {
      error.value = `Could not save the setting "${key}": ${messageOf(e)}`;
    }
  }

  function cycleTheme(): Promise<void> {
    const next = THEMES[(THEMES.indexOf(theme.value) + 1) % THEMES.length]!;
    return set('theme', next);
  }

  function zoomBy(direction: 1 | -1): Promise<void> {
    const i = ZOOM_STEPS.findIndex((z) => z >= zoom.value - 1e-6);
    const next = ZOOM_STEPS[Math.min(ZOOM_STEPS.length - 1, Math.max(0, (i < 0 ? 4 : i) + direction))]!;
    return set('zoom', next);
  }

  function resetZoom(): Promise<void> {
    return set('zoom', 1);
  }

  return { values, loaded, error, theme, zoom, load, set, cycleTheme, zoomBy, resetZoom };
});
