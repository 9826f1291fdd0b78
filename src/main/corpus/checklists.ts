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

/** An item found inside a fence, with the YAML key (or Markdown heading) it sits under. */
interface FenceItem {
  text: string;
  group: string | null;
  checked: boolean;
  /** Line within the fence (0-based). */
  offset: number;
}

/** Collects the string leaves under every key whose name mentions "checklist" in a YAML fence. */
function yamlChecklistItems(source: string): FenceItem[] {
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
  const out: FenceItem[] = [];
  const leaves = (v: unknown, group: string | null): void => {
    if (typeof v === 'string' && v.trim()) out.push({ text: v.trim(), group, checked: false, offset: 0 });
    else if (Array.isArray(v)) v.forEach((x) => leaves(x, group));
    else if (v && typeof v === 'object') for (const [k, child] of Object.entries(v)) leaves(child, k);
  };
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        if (/checklist/i.test(k)) leaves(child, k);
        else walk(child);
      }
    }
  };
  walk(data);
  return out;
}

const FENCE_TASK_RE = /^(\s*)[-*]\s+\[([ xX])\]\s+(.*\S)\s*$/;
const FENCE_KEY_RE = /^(\s*)(?:-\s+)?([^\s#-][^:]*):\s*$/;
const FENCE_HEADING_RE = /^#{1,6}\s+(.*\S)\s*$/;

/**
 * Task-style lines (`- [ ] text`) written inside a code fence (authors put playbook
 * checklists in YAML or Markdown fences). Each item's group is the nearest less-indented
 * `key:` line above it, or the last Markdown heading. A line scan, not a YAML parse:
 * `- [ ] text` is not valid YAML, so a parser rejects these fences outright.
 */
function fenceTaskItems(source: string): FenceItem[] {
  const out: FenceItem[] = [];
  const keys: { indent: number; name: string }[] = [];
  let heading: string | null = null;
  source.split('\n').forEach((line, offset) => {
    const task = FENCE_TASK_RE.exec(line);
    if (task) {
      const indent = task[1]!.length;
      while (keys.length && keys[keys.length - 1]!.indent >= indent) keys.pop();
      const group = keys[keys.length - 1]?.name ?? heading;
      out.push({ text: task[3]!, group, checked: task[2] !== ' ', offset });
      return;
    }
    const h = FENCE_HEADING_RE.exec(line);
    if (h) {
      heading = h[1]!;
      keys.length = 0;
      return;
    }
    const key = FENCE_KEY_RE.exec(line);
    if (key) {
      const indent = key[1]!.length;
      while (keys.length && keys[keys.length - 1]!.indent >= indent) keys.pop();
      keys.push({ indent, name: key[2]!.trim() });
    }
  });
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
    group: string | null = null,
  ) => {
    const id = `${source}|${sectionSlug}`;
    let list = lists.get(id);
    if (!list) lists.set(id, (list = { pageId, sectionSlug, sectionTitle, source, items: [] }));
    let key = checklistItemKey(pageId, sectionSlug, text);
    for (let n = 2; used.has(key); n++) key = `${checklistItemKey(pageId, sectionSlug, text)}~${n}`;
    used.add(key);
    const item: ChecklistItem = { key, text, authorChecked, line, group };
    list.items.push(item);
    return key;
  };
  const taskKeys = tasks.map((t) =>
    add('task-list', t.sectionSlug, t.sectionTitle, t.text, t.checked, t.line),
  );
  for (const f of fences) {
    if (/^mermaid$/i.test(f.lang)) continue;
    let items = /\[[ xX]\]/.test(f.content) ? fenceTaskItems(f.content) : [];
    // Parsing YAML is costly: only fences that mention a checklist can hold one.
    if (!items.length && /^ya?ml$/i.test(f.lang) && /checklist/i.test(f.content))
      items = yamlChecklistItems(f.content);
    for (const it of items)
      add('yaml-fence', f.sectionSlug, f.sectionTitle, it.text, it.checked, f.line + 1 + it.offset, it.group);
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
