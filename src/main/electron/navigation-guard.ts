/** The parsed URL, or null when it is not one (`URL.parse` needs a newer Node than the CLI supports). */
function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * The origin of a URL, or null when it has none worth comparing. Node's WHATWG URL
 * reports the origin of every non-special scheme (app:, smb:, javascript:…) as the
 * string "null", so comparing `.origin` naively would let `smb://x` "match"
 * `app://dstudio`. Chromium, where app: is registered as a standard scheme, does
 * give it a real origin; this computes the same one.
 */
export function originOf(url: string): string | null {
  const u = parseUrl(url);
  if (!u) return null;
  if (u.origin !== 'null') return u.origin;
  // Node keeps a non-special scheme's host as written; Chromium lowercases a standard scheme's host.
  if (u.protocol === 'app:' && u.host !== '' && u.username === '' && u.password === '')
    return `app://${u.host.toLowerCase()}`;
  return null;
}

/**
 * Whether the window may navigate to `url`: only within the app's own origin
 * (compared as parsed origins, never as string prefixes, so `app://dstudio.evil`
 * or `app://dstudio@evil` do not pass).
 */
export function isAllowedNavigation(url: string, appOrigin: string): boolean {
  const origin = originOf(url);
  return origin !== null && origin === originOf(appOrigin);
}

/**
 * The URL to hand to the system browser for a link the user followed out of the app,
 * or null. Only `https:` (with a host, no credentials) leaves the app: `http:`,
 * `javascript:`, `file:`, `data:`, `smb:` and every other scheme could run code,
 * leak credentials or reach the local network. The URL is returned re-serialised by
 * the parser, so what opens is exactly what was checked (leading/trailing whitespace
 * and control characters, which browsers strip, are stripped the same way).
 */
export function externalUrlToOpen(url: string): string | null {
  const u = parseUrl(url);
  if (!u) return null;
  if (u.protocol !== 'https:' || u.hostname === '' || u.username !== '' || u.password !== '') return null;
  return u.href;
}

/** What to do with a navigation or a window.open: stay, or stay put and maybe open a link outside. */
export type NavigationDecision = { allow: true } | { allow: false; openExternal: string | null };

/** Combines the two rules for `will-navigate` / `will-redirect`. */
export function decideNavigation(url: string, appOrigin: string): NavigationDecision {
  if (isAllowedNavigation(url, appOrigin)) return { allow: true };
  return { allow: false, openExternal: externalUrlToOpen(url) };
}

/** The part of `webContents` the guard needs. */
export interface GuardedContents {
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: { url: string; preventDefault(): void }) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/**
 * Applies the rules to one webContents (called for every one that is created):
 * navigation stays in the app, a followed `https:` link opens in the system browser,
 * every new window is denied, and no `<webview>` can be attached.
 */
export function guardWebContents(
  contents: GuardedContents,
  appOrigin: string,
  openExternal: (url: string) => void,
): void {
  const onNavigate = (event: { url: string; preventDefault(): void }) => {
    const decision = decideNavigation(event.url, appOrigin);
    if (decision.allow) return;
    event.preventDefault();
    if (decision.openExternal) openExternal(decision.openExternal);
  };
  contents.on('will-navigate', onNavigate);
  contents.on('will-redirect', onNavigate);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const external = externalUrlToOpen(url);
    if (external) openExternal(external);
    return { action: 'deny' };
  });
}
