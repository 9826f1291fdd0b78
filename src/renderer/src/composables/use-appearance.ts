import { onBeforeUnmount, watchEffect, ref } from 'vue';
import { useSettingsStore } from '../stores/settings';

/**
 * Applies the theme choice (light, dark, or following the system) as `data-theme` on
 * <html> — the content CSS and the diagrams key off it — and the zoom as the root font
 * size, which every rem-based size follows.
 */
export function useAppearance(): void {
  const settings = useSettingsStore();
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  const systemDark = ref(media.matches);
  const onChange = (e: MediaQueryListEvent) => (systemDark.value = e.matches);
  media.addEventListener('change', onChange);
  onBeforeUnmount(() => media.removeEventListener('change', onChange));

  watchEffect(() => {
    const root = document.documentElement;
    const resolved = settings.theme === 'system' ? (systemDark.value ? 'dark' : 'light') : settings.theme;
    root.dataset.theme = resolved;
    root.dataset.themeChoice = settings.theme;
    root.style.colorScheme = resolved;
    root.style.fontSize = `${Math.round(settings.zoom * 100)}%`;
  });
}
