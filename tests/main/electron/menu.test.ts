import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { APP_COMMANDS, acceleratorOf, type AppCommandId } from '../../../src/shared/app-commands';
import { contextMenuTemplate, menuTemplate, sectionLink } from '../../../src/main/electron/menu';

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
        found[0]!.click!(undefined as never, undefined, undefined as never);
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
    items.find((i) => i.label === 'Copy Link to This Section')!.click!(
      undefined as never,
      undefined,
      undefined as never,
    );
    expect(copied).toEqual(['dstudio://page/pattern-library/circuit-breaker#how-it-works']);
    items.find((i) => i.label === 'Bookmark This Page')!.click!(
      undefined as never,
      undefined,
      undefined as never,
    );
    expect(ran).toEqual(['toggle-bookmark']);
  });

  it('opens https links in the browser, and never other schemes', () => {
    const opened: string[] = [];
    const https = contextMenuTemplate(
      { ...base, linkURL: 'https://example.org/a' },
      { ...noop, openExternal: (u) => opened.push(u) },
    );
    https.find((i) => i.label === 'Open Link in Browser')!.click!(
      undefined as never,
      undefined,
      undefined as never,
    );
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
    items.find((i) => i.label === 'Copy Link to This Section')!.click!(
      undefined as never,
      undefined,
      undefined as never,
    );
    expect(copied).toEqual(['dstudio://page/a/b#c']);
  });

  it('has nothing to bookmark outside a page', () => {
    expect(contextMenuTemplate({ ...base, pageURL: 'app://dstudio/index.html#/catalogue' }, noop)).toEqual(
      [],
    );
    expect(sectionLink('app://dstudio/index.html#/search')).toBeNull();
  });
});
