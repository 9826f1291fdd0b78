/** One image candidate of a `srcset` attribute: its URL and its descriptor (`2x`, `640w`, or none). */
export interface SrcsetCandidate {
  url: string;
  descriptor: string;
}

/**
 * Splits a `srcset` value into candidates the way the HTML standard's parser does (a URL is a
 * run of non-space characters, trailing commas end it; descriptors run to the next comma
 * outside parentheses). Written here rather than added as a package: both the main-side
 * renderer and the renderer's sanitiser need it, and the rule fits in a few lines.
 */
export function parseSrcset(value: string): SrcsetCandidate[] {
  const out: SrcsetCandidate[] = [];
  let i = 0;
  while (i < value.length) {
    while (i < value.length && /[\s,]/.test(value[i]!)) i++;
    if (i >= value.length) break;
    const start = i;
    while (i < value.length && !/\s/.test(value[i]!)) i++;
    let url = value.slice(start, i);
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
      out.push({ url, descriptor: '' });
      continue;
    }
    let descriptor = '';
    let depth = 0;
    for (; i < value.length; i++) {
      const c = value[i]!;
      if (c === '(') depth++;
      else if (c === ')') depth = Math.max(0, depth - 1);
      else if (c === ',' && depth === 0) break;
      descriptor += c;
    }
    out.push({ url, descriptor: descriptor.trim().replace(/\s+/g, ' ') });
  }
  return out;
}

/** Writes candidates back as a `srcset` value. */
export function formatSrcset(candidates: readonly SrcsetCandidate[]): string {
  return candidates.map((c) => (c.descriptor ? `${c.url} ${c.descriptor}` : c.url)).join(', ');
}
