import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { APP_COMMANDS, acceleratorOf, type AppCommandId } from '../../../src/shared/app-commands';
import { contextMenuTemplate, menuTemplate, sectionLink } from '../../../src/main/electron/menu';

/** Clicks the item labelled `label` as Electron would (the click's arguments are unused). */
function clickItem(items: MenuItemConstructorOptions[], label: string): void {
  const item = items.find((i) => i.label === label);
  if (!item?.click) throw new Error(`no clickable menu item "${label}"`);
  item.click(undefined as never, undefined, undefined as never);
}

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

describe('menuTemplate', () => {
  it.each(['darwin', 'linux', 'win32'] as const)(
    'has the standard roles and every app command on %s',
    (platform) => {
      const ran: AppCommandId[] = [];
      const items = flatten(menuTemplate(platform, 'DStudio Desktop', (id) => ran.push(id)));
      const roles = items.map((i) => i.role).filter(Boolean);
      expect(roles).toEqual(
        expect.arrayContaining(['copy', 'paste', 'undo', 'selectAll', 'windowMenu', 'help', 'quit']),
      );
      expect(roles.includes('hide')).toBe(platform === 'darwin');
      for (const command of APP_COMMANDS) {
        const found = items.filter((i) => i.label === command.label);
        expect(found, command.id).toHaveLength(1);
        clickItem(found, command.label);
      }
      expect(ran).toEqual(expect.arrayContaining(APP_COMMANDS.map((c) => c.id)));
    },
  );

  it('uses the in-app shortcut as accelerator, and only shows single keys without grabbing them', () => {
    const items = flatten(menuTemplate('linux', 'DStudio', () => {}));
    const byLabel = (label: string) => items.find((i) => i.label === label)!;
    expect(byLabel('Go to Page…').accelerator).toBe('CmdOrCtrl+K');
    expect(byLabel('Back').accelerator).toBe('Alt+Left');
    expect(byLabel('Zoom In').accelerator).toBe('CmdOrCtrl+=');
    expect(byLabel('Save as PDF…').accelerator).toBe('CmdOrCtrl+Shift+P');
    expect(byLabel('Search')).toMatchObject({ accelerator: '/', registerAccelerator: false });
    for (const c of APP_COMMANDS.filter((x) => x.chord))
      expect(byLabel(c.label).accelerator).toBe(acceleratorOf(c.chord!));
  });
});

describe('contextMenuTemplate', () => {
  const page = 'app://dstudio/index.html#/page/pattern-library/circuit-breaker?h=how-it-works';
  const base = { linkURL: '', selectionText: '', isEditable: false, pageURL: page };
  const noop = { copyText: () => {}, openExternal: () => {}, run: () => {} };

  it('offers copy for a selection, a link to the section and the bookmark on a page', () => {
    const copied: string[] = [];
    const ran: string[] = [];
    const items = contextMenuTemplate(
      { ...base, selectionText: 'x' },
      { ...noop, copyText: (t) => copied.push(t), run: (id) => ran.push(id) },
    );
    expect(items[0]).toEqual({ role: 'copy' });
    clickItem(items, 'Copy Link to This Section');
    expect(copied).toEqual(['dstudio://page/pattern-library/circuit-breaker#how-it-works']);
    clickItem(items, 'Bookmark This Page');
    expect(ran).toEqual(['toggle-bookmark']);
  });

  it('opens https links in the browser, and never other schemes', () => {
    const opened: string[] = [];
    const https = contextMenuTemplate(
      { ...base, linkURL: 'https://example.org/a' },
      { ...noop, openExternal: (u) => opened.push(u) },
    );
    clickItem(https, 'Open Link in Browser');
    expect(opened).toEqual(['https://example.org/a']);
    for (const linkURL of ['javascript:alert(1)', 'file:///etc/passwd', 'smb://host/share']) {
      expect(contextMenuTemplate({ ...base, linkURL }, noop).map((i) => i.label)).not.toContain(
        'Open Link in Browser',
      );
    }
  });

  it('copies the link to the section an in-app link points at', () => {
    const copied: string[] = [];
    const items = contextMenuTemplate(
      { ...base, linkURL: 'app://dstudio/index.html#/page/a/b?h=c' },
      { ...noop, copyText: (t) => copied.push(t) },
    );
    clickItem(items, 'Copy Link to This Section');
    expect(copied).toEqual(['dstudio://page/a/b#c']);
  });

  it('has nothing to bookmark outside a page', () => {
    expect(contextMenuTemplate({ ...base, pageURL: 'app://dstudio/index.html#/catalogue' }, noop)).toEqual(
      [],
    );
    expect(sectionLink('app://dstudio/index.html#/search')).toBeNull();
  });
});
