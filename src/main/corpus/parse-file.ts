import { deflateRawSync } from 'node:zlib';
import { posix } from 'node:path';
import type { Checklist, Heading, ImportWarning, PageId, PageMeta, TimelineFact } from '../../shared/domain';
import { MAX_SECTIONS_PER_PAGE } from '../database/section-keys';
import { renderPage } from '../render/render-page';
import type { RenderedLink, RenderedSection } from '../render/types';
import { extractChecklists } from './checklists';
import { decodeMarkdown } from './decode';
import { splitFrontMatter } from './front-matter';
import { pageIdOf } from './link-resolver';
import { normaliseMetadata } from './normalise-metadata';
import { extractTimeline } from './timeline';

/** Lines longer than this get a warning (they still import). */
const LONG_LINE = 10_000;

export interface ParsedPage {
  kind: 'page';
  path: string;
  sha: string;
  id: PageId;
  title: string;
  meta: PageMeta;
  frontMatterRaw: string | null;
  /** Rendered HTML, deflated (raw deflate): HTML is most of the database, and compresses well. */
  htmlDeflated: Uint8Array;
  wordCount: number;
  /** The page split at its headings; every section but the lead one carries its heading. */
  sections: StoredSection[];
  links: RenderedLink[];
  checklists: Checklist[];
  facts: TimelineFact[];
  warnings: ImportWarning[];
}

export interface StoredSection {
  anchor: string | null;
  heading: string | null;
  level: number;
  /** JSON array of the anchor's other spellings, null when there are none. */
  altAnchors: string | null;
  /** Plain text, raw-deflated when long (read back in SQL through section_text()). */
  body: Uint8Array | string;
}

export interface ParsedAlias {
  kind: 'alias';
  path: string;
  sha: string;
  id: PageId;
  redirectTo: string;
  warnings: ImportWarning[];
}

export interface SkippedParse {
  kind: 'skipped';
  path: string;
  sha: string;
  reason: string;
}

export type ParsedFile = ParsedPage | ParsedAlias | SkippedParse;

function humanise(path: string): string {
  const base = posix.basename(path, '.md');
  return (base === 'index' ? posix.basename(posix.dirname(path)) || 'Home' : base)
    .replace(/[-_]+/g, ' ')
    .replace(/\b\w/g, (c) => c.toUpperCase());
}

function bodyChecks(path: string, body: string, bodyLine: number): ImportWarning[] {
  const out: ImportWarning[] = [];
  let fenceOpen: number | null = null;
  let fenceMarker = '';
  const lines = body.split('\n');
  lines.forEach((line, i) => {
    if (line.length > LONG_LINE && !out.some((w) => w.kind === 'long-line')) {
      out.push({
        path,
        kind: 'long-line',
        message: `line ${bodyLine + i} is ${line.length} characters long`,
        line: bodyLine + i,
      });
    }
    const m = /^\s*(`{3,}|~{3,})/.exec(line);
    if (!m) return;
    if (fenceOpen === null) {
      fenceOpen = bodyLine + i;
      fenceMarker = m[1]!;
    } else if (
      m[1]!.startsWith(fenceMarker[0]!) &&
      m[1]!.length >= fenceMarker.length &&
      line.trim() === m[1]
    ) {
      fenceOpen = null;
    }
  });
  if (fenceOpen !== null) {
    out.push({
      path,
      kind: 'unclosed-fence',
      message: `code fence opened on line ${fenceOpen} is never closed; the rest of the page shows as code`,
      line: fenceOpen,
    });
  }
  return out;
}

/** Section texts at least this long are stored deflated. */
const COMPRESS_FROM = 256;

/**
 * A page has at most MAX_SECTIONS_PER_PAGE sections (a section id encodes its page): any
 * further ones are folded, heading and text, into the last, so their words stay searchable.
 */
function foldSections(sections: RenderedSection[]): RenderedSection[] {
  if (sections.length <= MAX_SECTIONS_PER_PAGE) return sections;
  const kept = sections.slice(0, MAX_SECTIONS_PER_PAGE);
  const last = { ...kept.at(-1)! };
  last.text += sections
    .slice(MAX_SECTIONS_PER_PAGE)
    .map((x) => `\n${x.heading ?? ''}\n${x.text}`)
    .join('');
  kept[kept.length - 1] = last;
  return kept;
}

/** Pairs each heading section with its heading (same order) and compresses the text. */
function storedSections(sections: RenderedSection[], headings: Heading[]): StoredSection[] {
  let h = 0;
  return sections.map((s) => {
    const heading = s.heading === null ? undefined : headings[h++];
    const alt = heading?.altIds.length ? JSON.stringify(heading.altIds) : null;
    // Short texts gain little from deflate and each call costs a compressor set-up: kept as text.
    const body = s.text.length < COMPRESS_FROM ? s.text : deflateRawSync(s.text, { level: 4 });
    return { anchor: s.anchor, heading: s.heading, level: s.level, altAnchors: alt, body };
  });
}

/** The title written in front matter that did not parse, when it is a simple `title:` line. */
function rawTitle(raw: string | null): string | null {
  const m = raw ? /^title:\s*["']?(.+?)["']?\s*$/m.exec(raw) : null;
  return m?.[1] ?? null;
}

/**
 * Turns one file's bytes into everything the importer stores for it: a page, an alias
 * (`redirect_to` stubs) or a skip with its reason. Pure (no database), so it can run in a
 * worker thread; never throws — a bug or a pathological file becomes a skip.
 */
export function parseFile(path: string, bytes: Uint8Array, sha: string): ParsedFile {
  const id = pageIdOf(path);
  try {
    const decoded = decodeMarkdown(bytes);
    if (!decoded.ok) return { kind: 'skipped', path, sha, reason: decoded.reason };
    const warnings: ImportWarning[] = decoded.notes.map((message) => ({ path, kind: 'encoding', message }));
    const fm = splitFrontMatter(decoded.text);
    for (const p of fm.problems) warnings.push({ path, kind: p.kind, message: p.message, line: p.line });
    for (const note of fm.notes) warnings.push({ path, kind: 'front-matter-note', message: note });

    const redirect = fm.data.redirect_to;
    if (typeof redirect === 'string' && redirect.trim())
      return { kind: 'alias', path, sha, id, redirectTo: redirect.trim(), warnings };

    const meta = normaliseMetadata(fm.data);
    const rendered = renderPage(fm.body, { pageId: id });
    const shift = fm.bodyLine - 1;
    const fmTitle =
      typeof fm.data.title === 'string' || typeof fm.data.title === 'number'
        ? String(fm.data.title).trim()
        : '';
    const title = fmTitle || rendered.firstH1 || rawTitle(fm.raw) || humanise(path);

    for (const flag of meta.flags)
      warnings.push({
        path,
        kind: flag.startsWith('template page') ? 'template' : 'odd-value',
        message: flag,
      });
    for (const problem of rendered.problems) warnings.push({ path, kind: 'render', message: problem });
    warnings.push(...bodyChecks(path, fm.body, fm.bodyLine));
    if (rendered.sections.length > MAX_SECTIONS_PER_PAGE)
      warnings.push({
        path,
        kind: 'render',
        message: `${rendered.sections.length} sections: headings after the first ${MAX_SECTIONS_PER_PAGE} are searched as part of the last one and left out of the table of contents`,
      });

    const tasks = rendered.tasks.map((t) => ({ ...t, line: t.line + shift }));
    const fences = rendered.fences.map((f) => ({ ...f, line: f.line + shift }));
    const { checklists, taskKeys } = extractChecklists(id, tasks, fences, fm.data.production_checklist);
    const facts = extractTimeline(id, meta, rendered.sections);
    if (facts.some((f) => f.conflict)) {
      warnings.push({
        path,
        kind: 'timeline-conflict',
        message: `year_implemented ${meta.yearImplemented} is earlier than introduced ${meta.introduced?.year}`,
      });
    }
    // Task checkboxes carry their item's stable key (the checklist feature makes them live).
    const html = rendered.html.replace(
      /data-task-index="(\d+)"/g,
      (_, n: string) => `data-item-key="${taskKeys[Number(n)] ?? ''}"`,
    );
    return {
      kind: 'page',
      path,
      sha,
      id,
      title,
      meta,
      // The raw YAML is kept only where it is the only copy of the author's data (it did not parse).
      frontMatterRaw: fm.problems.some((p) => p.kind === 'front-matter-invalid') ? fm.raw : null,
      htmlDeflated: deflateRawSync(html, { level: 4 }),
      wordCount: rendered.wordCount,
      sections: storedSections(foldSections(rendered.sections), rendered.headings),
      links: rendered.links.map((l) => ({ ...l, line: l.line + shift })),
      checklists,
      facts,
      warnings,
    };
  } catch (e) {
    return { kind: 'skipped', path, sha, reason: `could not be imported: ${(e as Error).message}` };
  }
}
