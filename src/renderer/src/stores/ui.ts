import { defineStore } from 'pinia';
import { ref } from 'vue';

/** Which overlays are open: quick switcher, shortcut sheet, find bar. */
export const useUiStore = defineStore('ui', () => {
  const switcherOpen = ref(false);
  const shortcutsOpen = ref(false);
  const findOpen = ref(false);
  /** Bumped to ask the search box to take focus (the `/` shortcut). */
  const searchFocusRequest = ref(0);

  function openSwitcher(): void {
    shortcutsOpen.value = false;
    switcherOpen.value = true;
  }
  function closeSwitcher(): void {
    switcherOpen.value = false;
  }
  function toggleShortcuts(): void {
    shortcutsOpen.value = !shortcutsOpen.value;
  }
  function closeShortcuts(): void {
    shortcutsOpen.value = false;
  }
  function openFind(): void {
    findOpen.value = true;
  }
  function closeFind(): void {
    findOpen.value = false;
  }
  function focusSearch(): void {
    searchFocusRequest.value++;
  }

  return {
    switcherOpen,
    shortcutsOpen,
    findOpen,
    searchFocusRequest,
    openSwitcher,
    closeSwitcher,
    toggleShortcuts,
    closeShortcuts,
    openFind,
    closeFind,
    focusSearch,
  };
});
