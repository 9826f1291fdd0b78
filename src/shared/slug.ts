/**
 * Python-Markdown `toc` default slugify (what MkDocs emits): NFKD → ASCII, drop non-word
 * chars, lowercase, spaces → '-'. In src/shared because the renderer's quick switcher
 * rebuilds the anchors it was sent without (most headings' anchors are their slug).
 */
export function pythonMarkdownSlug(text: string): string {
  const ascii = text.normalize('NFKD').replace(/[^\p{ASCII}]/gu, '');
  return ascii
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[-\s]+/g, '-');
}
