import type { EdgeKind, LineageEdge, LineageGraph, LineageNode } from '../../shared/contract/evolution';
import type { PageId } from '../../shared/domain';
import type { AliasRow, EvolutionPageRow } from './evolution-repository';
import { NameIndex } from './name-index';
import { isMigrationGuide, isPatternPage } from '../../shared/page-kinds';

const kindFacts = (p: EvolutionPageRow) => ({ id: p.id, type: p.type, isTemplate: p.meta.isTemplate });
/** A page of the pattern library (see `isPatternPage` in shared/page-kinds). */
export const isPatternRow = (p: EvolutionPageRow | undefined): boolean => !!p && isPatternPage(kindFacts(p));
/** A migration guide (see `isMigrationGuide` in shared/page-kinds). */
export const isGuideRow = (p: EvolutionPageRow): boolean => isMigrationGuide(kindFacts(p));

/**
 * The two ends a migration guide may name, best first: from its title (`Two-Phase Commit to
 * Saga Migration Guide`, `Migrating from Gossip Protocol to Service Mesh`, `Migration Playbook:
 * Two-Phase Commit to Saga`), then from its file name (`2pc-to-saga`).
 */
export function guideEnds(title: string, id: PageId): [string, string][] {
  const out: [string, string][] = [];
  const t = title
    .replace(/^[^:]*:\s*/, '')
    .replace(/\s+(migration\s+)?(guide|playbook)$/i, '')
    .replace(/\s+migration$/i, '');
  const m = /^(?:migrating\s+)?(?:from\s+)?(.+?)\s+to\s+(.+)$/i.exec(t);
  if (m) out.push([m[1]!.trim(), m[2]!.trim()]);
  const seg = id.slice(id.lastIndexOf('/') + 1).split('-to-');
  if (seg.length === 2) out.push([seg[0]!, seg[1]!]);
  return out;
}

/** The pattern page a guide's end names (or one of its `A/B` alternatives); other pages do not count. */
function resolveEnd(index: NameIndex, name: string, byId: Map<PageId, EvolutionPageRow>): PageId | null {
  const isPattern = (id: PageId | null) => !!id && isPatternRow(byId.get(id));
  const whole = index.resolveName(name);
  if (isPattern(whole)) return whole;
  return (
    name
      .split('/')
      .map((n) => index.resolveName(n))
      .find(isPattern) ?? null
  );
}

const REPLACEMENT_TITLE_MIN = 6;

/**
 * Every lineage edge the corpus states, each with the field, guide or redirect it came from:
 * modern alternatives, pattern pages a deprecation reason names, migration guides' from → to
 * (replaced-by); redirects (moved-to); case studies' `patterns_used` (used-by, pattern → case
 * study); `prerequisites` (builds-on). Names that do not resolve to exactly one page are left out.
 */
export function buildLineage(pages: EvolutionPageRow[], aliases: AliasRow[]): LineageGraph {
  const index = new NameIndex(pages, aliases);
  const byId = new Map(pages.map((p) => [p.id, p]));
  const edges: LineageEdge[] = [];
  const seen = new Set<string>();
  const add = (
    from: PageId | null,
    to: PageId | null,
    kind: EdgeKind,
    via: string,
    extra: Partial<LineageEdge> = {},
  ) => {
    if (!from || !to || from === to) return;
    const key = `${from}\u0000${to}\u0000${kind}\u0000${via}`;
    if (seen.has(key)) return;
    seen.add(key);
    edges.push({ from, to, kind, via, ...extra });
  };

  // Titles of gold/silver patterns, to find the replacements a deprecation reason names.
  const replacements = pages
    .filter((p) => isPatternRow(p) && (p.tier === 'gold' || p.tier === 'silver'))
    .map((p) => ({
      id: p.id,
      name: p.title
        .replace(/\([^)]*\)/g, '')
        .replace(/\s+pattern$/i, '')
        .trim(),
    }))
    .filter((r) => r.name.length >= REPLACEMENT_TITLE_MIN);

  for (const p of pages) {
    const m = p.meta;
    for (const alt of m.modernAlternatives ?? []) {
      const target =
        (alt.href ? index.resolveLink(alt.href, p.id) : null) ?? alt.pageId ?? index.resolveName(alt.name);
      add(p.id, target, 'replaced-by', 'modern_alternatives');
    }
    if (m.deprecationReason) {
      const reason = m.deprecationReason.toLowerCase();
      for (const r of replacements) {
        const at = reason.indexOf(r.name.toLowerCase());
        const after = reason[at + r.name.length];
        const before = reason[at - 1];
        if (at >= 0 && !/[a-z0-9]/.test(before ?? ' ') && !/[a-z0-9]/.test(after ?? ' '))
          add(p.id, r.id, 'replaced-by', 'deprecation_reason');
      }
    }
    if (isGuideRow(p)) {
      for (const [from, to] of guideEnds(p.title, p.id)) {
        const a = resolveEnd(index, from, byId);
        const b = resolveEnd(index, to, byId);
        if (a && b) {
          add(a, b, 'replaced-by', p.id);
          break;
        }
      }
    }
    for (const use of m.patternsUsed ?? [])
      add(index.resolveName(use.name), p.id, 'used-by', 'patterns_used', { tier: use.tier });
    for (const ref of m.prerequisites ?? [])
      add(p.id, index.resolveReference(ref, p.id), 'builds-on', 'prerequisites');
  }
  for (const a of aliases) add(a.id, a.targetId, 'moved-to', 'redirect_to');

  const aliasIds = new Set(aliases.map((a) => a.id));
  // Migration guides an edge came through are nodes too, so a view can name and link them.
  const used = new Set(edges.flatMap((e) => (byId.has(e.via) ? [e.from, e.to, e.via] : [e.from, e.to])));
  const nodes: LineageNode[] = [...used].sort().map((id) => {
    const p = byId.get(id);
    if (!p)
      return {
        id,
        title: id.slice(id.lastIndexOf('/') + 1),
        tier: null,
        type: null,
        status: null,
        year: null,
        redirect: aliasIds.has(id),
      };
    return pageNode(p);
  });
  return { nodes, edges };
}

/** The lineage node of a page. */
export function pageNode(p: EvolutionPageRow): LineageNode {
  const year = p.meta.introduced?.year ?? p.meta.yearImplemented ?? null;
  return { id: p.id, title: p.title, tier: p.tier, type: p.type, status: p.status, year, redirect: false };
}

/** The part of a graph within `depth` edges (either direction) of the given ids. */
export function neighbourhood(graph: LineageGraph, ids: PageId[], depth: number): LineageGraph {
  const keep = new Set(ids);
  let frontier = new Set(ids);
  for (let d = 0; d < depth && frontier.size > 0; d++) {
    const next = new Set<PageId>();
    for (const e of graph.edges) {
      if (frontier.has(e.from) && !keep.has(e.to)) next.add(e.to);
      if (frontier.has(e.to) && !keep.has(e.from)) next.add(e.from);
    }
    for (const id of next) keep.add(id);
    frontier = next;
  }
  const edges = graph.edges.filter((e) => keep.has(e.from) && keep.has(e.to));
  const present = new Set(edges.flatMap((e) => [e.from, e.to, e.via]));
  return { nodes: graph.nodes.filter((n) => present.has(n.id) || ids.includes(n.id)), edges };
}
