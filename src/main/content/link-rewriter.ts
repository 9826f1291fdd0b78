import { routeOf } from '../../shared/routes';
import type { PageId } from '../../shared/domain';

export interface LinkOutcome {
  targetId: PageId | null;
  anchor: string | null;
  broken: boolean;
  candidate: PageId | null;
  asset: boolean;
}

const LINK_TAG = /<a\b([^>]*?)\sdata-link="(\d+)"([^>]*)>/g;
const HREF_ATTR = /\shref="[^"]*"/;

function escapeAttr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Rewrites the `<a … data-link="n">` tags the renderer emitted into in-app routes
 * (`#/page/<id>?h=<anchor>` with `data-page`), or into visibly broken links that carry
 * the written target and, when there is exactly one, the repair candidate. The tags are
 * our own renderer's output (attribute values always double-quoted and escaped), which is
 * why a regular expression is enough here.
 */
export function rewriteLinks(htmlRaw: string, outcomes: readonly (LinkOutcome | undefined)[]): string {
  return htmlRaw.replace(LINK_TAG, (_tag, before: string, index: string, after: string) => {
    const o = outcomes[Number(index)];
    const attrs = `${before}${after}`;
    if (!o || o.asset) return `<a${attrs}>`;
    const rest = attrs.replace(HREF_ATTR, '');
    if (!o.broken && o.targetId) {
      return `<a href="${escapeAttr(routeOf(o.targetId, o.anchor))}" data-page="${escapeAttr(o.targetId)}"${rest}>`;
    }
    const written = /\shref="([^"]*)"/.exec(attrs)?.[1] ?? '';
    const hint = o.candidate ? ` It may have moved to ${o.candidate}.` : '';
    const candidate = o.candidate
      ? ` href="${escapeAttr(routeOf(o.candidate, o.anchor))}" data-page="${escapeAttr(o.candidate)}" data-candidate="${escapeAttr(o.candidate)}"`
      : '';
    const title = ` title="Broken link: ${written} does not exist in this corpus.${escapeAttr(hint)}"`;
    const classed = /\sclass="/.test(rest)
      ? rest.replace(/\sclass="/, ' class="broken-link ')
      : ` class="broken-link"${rest}`;
    return `<a data-broken-href="${written}"${candidate}${title}${classed}>`;
  });
}
