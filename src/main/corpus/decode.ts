/** Largest Markdown file imported; larger ones are skipped with a reason (bounded import time). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

export type Decoded = { ok: true; text: string; notes: string[] } | { ok: false; reason: string };

/**
 * Turns a file's bytes into normalised text: BOMs removed (UTF-8 and UTF-16), invalid
 * UTF-8 replaced (with a note), CR and CRLF line ends turned into LF. Binary files and
 * files over the size cap are refused with a reason.
 */
export function decodeMarkdown(bytes: Uint8Array): Decoded {
  if (bytes.byteLength > MAX_FILE_BYTES) {
    return {
      ok: false,
      reason: `file is ${(bytes.byteLength / 1048576).toFixed(1)} MB, over the ${MAX_FILE_BYTES / 1048576} MB limit`,
    };
  }
  const notes: string[] = [];
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
    notes.push('file is UTF-16 (little endian); decoded');
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
    notes.push('file is UTF-16 (big endian); decoded');
  } else {
    const sample = bytes.subarray(0, 8192);
    if (sample.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes), not Markdown' };
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
      notes.push('file is not valid UTF-8; invalid bytes shown as �');
    }
  }
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  return { ok: true, text, notes };
}
