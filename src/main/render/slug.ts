/**
 * Heading anchors, spelled the two ways the corpus's links use them.
 * Written here because the two published algorithms are a few lines each and no
 * maintained package implements Python-Markdown's `toc` slugify.
 */

export { pythonMarkdownSlug } from '../../shared/slug';

/** GitHub's anchor algorithm: lowercase, keep letters/numbers/marks/space/-/_, each space → '-'. */
export function githubSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** Makes ids unique within one page the way each tool does (`_1` for Python-Markdown, `-1` for GitHub). */
export class SlugRegistry {
  private readonly seen = new Set<string>();

  unique(slug: string, separator: '_' | '-'): string {
    const base = slug || 'section';
    let candidate = base;
    for (let n = 1; this.seen.has(candidate); n++) candidate = `${base}${separator}${n}`;
    this.seen.add(candidate);
    return candidate;
  }
}
