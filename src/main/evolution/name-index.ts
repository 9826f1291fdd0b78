import type { PageId } from '../../shared/domain';

/** What the index needs of a page to find it by name. */
export interface NamedPage {
  id: PageId;
  title: string;
  type: string | null;
}

/** `Two-Phase Commit (2PC)` → `two-phase-commit-2pc`; the form names and ids are compared in. */
export function slugify(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Spellings a name may take: itself, without parentheses, without a trailing "pattern". */
function nameKeys(name: string): string[] {
  const keys = new Set<string>();
  const plain = name.replace(/\([^)]*\)/g, ' ');
  for (const n of [name, plain]) {
    const k = slugify(n);
    if (!k) continue;
    keys.add(k);
    keys.add(k.replace(/^the-/, '').replace(/-(pattern|patterns)$/, ''));
  }
  for (const m of name.matchAll(/\(([^)]+)\)/g)) keys.add(slugify(m[1]!));
  keys.delete('');
  return [...keys];
}

const lastSegment = (id: string) => id.slice(id.lastIndexOf('/') + 1);
const folderOf = (id: string) => (id.includes('/') ? id.slice(0, id.lastIndexOf('/')) : '');

/**
 * Finds pages by the names the corpus uses for them (`saga`, `Two-Phase Commit`, `2PC`,
 * `../coordination/saga.md`). Conservative: a name several pages answer to resolves only
 * when exactly one of them is a pattern page; otherwise it stays unresolved.
 */
export class NameIndex {
  private readonly byKey = new Map<string, Set<PageId>>();
  private readonly ids = new Set<PageId>();
  private readonly patterns = new Set<PageId>();
  private readonly aliasTargets = new Map<PageId, PageId>();

  constructor(pages: NamedPage[], aliases: { id: PageId; targetId: PageId | null }[]) {
    for (const p of pages) {
      this.ids.add(p.id);
      if (p.type === 'pattern' || p.id.startsWith('pattern-library/')) this.patterns.add(p.id);
      const seg = lastSegment(p.id);
      const keys = seg === 'index' ? [] : [...nameKeys(seg), ...nameKeys(p.title)];
      for (const k of keys) this.add(k, p.id);
    }
    for (const a of aliases) {
      if (!a.targetId) continue;
      this.aliasTargets.set(a.id, a.targetId);
      if (lastSegment(a.id) !== 'index') for (const k of nameKeys(lastSegment(a.id))) this.add(k, a.targetId);
    }
  }

  private add(key: string, id: PageId): void {
    let set = this.byKey.get(key);
    if (!set) this.byKey.set(key, (set = new Set()));
    set.add(id);
  }

  /** The page an id (or an alias id) names, or null. */
  resolveId(id: string): PageId | null {
    const clean = id
      .replace(/^\/+|\/+$/g, '')
      .replace(/\.md$/, '')
      .replace(/\/index$/, '');
    if (this.ids.has(clean)) return clean;
    if (this.ids.has(`${clean}/index`)) return `${clean}/index`;
    return this.aliasTargets.get(clean) ?? null;
  }

  /** The page a link written on page `from` points to (relative, absolute or site-rooted), or null. */
  resolveLink(href: string, from: PageId): PageId | null {
    const path = href.split('#')[0]!.trim();
    if (!path || /^[a-z][a-z0-9+.-]*:/i.test(path)) return null;
    if (path.startsWith('/')) return this.resolveId(path);
    const parts = folderOf(from).split('/').filter(Boolean);
    for (const seg of path.split('/')) {
      if (seg === '..') parts.pop();
      else if (seg && seg !== '.') parts.push(seg);
    }
    return this.resolveId(parts.join('/'));
  }

  /** The page a name refers to, or null when none or several (ambiguous) do. */
  resolveName(name: string): PageId | null {
    const found = new Set<PageId>();
    for (const k of nameKeys(name)) for (const id of this.byKey.get(k) ?? []) found.add(id);
    if (found.size === 1) return [...found][0]!;
    const patterns = [...found].filter((id) => this.patterns.has(id));
    return patterns.length === 1 ? patterns[0]! : null;
  }

  /** A prerequisite as written: a page id or path when it has a slash, else a name. */
  resolveReference(ref: string, from: PageId): PageId | null {
    if (ref.includes('/') || ref.endsWith('.md')) return this.resolveId(ref) ?? this.resolveLink(ref, from);
    return this.resolveId(ref) ?? this.resolveName(ref);
  }
}
