import { onBeforeUnmount, onMounted } from 'vue';
import { useRouter } from 'vue-router';
import type { AppCommandId } from '../../../shared/app-commands';
import { routeOf } from '../../../shared/routes';
import { onDesktopCommand, isDesktop, savePdfOnDesktop } from '../desktop';
import { preparePrint, printPage } from '../print';
import { useLibraryStore } from '../stores/library';
import { usePageStore } from '../stores/page';
import { useSettingsStore } from '../stores/settings';
import { useUiStore } from '../stores/ui';
import { useYourDataStore } from '../stores/your-data';

/**
 * What each app command does (src/shared/app-commands.ts). The keyboard shortcuts and the
 * desktop menu both run commands through the function this returns, so a command does the
 * same thing whichever way it was asked for.
 */
export function useAppCommands(): (id: AppCommandId) => void {
  const router = useRouter();
  const ui = useUiStore();
  const settings = useSettingsStore();
  const library = useLibraryStore();
  const pages = usePageStore();
  const yourData = useYourDataStore();

  const shownPage = () => (router.currentRoute.value.name === 'page' ? pages.page : null);

  async function savePdf(): Promise<void> {
    const page = shownPage();
    // A browser's print dialog is where it saves PDFs.
    if (!isDesktop || !page) return printPage();
    const restore = await preparePrint();
    try {
      await savePdfOnDesktop(`${page.title}.pdf`);
    } finally {
      restore();
    }
  }

  const actions: Record<AppCommandId, () => void | Promise<unknown>> = {
    'quick-switcher': () => ui.openSwitcher(),
    'focus-search': () => {
      if (!ui.switcherOpen) ui.focusSearch();
    },
    find: () => ui.openFind(),
    back: () => router.back(),
    forward: () => router.forward(),
    'zoom-in': () => settings.zoomBy(1),
    'zoom-out': () => settings.zoomBy(-1),
    'zoom-reset': () => settings.resetZoom(),
    'toggle-bookmark': () => {
      const page = shownPage();
      if (page) return library.toggleBookmark(page.id, page.title);
    },
    'show-bookmarks': () => router.push('/bookmarks'),
    print: () => printPage(),
    'save-pdf': savePdf,
    'theme-system': () => settings.set('theme', 'system'),
    'theme-light': () => settings.set('theme', 'light'),
    'theme-dark': () => settings.set('theme', 'dark'),
    // The content-updates view (route `sync`) is where updates are checked and applied.
    'check-for-updates': () => (router.hasRoute('sync') ? router.push({ name: 'sync' }) : undefined),
    // On the "Your data" view, where the export says where it went (or why it failed).
    'export-user-data': async () => {
      await router.push({ name: 'your-data' });
      return yourData.exportAll();
    },
    shortcuts: () => ui.toggleShortcuts(),
  };

  return (id) => void actions[id]();
}

/**
 * Runs what the desktop asks for while the app is mounted: menu commands, and pages opened
 * by a deep link (`dstudio://page/<id>#anchor`, already validated by main).
 */
export function useDesktopCommands(): void {
  const router = useRouter();
  const run = useAppCommands();
  const stop = new AbortController();
  onMounted(() =>
    onDesktopCommand((command) => {
      if (command.kind === 'command') run(command.id);
      else void router.push(routeOf(command.pageId, command.anchor).slice(1));
    }, stop.signal),
  );
  onBeforeUnmount(() => stop.abort());
}
