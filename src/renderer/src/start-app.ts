import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';
import { createAppRouter } from './router';
import { usePageStore } from './stores/page';
import type { PageId } from '../../shared/domain';

/** Longest the first mount waits for the first page, so a slow answer still shows the shell soon. */
const FIRST_PAGE_WAIT_MS = 150;

/**
 * Creates and mounts the app, once main.ts has sent the first screen's reads; `firstPage` is
 * the page the window was opened on, if any.
 */
export async function startApp(firstPage: PageId | null): Promise<void> {
  // Vue Router follows the address only once its first navigation is done, and ends that
  // navigation by writing its own address back: an address changed in between (a link
  // followed while a lazily loaded first view loads) would be lost. It is noted here and
  // followed once the router is ready.
  let movedTo: string | null = null;
  const noteMove = () => (movedTo = window.location.hash.slice(1) || '/');
  window.addEventListener('hashchange', noteMove);
  const pinia = createPinia();
  const router = createAppRouter();
  const app = createApp(App).use(pinia).use(router);
  void router.isReady().then(() => {
    window.removeEventListener('hashchange', noteMove);
    if (movedTo !== null && movedTo !== router.currentRoute.value.fullPath) void router.replace(movedTo);
  });
  if (firstPage) {
    // The page was asked for before the app's modules ran, so its answer is usually here or
    // nearly: mounting with it renders and lays out the window once, with the content,
    // rather than the empty shell first and the page again a moment later.
    const opened = usePageStore(pinia).open(firstPage);
    await Promise.race([opened, new Promise((done) => setTimeout(done, FIRST_PAGE_WAIT_MS))]);
  }
  app.mount('#app');
}
