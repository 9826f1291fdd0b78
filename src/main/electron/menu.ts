import type { MenuItemConstructorOptions } from 'electron';
import { acceleratorOf, appCommand, type AppCommandId } from '../../shared/app-commands';
import { parsePageRoute } from '../../shared/routes';
import { externalUrlToOpen } from './navigation-guard';

/** Single keys (`/`, `?`) are shown in the menu but not grabbed: they must still type in text fields. */
function item(id: AppCommandId, run: (id: AppCommandId) => void): MenuItemConstructorOptions {
  const { label, chord } = appCommand(id);
  const options: MenuItemConstructorOptions = { label, click: () => run(id) };
  if (chord) {
    options.accelerator = acceleratorOf(chord);
    if (!chord.primary && !chord.alt) options.registerAccelerator = false;
  }
  return options;
}

/**
 * The application menu: the standard roles (app menu on macOS, edit, view, window, help) and
 * the app's own commands with the accelerators of the in-app shortcuts (one list:
 * src/shared/app-commands.ts). Each command is handed to `run` (main sends it to the page).
 */
export function menuTemplate(
  platform: NodeJS.Platform,
  appName: string,
  run: (id: AppCommandId) => void,
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const c = (id: AppCommandId) => item(id, run);
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  return [
    ...(mac
      ? [
          {
            label: appName,
            submenu: [
              { role: 'about' },
              c('check-for-updates'),
              sep,
              { role: 'services' },
              sep,
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              sep,
              { role: 'quit' },
            ],
          } satisfies MenuItemConstructorOptions,
        ]
      : []),
    {
      label: '&File',
      submenu: [
        c('print'),
        c('save-pdf'),
        sep,
        c('new-usage-report'),
        c('report-usage'),
        c('migration-story'),
        c('report-drafts'),
        sep,
        c('export-user-data'),
        ...(mac ? [] : [sep, { role: 'quit' } as const]),
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        sep,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
        sep,
        c('find'),
      ],
    },
    {
      label: '&View',
      submenu: [
        c('quick-switcher'),
        c('focus-search'),
        sep,
        c('zoom-in'),
        c('zoom-out'),
        c('zoom-reset'),
        sep,
        { label: 'Theme', submenu: [c('theme-system'), c('theme-light'), c('theme-dark')] },
        sep,
        { role: 'togglefullscreen' },
        { role: 'reload' },
        { role: 'toggleDevTools' },
      ],
    },
    { label: '&Go', submenu: [c('back'), c('forward'), sep, c('toggle-bookmark'), c('show-bookmarks')] },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [c('shortcuts'), ...(mac ? [] : [c('check-for-updates')]), { role: 'about' }],
    },
  ];
}

/** What was right-clicked (the part of Electron's `context-menu` params used). */
export interface ContextTarget {
  linkURL: string;
  selectionText: string;
  isEditable: boolean;
  /** The page's URL, whose hash says which page and section are shown. */
  pageURL: string;
}

export interface ContextActions {
  copyText(text: string): void;
  openExternal(url: string): void;
  run(id: AppCommandId): void;
}

/** The context menu on pages: copy, copy a link to the section, open external links, bookmark. */
export function contextMenuTemplate(
  target: ContextTarget,
  actions: ContextActions,
): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = [];
  if (target.isEditable) items.push({ role: 'cut' }, { role: 'copy' }, { role: 'paste' });
  else if (target.selectionText) items.push({ role: 'copy' });
  const external = target.linkURL ? externalUrlToOpen(target.linkURL) : null;
  if (external) {
    items.push(
      { label: 'Open Link in Browser', click: () => actions.openExternal(external) },
      { label: 'Copy Link Address', click: () => actions.copyText(external) },
    );
  }
  const section = sectionLink(target.linkURL) ?? sectionLink(target.pageURL);
  if (section) items.push({ label: 'Copy Link to This Section', click: () => actions.copyText(section) });
  if (pageRouteOf(target.pageURL)) items.push({ type: 'separator' }, item('toggle-bookmark', actions.run));
  return items;
}

function pageRouteOf(url: string): { id: string; anchor: string | null } | null {
  const hash = url.indexOf('#');
  return hash < 0 ? null : parsePageRoute(url.slice(hash));
}

/** A `dstudio://page/<id>#anchor` deep link to the page (and section) an app URL shows, or null. */
export function sectionLink(appUrl: string): string | null {
  const route = pageRouteOf(appUrl);
  if (!route) return null;
  const id = route.id.split('/').map(encodeURIComponent).join('/');
  return `dstudio://page/${id}${route.anchor ? `#${encodeURIComponent(route.anchor)}` : ''}`;
}
