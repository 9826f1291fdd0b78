import { defineStore } from 'pinia';
import { ref } from 'vue';

/** Which overlays are open (quick switcher, shortcut sheet, find bar), and whether the first page is shown. */
export const useUiStore = defineStore('ui', () => {
  const switcherOpen = ref(false);
  const shortcutsOpen = ref(false);
  const findOpen = ref(false);
  /** Bumped to ask the search box to take focus (the `/` shortcut). */
  const searchFocusRequest = ref(0);
  /**
   * Set once the first page (or the first screen elsewhere) has been painted. The navigation
   * tree waits for it: its few hundred components cost more than the page itself to create
   * in a cold window, and the page is what the reader opened the window for.
   */
  const firstScreenShown = ref(false);

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
  function markFirstScreenShown(): void {
    firstScreenShown.value = true;
  }

  return {
    switcherOpen,
    shortcutsOpen,
    findOpen,
    searchFocusRequest,
    firstScreenShown,
    openSwitcher,
    closeSwitcher,
    toggleShortcuts,
    closeShortcuts,
    openFind,
    closeFind,
    focusSearch,
    markFirstScreenShown,
  };
});
