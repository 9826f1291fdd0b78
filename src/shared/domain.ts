/**
 * Domain types shared by every process. Pure data: everything here is JSON-safe,
 * because it crosses the IPC bridge and the HTTP transport unchanged.
 */

/** The three excellence tiers of the pattern library. */
export const TIERS = ['gold', 'silver', 'bronze'] as const;
export type Tier = (typeof TIERS)[number];

/** A page id is the path under `docs/` without `.md`, e.g. `pattern-library/resilience/circuit-breaker`. */
export type PageId = string;

/** Something odd the importer noticed about a file; the file was still imported unless `skipped`. */
export interface ImportWarning {
  path: string;
  kind: WarningKind;
  message: string;
  line?: number | null;
}

export type WarningKind =
  | 'front-matter-invalid'
  | 'front-matter-missing'
  | 'front-matter-unclosed'
  | 'front-matter-note'
  | 'odd-value'
  | 'template'
  | 'duplicate-title'
  | 'encoding'
  | 'unclosed-fence'
  | 'long-line'
  | 'nav-missing-file'
  | 'redirect-unresolved'
  | 'timeline-conflict'
  | 'render';

/** A file under docs/ that did not become a page or an alias, and why. */
export interface SkippedFile {
  path: string;
  reason: string;
}

/** A year (and optionally a month) taken from front matter or text. */
export interface YearMonth {
  year: number;
  month: number | null;
}

/** A "modern alternative" of a legacy pattern: a name and, when the corpus gave one, a link. */
export interface Alternative {
  name: string;
  href: string | null;
  pageId: PageId | null;
  description: string | null;
}

/** A pattern a case study lists in `patterns_used`, with the tier the case study filed it under. */
export interface PatternUse {
  name: string;
  tier: Tier | null;
}

/** Normalised front-matter metadata; raw odd values are kept in `flags`. */
export interface PageMeta {
  tier: Tier | null;
  tierRaw: string | null;
  status: string | null;
  relevance: string | null;
  type: string | null;
  category: string | null;
  difficulty: string | null;
  tags: string[];
  introduced: YearMonth | null;
  yearImplemented: number | null;
  modernAlternatives: Alternative[];
  deprecationReason: string | null;
  relatedLaws: string[];
  relatedPillars: string[];
  /** `patterns_used` of a case study. Absent in a content.db imported before the field was kept. */
  patternsUsed?: PatternUse[];
  /** `prerequisites` as written (page ids, relative paths or names). Absent in an older content.db. */
  prerequisites?: string[];
  lastUpdated: string | null;
  description: string | null;
  readingTime: string | null;
  isTemplate: boolean;
  /** Human-readable notes about values kept but not understood (`platinum`, `gold|silver|bronze`, …). */
  flags: string[];
}

/** One row of the page list / catalogue. */
export interface PageSummary {
  id: PageId;
  title: string;
  tier: Tier | null;
  type: string | null;
  category: string | null;
  status: string | null;
  relevance: string | null;
  difficulty: string | null;
  description: string | null;
  introducedYear: number | null;
  isTemplate: boolean;
}

/** A heading of a page. `id` is the Python-Markdown (MkDocs) anchor; `altIds` are other spellings that resolve to it (GitHub style). */
export interface Heading {
  level: number;
  text: string;
  id: string;
  altIds: string[];
}

/** An internal link as written in a page and where it resolved to. */
export interface PageLink {
  href: string;
  line: number;
  targetId: PageId | null;
  anchor: string | null;
  broken: boolean;
  /** When the target is broken and exactly one file in the corpus has the target's name. */
  candidate: PageId | null;
}

/** Where a checklist came from in the page. */
export type ChecklistSource = 'task-list' | 'yaml-fence' | 'front-matter';

export interface ChecklistItem {
  /** Stable key: page id + section slug + hash of normalised text. */
  key: string;
  text: string;
  /** The state the author wrote (`- [x]`). */
  authorChecked: boolean;
  line: number | null;
  /** Inside a fence: the YAML key (or Markdown heading) the item sits under, shown as a sub-heading. */
  group: string | null;
}

export interface Checklist {
  pageId: PageId;
  sectionSlug: string;
  sectionTitle: string;
  source: ChecklistSource;
  items: ChecklistItem[];
}

/** A year-bearing fact about a page, with the field it came from. */
export interface TimelineFact {
  pageId: PageId;
  field: string;
  year: number;
  month: number | null;
  value: string;
  conflict: boolean;
}

/** Everything the reader needs to show a page. */
export interface Page extends PageSummary {
  path: string;
  blobSha: string;
  html: string;
  headings: Heading[];
  meta: PageMeta;
  warnings: ImportWarning[];
  links: PageLink[];
  aliases: PageId[];
  wordCount: number;
  readingMinutes: number;
}

/** A node of the navigation tree: the corpus's own nav order, unlisted pages under their folders. */
export interface NavNode {
  title: string;
  pageId: PageId | null;
  /** True when mkdocs.yml names a file that does not exist. */
  missing?: boolean;
  /** True for pages not listed in mkdocs.yml nav, placed under their folder. */
  unlisted?: boolean;
  children: NavNode[];
}

/** What content is loaded and where it came from. */
export interface ContentStatus {
  pages: number;
  aliases: number;
  source: string | null;
  commit: string | null;
  importedAt: string | null;
}

/** An image under docs/ the import left out of content.db (its page shows the alt text instead). */
export interface SkippedImage {
  path: string;
  /** Its size in bytes, when known. */
  bytes: number | null;
  /** What left it out: the size cap, the count cap, a type the app does not store, or a read error. */
  cap: 'size' | 'count' | 'type' | 'unreadable';
  /** The same in words, with the limit. */
  reason: string;
}

/** The outcome of an import. Every .md file under docs/ is exactly one of page, alias or skipped. */
export interface ImportReport {
  pages: number;
  aliases: number;
  skipped: SkippedFile[];
  /** Images found under docs/ but not stored (none when the source brings no images). */
  skippedImages: SkippedImage[];
  warnings: ImportWarning[];
  brokenLinks: number;
  checklistItems: number;
  unchanged: number;
  durationMs: number;
  /** Where the time went (reading files, parsing and rendering, writing, corpus-wide links and nav, search index). */
  timings?: { readMs: number; parseMs: number; writeMs: number; resolveMs: number; searchMs: number };
}
