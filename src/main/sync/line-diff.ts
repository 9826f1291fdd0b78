import type { DiffLine } from '../../shared/contract/sync';

/** Unchanged lines shown around each change; longer unchanged runs fold into one `skip` line. */
const CONTEXT = 3;
/** Past this many differing lines the diff is shown as "all removed, all added" (bounded work). */
const MAX_EDITS = 4000;

/**
 * A readable line diff (Myers' O(ND) shortest edit script) with folded context. Written
 * here because the project has no diff dependency and this one function is all the
 * "What changed" view needs.
 */
export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before === '' ? [] : before.split(/\r?\n/);
  const b = after === '' ? [] : after.split(/\r?\n/);
  return fold(editScript(a, b));
}

function editScript(a: string[], b: string[]): DiffLine[] {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDITS);
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
          ? v[offset + k + 1]!
          : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, a, b, offset, d);
    }
    v = next;
  }
  return [
    ...a.map((text) => ({ op: 'del' as const, text })),
    ...b.map((text) => ({ op: 'add' as const, text })),
  ];
}

function backtrack(trace: Int32Array[], a: string[], b: string[], offset: number, dEnd: number): DiffLine[] {
  const out: DiffLine[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = dEnd; d > 0; d--) {
    const prev = trace[d]!;
    const k = x - y;
    const down = k === -d || (k !== d && prev[offset + k - 1]! < prev[offset + k + 1]!);
    const prevK = down ? k + 1 : k - 1;
    const prevX = prev[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      out.push({ op: 'same', text: a[--x]! });
      y--;
    }
    if (down) out.push({ op: 'add', text: b[--y]! });
    else out.push({ op: 'del', text: a[--x]! });
  }
  while (x > 0 && y > 0) {
    out.push({ op: 'same', text: a[--x]! });
    y--;
  }
  return out.reverse();
}

/** Keeps CONTEXT unchanged lines around changes and folds the rest. */
function fold(lines: DiffLine[]): DiffLine[] {
  const near = new Uint8Array(lines.length);
  lines.forEach((l, i) => {
    if (l.op === 'same') return;
    for (let j = Math.max(0, i - CONTEXT); j <= Math.min(lines.length - 1, i + CONTEXT); j++) near[j] = 1;
  });
  const out: DiffLine[] = [];
  let skipped = 0;
  lines.forEach((l, i) => {
    if (l.op !== 'same' || near[i]) {
      if (skipped) out.push({ op: 'skip', text: String(skipped) });
      skipped = 0;
      out.push(l);
    } else skipped++;
  });
  if (skipped) out.push({ op: 'skip', text: String(skipped) });
  return out;
}
