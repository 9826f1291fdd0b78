import './checklists.css';
import type { ItemProgress, ItemState } from '../../../shared/contract';
import type { Checklist, ChecklistItem } from '../../../shared/domain';

/**
 * Turns a mounted page's checklists into controls: the task-list checkboxes already in
 * the HTML (they carry their item key), and lists built here for items the HTML only has
 * as text — inside code fences (shown as a checklist with their YAML groups, the source one
 * click away) and the `production_checklist` front matter. Plain DOM, not Vue: a guide has
 * hundreds of items inside sanitised HTML, and a toggle repaints one row.
 */

export const STATE_LABELS: Record<ItemState, string> = {
  todo: 'To do',
  'in-progress': 'In progress',
  blocked: 'Blocked',
  done: 'Done',
  'n/a': 'Not applicable',
};

// One formatter for every row: toLocaleString builds a new one per call.
const changedAt = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'medium' });

export interface ChecklistHandlers {
  /** Space or a click on a checkbox. */
  toggle(key: string): void;
  /** The state button, or the `n` key on a checkbox: open the item's state and note. */
  open(key: string): void;
}

export interface MountedChecklists {
  /** Shows the given states on every item (absent = to do). */
  paint(items: Record<string, ItemProgress>): void;
  /** Focuses an item's checkbox (after its dialog closes). */
  focus(key: string): void;
  destroy(): void;
}

interface Row {
  key: string;
  text: string;
  input: HTMLInputElement;
  row: HTMLElement;
  button: HTMLButtonElement;
}

function stateButton(key: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'item-state';
  b.dataset.openItem = key;
  return b;
}

function itemRow(item: ChecklistItem): { li: HTMLLIElement; input: HTMLInputElement } {
  const li = document.createElement('li');
  li.className = 'task-list-item progress-row';
  const label = document.createElement('label');
  const input = document.createElement('input');
  input.type = 'checkbox';
  input.className = 'task-list-item-checkbox';
  input.dataset.itemKey = item.key;
  const text = document.createElement('span');
  text.textContent = item.text;
  label.append(input, ' ', text);
  li.append(label);
  return { li, input };
}

/** A list of items with their groups as sub-headings. */
function builtList(items: ChecklistItem[], rows: Map<string, HTMLInputElement>): HTMLElement {
  const box = document.createElement('div');
  box.className = 'built-checklist';
  let ul: HTMLUListElement | null = null;
  let group: string | null | undefined;
  for (const item of items) {
    if (!ul || item.group !== group) {
      if (item.group) {
        const h = document.createElement('p');
        h.className = 'built-checklist-group';
        h.textContent = item.group.replace(/_/g, ' ');
        box.append(h);
      }
      ul = document.createElement('ul');
      ul.className = 'contains-task-list';
      box.append(ul);
      group = item.group;
    }
    const { li, input } = itemRow(item);
    ul.append(li);
    rows.set(item.key, input);
  }
  return box;
}

/** The fence each item was written in: the first code block (in page order) whose text holds it. */
function placeFenceItems(root: HTMLElement, items: ChecklistItem[]): Map<HTMLElement, ChecklistItem[]> {
  const blocks = Array.from(root.querySelectorAll<HTMLElement>('pre.code-block'));
  const texts = blocks.map((b) => b.textContent ?? '');
  const placed = new Map<HTMLElement, ChecklistItem[]>();
  for (const item of items) {
    const i = texts.findIndex((t) => t.includes(item.text));
    const block = blocks[i];
    if (!block) continue;
    placed.set(block, [...(placed.get(block) ?? []), item]);
  }
  return placed;
}

export function mountChecklists(
  root: HTMLElement,
  checklists: Checklist[],
  handlers: ChecklistHandlers,
): MountedChecklists {
  const inputs = new Map<string, HTMLInputElement>();
  const added: HTMLElement[] = [];
  const byKey = new Map(checklists.flatMap((l) => l.items.map((it) => [it.key, it] as const)));

  for (const input of root.querySelectorAll<HTMLInputElement>(
    'input.task-list-item-checkbox[data-item-key]',
  )) {
    const key = input.dataset.itemKey!;
    if (byKey.has(key)) inputs.set(key, input);
  }

  const fenceItems = checklists.filter((l) => l.source === 'yaml-fence').flatMap((l) => l.items);
  const placed = placeFenceItems(root, fenceItems);
  for (const [block, items] of placed) {
    const list = builtList(items, inputs);
    const source = document.createElement('details');
    source.className = 'fence-source';
    const summary = document.createElement('summary');
    summary.textContent = 'Show the source';
    block.replaceWith(list);
    source.append(summary, block);
    list.append(source);
    added.push(list);
  }
  const unplaced = fenceItems.filter((it) => !inputs.has(it.key));
  const frontMatter = checklists.filter((l) => l.source === 'front-matter').flatMap((l) => l.items);
  for (const [title, items] of [
    ['Production checklist', frontMatter],
    ['More checklist items', unplaced],
  ] as const) {
    if (!items.length) continue;
    const section = document.createElement('section');
    section.className = 'built-checklist-section';
    const h = document.createElement('h2');
    h.textContent = title;
    section.append(h, builtList(items, inputs));
    root.append(section);
    added.push(section);
  }

  const rows: Row[] = [];
  for (const [key, input] of inputs) {
    const item = byKey.get(key)!;
    input.disabled = false;
    input.setAttribute('aria-label', item.text);
    const row = input.closest<HTMLElement>('li') ?? input.parentElement!;
    row.classList.add('progress-row');
    const button = stateButton(key);
    row.append(button);
    rows.push({ key, text: item.text, input, row, button });
  }
  // Arrow keys move through every checkbox in page order.
  const ordered = rows
    .slice()
    .sort((a, b) => (a.input.compareDocumentPosition(b.input) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  const rowByKey = new Map(rows.map((r) => [r.key, r]));

  const onChange = (e: Event) => {
    const key = (e.target as HTMLElement).dataset?.itemKey;
    if (key && rowByKey.has(key)) handlers.toggle(key);
  };
  const onClick = (e: MouseEvent) => {
    const key = (e.target as Element).closest<HTMLElement>('[data-open-item]')?.dataset.openItem;
    if (key) handlers.open(key);
  };
  const onKey = (e: KeyboardEvent) => {
    const key = (e.target as HTMLElement).dataset?.itemKey;
    if (!key || !rowByKey.has(key) || e.altKey || e.ctrlKey || e.metaKey) return;
    const i = ordered.findIndex((r) => r.key === key);
    const move = { ArrowDown: 1, ArrowUp: -1 }[e.key];
    if (move !== undefined) {
      e.preventDefault();
      ordered[Math.min(ordered.length - 1, Math.max(0, i + move))]?.input.focus();
    } else if (e.key === 'n' || e.key === 'Enter') {
      e.preventDefault();
      handlers.open(key);
    }
  };
  root.addEventListener('change', onChange);
  root.addEventListener('click', onClick);
  root.addEventListener('keydown', onKey);
  /** The state each row shows, to repaint only the rows whose state changed. */
  const painted = new Map<string, ItemProgress | undefined>();
  // Tests and tools wait on this: the controls are live.
  root.dataset.checklistsReady = '';

  return {
    paint(items) {
      for (const r of rows) {
        const p = items[r.key];
        // A change replaces one item's object: the rows of the others are already right.
        if (painted.has(r.key) && painted.get(r.key) === p) continue;
        painted.set(r.key, p);
        const state = p?.state ?? 'todo';
        r.input.checked = state === 'done';
        r.input.indeterminate = state === 'in-progress';
        r.row.dataset.state = state;
        r.button.textContent = STATE_LABELS[state] + (p?.note ? ' · note' : '');
        r.button.setAttribute(
          'aria-label',
          `${STATE_LABELS[state]}${p?.note ? ', has a note' : ''}: state and note of “${r.text}”`,
        );
        r.button.title = p ? `Changed ${changedAt.format(new Date(p.updatedAt))}` : 'Not started';
      }
    },
    focus(key) {
      rowByKey.get(key)?.input.focus();
    },
    destroy() {
      root.removeEventListener('change', onChange);
      root.removeEventListener('click', onClick);
      root.removeEventListener('keydown', onKey);
    },
  };
}
