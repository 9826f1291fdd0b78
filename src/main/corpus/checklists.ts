import { createHash } from 'node:crypto';
import { parse } from 'yaml';
import type { Checklist, ChecklistItem, PageId } from '../../shared/domain';
import type { RenderedFence, RenderedTask } from '../render/types';

/** Normalised item text for keys: Unicode NFKC, no Markdown emphasis/code marks, collapsed spaces, lower case. */
export function normaliseItemText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[*_`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The stable key of a checklist item: page id + section slug + hash of its normalised text. */
export function checklistItemKey(pageId: PageId, sectionSlug: string, text: string): string {
  const hash = createHash('sha1').update(normaliseItemText(text)).digest('hex').slice(0, 12);
  return `${pageId}#${sectionSlug}#${hash}`;
}

/** Collects the string leaves under every key whose name mentions "checklist" in a YAML fence. */
function yamlChecklistItems(source: string): string[] {
  let data: unknown;
  try {
    data = parse(source, {
      version: '1.1',
      customTags: [],
      maxAliasCount: 20,
      uniqueKeys: false,
      logLevel: 'silent',
    });
  } catch {
    return [];
  }
  const out: string[] = [];
  const leaves = (v: unknown): void => {
    if (typeof v === 'string' && v.trim()) out.push(v.trim());
    else if (Array.isArray(v)) v.forEach(leaves);
    else if (v && typeof v === 'object') Object.values(v).forEach(leaves);
  };
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        if (/checklist/i.test(k)) leaves(child);
        else walk(child);
      }
    }
  };
  walk(data);
  return out;
}

function slugifySection(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Groups a page's checklist items by section: task-list items, items of checklists
 * inside yaml fences, and the `production_checklist` front-matter list. Identical items
 * within one section get a `~n` suffix so every key stays unique. `taskKeys[i]` is the
 * key of `tasks[i]`, for the checkboxes in the page's HTML.
 */
export function extractChecklists(
  pageId: PageId,
  tasks: RenderedTask[],
  fences: RenderedFence[],
  productionChecklist: unknown,
): { checklists: Checklist[]; taskKeys: string[] } {
  const lists = new Map<string, Checklist>();
  const used = new Set<string>();
  const add = (
    source: Checklist['source'],
    sectionSlug: string,
    sectionTitle: string,
    text: string,
    authorChecked: boolean,
    line: number | null,
  ) => {
    const id = `${source}|${sectionSlug}`;
    let list = lists.get(id);
    if (!list) lists.set(id, (list = { pageId, sectionSlug, sectionTitle, source, items: [] }));
    let key = checklistItemKey(pageId, sectionSlug, text);
    for (let n = 2; used.has(key); n++) key = `${checklistItemKey(pageId, sectionSlug, text)}~${n}`;
    used.add(key);
    const item: ChecklistItem = { key, text, authorChecked, line };
    list.items.push(item);
    return key;
  };
  const taskKeys = tasks.map((t) =>
    add('task-list', t.sectionSlug, t.sectionTitle, t.text, t.checked, t.line),
  );
  for (const f of fences) {
    // Parsing YAML is costly: only fences that mention a checklist can hold one.
    if (!/^ya?ml$/i.test(f.lang) || !/checklist/i.test(f.content)) continue;
    for (const text of yamlChecklistItems(f.content))
      add('yaml-fence', f.sectionSlug, f.sectionTitle, text, false, f.line);
  }
  if (Array.isArray(productionChecklist)) {
    for (const v of productionChecklist) {
      const text =
        typeof v === 'string'
          ? v.trim()
          : v && typeof v === 'object'
            ? String(Object.values(v)[0] ?? '')
            : '';
      if (text)
        add(
          'front-matter',
          slugifySection('Production checklist'),
          'Production checklist',
          text,
          false,
          null,
        );
    }
  }
  return { checklists: [...lists.values()], taskKeys };
}
