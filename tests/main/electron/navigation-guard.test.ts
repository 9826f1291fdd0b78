import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from '../../../src/main/electron/app-protocol';
import {
  decideNavigation,
  externalUrlToOpen,
  guardWebContents,
  isAllowedNavigation,
  originOf,
  type GuardedContents,
} from '../../../src/main/electron/navigation-guard';

const NEVER_OPEN = [
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  'JAVASCRIPT:alert(1)',
  ' javascript:alert(1)',
  '\tjava\tscript:alert(1)',
  'java\nscript:alert(1)',
  '\u0001javascript:alert(1)',
  'javascript://%0aalert(1)',
  'file:///etc/passwd',
  'FILE:///C:/Windows/System32/calc.exe',
  'file://server/share/x',
  'data:text/html,<script>alert(1)</script>',
  'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'smb://attacker/share',
  'SMB://attacker/share',
  '\\\\attacker\\share',
  'ms-msdt:/id PCWDiagnostic',
  'vbscript:msgbox(1)',
  'blob:https://example.com/uuid',
  'ftp://example.com/x',
  'http://example.com/',
  'chrome://settings',
  'about:blank',
  'app://dstudio/index.html',
  'https://',
  'https://%00/',
  'https://user:pass@example.com/',
  'https://user@example.com/',
  'https//example.com',
  '//example.com/x',
  '/relative/path',
  'not a url',
  '',
];

describe('externalUrlToOpen', () => {
  it('opens https links, normalised', () => {
    expect(externalUrlToOpen('https://github.com/deepaucksharma/DStudio')).toBe(
      'https://github.com/deepaucksharma/DStudio',
    );
    expect(externalUrlToOpen('HTTPS://Example.COM/a b')).toBe('https://example.com/a%20b');
    expect(externalUrlToOpen('  https://example.com/x\n')).toBe('https://example.com/x');
    expect(externalUrlToOpen('https://example.com:8443/x?y=1#z')).toBe('https://example.com:8443/x?y=1#z');
  });

  it.each(NEVER_OPEN)('never opens %j', (url) => {
    expect(externalUrlToOpen(url)).toBeNull();
  });
});

describe('originOf', () => {
  it('gives app: URLs a real origin, but never the "null" origin Node reports for other non-special schemes', () => {
    expect(new URL('smb://attacker/share').origin).toBe('null');
    expect(originOf('smb://attacker/share')).toBeNull();
    expect(originOf('javascript:alert(1)')).toBeNull();
    expect(originOf('data:text/html,x')).toBeNull();
    expect(originOf('app://dstudio/index.html#/page/x')).toBe('app://dstudio');
    expect(originOf('APP://DStudio/x')).toBe('app://dstudio');
    expect(originOf('app://user@dstudio/x')).toBeNull();
    expect(originOf('http://localhost:5173/x')).toBe('http://localhost:5173');
  });
});

describe('isAllowedNavigation', () => {
  it('allows only the app origin (any path, query or hash)', () => {
    expect(isAllowedNavigation('app://dstudio/index.html', APP_ORIGIN)).toBe(true);
    expect(isAllowedNavigation('app://dstudio/index.html#/page/a?h=b', APP_ORIGIN)).toBe(true);
    expect(isAllowedNavigation('APP://DSTUDIO/index.html', APP_ORIGIN)).toBe(true);
    expect(isAllowedNavigation('http://localhost:5173/#/search', 'http://localhost:5173')).toBe(true);
  });

  it.each([
    'app://dstudio.evil/index.html',
    'app://dstudio@evil/index.html',
    'app://evil/index.html',
    'app://dstudio:1/index.html',
    'https://dstudio/index.html',
    'https://example.com/',
    'http://localhost:5173/',
    'file:///work/out/renderer/index.html',
    'javascript:alert(1)',
    'data:text/html,hi',
    'smb://dstudio/share',
    'about:blank',
    'chrome://gpu',
    'garbage',
    '',
  ])('blocks %j', (url) => {
    expect(isAllowedNavigation(url, APP_ORIGIN)).toBe(false);
  });

  it('does not let two origin-less URLs "match" each other', () => {
    expect(isAllowedNavigation('smb://x/y', 'smb://x')).toBe(false);
    expect(isAllowedNavigation('javascript:1', 'javascript:1')).toBe(false);
  });
});

describe('decideNavigation', () => {
  it('stays for app URLs, blocks and opens outside for https, blocks silently for the rest', () => {
    expect(decideNavigation('app://dstudio/index.html#/x', APP_ORIGIN)).toEqual({ allow: true });
    expect(decideNavigation('https://example.com/', APP_ORIGIN)).toEqual({
      allow: false,
      openExternal: 'https://example.com/',
    });
    expect(decideNavigation('file:///etc/passwd', APP_ORIGIN)).toEqual({ allow: false, openExternal: null });
  });
});

/** Records the listeners the guard installs, the way webContents would hold them. */
function recorder() {
  const listeners = new Map<string, (event: { url: string; preventDefault(): void }) => void>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  const contents = {
    on(name: string, listener: (event: { url: string; preventDefault(): void }) => void) {
      listeners.set(name, listener);
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
      openHandler = handler;
    },
  } as GuardedContents;
  const fire = (name: string, url: string) => {
    let prevented = false;
    listeners.get(name)!({ url, preventDefault: () => (prevented = true) });
    return prevented;
  };
  return { contents, fire, open: (url: string) => openHandler!({ url }) };
}

describe('guardWebContents', () => {
  it('keeps navigation and redirects in the app, sends followed https links to the system browser', () => {
    const opened: string[] = [];
    const r = recorder();
    guardWebContents(r.contents, APP_ORIGIN, (url) => opened.push(url));
    expect(r.fire('will-navigate', 'app://dstudio/index.html#/page/x')).toBe(false);
    expect(r.fire('will-navigate', 'https://example.com/doc')).toBe(true);
    expect(r.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(r.fire('will-redirect', 'http://evil.test/')).toBe(true);
    expect(r.fire('will-attach-webview', 'app://dstudio/')).toBe(true);
    expect(opened).toEqual(['https://example.com/doc']);
  });

  it('denies every new window, opening only https ones outside', () => {
    const opened: string[] = [];
    const r = recorder();
    guardWebContents(r.contents, APP_ORIGIN, (url) => opened.push(url));
    for (const url of [
      'https://example.com/',
      'app://dstudio/index.html',
      'javascript:alert(1)',
      'smb://x/y',
      'data:text/html,x',
    ]) {
      expect(r.open(url)).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['https://example.com/']);
  });
});
