/** Names Windows refuses for a file, whatever the extension (CON, NUL.txt, COM1…). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
const MAX_NAME_LENGTH = 120;

/**
 * A file name that is safe on Linux, macOS and Windows, from any text (a page title, a
 * run name typed by the user): no path separators, control or bidi characters, reserved
 * names, or trailing dots and spaces; at most 120 characters, extension kept. Written here
 * because the packages that do this (e.g. sanitize-filename) keep bidi controls and cut
 * the extension off long names.
 */
export function safeFileName(name: string, fallback = 'export'): string {
  const cleaned = name
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    // Bidi overrides/isolates and zero-width characters: they make a name lie about itself.
    .replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .replace(/[<>:"/\\|?*]+/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  let safe = cleaned;
  if (safe.length > MAX_NAME_LENGTH) {
    const dot = safe.lastIndexOf('.');
    const ext = dot > 0 && safe.length - dot <= 10 ? safe.slice(dot) : '';
    safe = safe.slice(0, MAX_NAME_LENGTH - ext.length).replace(/[.\s]+$/, '') + ext;
  }
  if (!safe || WINDOWS_RESERVED.test(safe)) return safe ? `_${safe}` : fallback;
  return safe;
}
