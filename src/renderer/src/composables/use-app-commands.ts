import { onBeforeUnmount, onMounted } from 'vue';
import { useRouter } from 'vue-router';
import { appCommand, type AppCommandId } from '../../../shared/app-commands';
import { commandUnavailable } from '../../../shared/command-palette';
import type { PageId } from '../../../shared/domain';
import { routeOf } from '../../../shared/routes';
import { onDesktopCommand, isDesktop, savePdfOnDesktop } from '../desktop';
import { preparePrint, printPage } from '../print';
import { useLibraryStore } from '../stores/library';
import { usePageStore } from '../stores/page';
import { useReportsStore } from '../stores/reports';
import { useSettingsStore } from '../stores/settings';
import { useUiStore } from '../stores/ui';
import { useUpdatesStore } from '../stores/updates';
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
  const reports = useReportsStore();
  const updates = useUpdatesStore();
  const yourData = useYourDataStore();

  const shownPage = () => (router.currentRoute.value.name === 'page' ? pages.page : null);

  /** Starts a draft of `templateId` (prefilled from `pageId` when given) and opens its composer. */
  async function compose(templateId: string, pageId?: PageId): Promise<void> {
    const id = await reports.startDraft(templateId, pageId);
    if (id) await router.push(`/reports/${id}`);
  }

  /** A report on the shown page, when the command applies to it (the menu offers it everywhere). */
  function composeOnPage(id: AppCommandId, templateId: string): Promise<void> | undefined {
    const page = shownPage();
    if (page && commandUnavailable(appCommand(id), page) === null) return compose(templateId, page.id);
  }

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
    // The content-updates view is where updates are checked and applied; the check shows there.
    'check-for-updates': async () => {
      await router.push('/updates');
      await updates.check();
    },
    // On the "Your data" view, where the export says where it went (or why it failed).
    'export-user-data': async () => {
      await router.push({ name: 'your-data' });
      return yourData.exportAll();
    },
    'report-usage': () => composeOnPage('report-usage', 'pattern-usage'),
    'migration-story': () => composeOnPage('migration-story', 'migration-story'),
    'new-usage-report': () => compose('pattern-usage'),
    'report-drafts': () => router.push('/reports'),
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
