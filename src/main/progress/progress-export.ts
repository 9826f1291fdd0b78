import type { ExportFormat, ItemProgress, RunSummary } from '../../shared/contract';
import type { Checklist } from '../../shared/domain';

/** One run with its page's checklists and its states, as the export formats read it. */
export interface RunExport {
  run: RunSummary;
  checklists: Checklist[];
  items: Record<string, ItemProgress>;
  orphans: ItemProgress[];
}

const STATE_LABEL = {
  todo: 'to do',
  'in-progress': 'in progress',
  blocked: 'blocked',
  done: 'done',
  'n/a': 'not applicable',
} as const;

/** One row per item (current ones in page order, then orphans): the shape CSV and JSON share. */
interface ItemRow {
  run: string;
  page: string;
  section: string;
  group: string;
  text: string;
  state: ItemProgress['state'];
  note: string;
  updatedAt: string;
  key: string;
  inGuide: boolean;
}

function rowsOf(e: RunExport): ItemRow[] {
  const base = { run: e.run.name, page: e.run.pageId };
  const rows: ItemRow[] = [];
  for (const list of e.checklists)
    for (const it of list.items) {
      const p = e.items[it.key];
      rows.push({
        ...base,
        section: list.sectionTitle,
        group: it.group ?? '',
        text: it.text,
        state: p?.state ?? 'todo',
        note: p?.note ?? '',
        updatedAt: p?.updatedAt ?? '',
        key: it.key,
        inGuide: true,
      });
    }
  for (const o of e.orphans)
    rows.push({
      ...base,
      section: o.sectionSlug,
      group: '',
      text: o.text,
      state: o.state,
      note: o.note,
      updatedAt: o.updatedAt,
      key: o.key,
      inGuide: false,
    });
  return rows;
}

const day = (iso: string) => iso.slice(0, 10);

function countLine(run: RunSummary): string {
  const c = run.count;
  const parts = [`${c.done} of ${c.total} done`];
  if (c.inProgress) parts.push(`${c.inProgress} in progress`);
  if (c.blocked) parts.push(`${c.blocked} blocked`);
  if (c.notApplicable) parts.push(`${c.notApplicable} not applicable`);
  return parts.join(' · ');
}

function mdItem(text: string, p: ItemProgress | undefined): string[] {
  const state = p?.state ?? 'todo';
  const tail = state === 'todo' && !p ? '' : ` — *${STATE_LABEL[state]}*${p ? ` (${day(p.updatedAt)})` : ''}`;
  const line = `- [${state === 'done' ? 'x' : ' '}] ${state === 'n/a' ? `~~${text}~~` : text}${tail}`;
  const note = p?.note.trim()
    ? p.note
        .trim()
        .split('\n')
        .map((l) => `  > ${l}`)
    : [];
  return [line, ...note];
}

/** A run as a Markdown checklist, ready to paste into an issue or a pull request. */
function markdown(e: RunExport): string {
  const out = [
    `## ${e.run.name}`,
    '',
    `${e.run.pageTitle ?? e.run.pageId} (\`${e.run.pageId}\`) · ${countLine(e.run)} · last change ${day(e.run.updatedAt)}`,
  ];
  for (const list of e.checklists) {
    out.push('', `### ${list.sectionTitle}`, '');
    let group: string | null = null;
    for (const it of list.items) {
      if (it.group && it.group !== group) out.push(...(out.at(-1) === '' ? [] : ['']), `**${it.group}**`, '');
      group = it.group;
      out.push(...mdItem(it.text, e.items[it.key]));
    }
  }
  if (e.orphans.length) {
    out.push('', '### No longer in this guide', '');
    for (const o of e.orphans) out.push(...mdItem(o.text, o));
  }
  return out.join('\n');
}

/**
 * One CSV field (RFC 4180 quoting). Written here rather than pulling a CSV package for
 * a single writer. Cells starting with = + - @ are prefixed with ' so a spreadsheet
 * shows them as text instead of running them as formulas.
 */
function csvField(value: string): string {
  const v = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

const CSV_COLUMNS = [
  'run',
  'page',
  'section',
  'group',
  'text',
  'state',
  'note',
  'updatedAt',
  'key',
  'inGuide',
] as const;

function csv(rows: ItemRow[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const r of rows) lines.push(CSV_COLUMNS.map((c) => csvField(String(r[c]))).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** Markdown, CSV or JSON of one or more runs, with a file name and MIME type. */
export function exportRun(
  runs: RunExport[],
  format: ExportFormat,
): { suggestedName: string; mime: string; text: string } {
  const base = runs.length === 1 ? runs[0]!.run.name : 'checklist-runs';
  if (format === 'md')
    return {
      suggestedName: `${base}.md`,
      mime: 'text/markdown',
      text: runs.map(markdown).join('\n\n') + '\n',
    };
  if (format === 'csv')
    return { suggestedName: `${base}.csv`, mime: 'text/csv', text: csv(runs.flatMap(rowsOf)) };
  const json = {
    format: 'dstudio-checklist-runs',
    version: 1,
    runs: runs.map((e) => ({ ...e.run, items: rowsOf(e).map(({ run: _r, page: _p, ...rest }) => rest) })),
  };
  return {
    suggestedName: `${base}.json`,
    mime: 'application/json',
    text: JSON.stringify(json, null, 2) + '\n',
  };
}
