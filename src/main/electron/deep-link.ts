import type { DesktopCommand } from '../../shared/desktop-bridge';

export const DEEP_LINK_SCHEME = 'dstudio';

/** Longest deep link accepted: page ids are short paths, anything longer is not one. */
const MAX_LINK_LENGTH = 2048;
/** A page id: path segments of letters, digits, `-`, `_`, `.` (no `.` or `..` segment). */
const SEGMENT = /^(?!\.{1,2}$)[\p{L}\p{N}_.-]+$/u;
const ANCHOR = /^[\p{L}\p{N}_.:-]{1,200}$/u;

/**
 * The page a `dstudio://page/<id>[#anchor]` link opens, or null for anything else. Validated
 * like any input from outside: scheme and host exact, no query, no credentials, each segment
 * a plain name (no `.`/`..`, no encoded slashes or backslashes, no control characters), the
 * anchor a plain id.
 */
export function parseDeepLink(link: string): Extract<DesktopCommand, { kind: 'open-page' }> | null {
  if (link.length > MAX_LINK_LENGTH) return null;
  // Read from the text itself, not through URL: the URL parser would resolve `..` segments
  // and quietly turn a hostile link into a different, valid-looking one.
  const m = new RegExp(`^${DEEP_LINK_SCHEME}://page/([^#?]+?)/?(?:#(.*))?$`, 'i').exec(link);
  if (!m) return null;
  const decode = (text: string) => {
    try {
      return decodeURIComponent(text);
    } catch {
      return null;
    }
  };
  const segments = m[1]!.split('/').map(decode);
  if (!segments.every((seg) => seg !== null && SEGMENT.test(seg))) return null;
  const anchor = m[2] ? decode(m[2]) : null;
  if (m[2] && (anchor === null || !ANCHOR.test(anchor))) return null;
  return { kind: 'open-page', pageId: segments.join('/'), anchor };
}

/**
 * The deep link among a process's command-line arguments (Linux and Windows start the app,
 * or a second instance, with the link as an argument), or null.
 */
export function deepLinkInArgs(argv: readonly string[]): string | null {
  return argv.find((a) => a.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}://`)) ?? null;
}
