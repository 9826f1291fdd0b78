/**
 * Browser side of the content tests and the open-time bench: bundled with esbuild and loaded
 * in Chromium by chromium-harness.ts. Exposes the real content module plus a recorder for
 * anything a payload manages to execute.
 */
import { mermaidRequested, renderDiagram } from '../../../src/renderer/src/page-html/mermaid';
import { mountPageHtml } from '../../../src/renderer/src/page-html/mount';
import { sanitizePageHtmlToString, sanitizeSvg } from '../../../src/renderer/src/page-html/sanitize';

declare global {
  interface Window {
    __xss: string[];
    __probe: typeof probe;
  }
}

window.__xss = [];
const record = (how: string) => (arg?: unknown) => void window.__xss.push(`${how}(${String(arg)})`);
window.alert = record('alert');
window.confirm = (a?: string) => (record('confirm')(a), false);
window.prompt = (a?: string) => (record('prompt')(a), null);
window.print = () => record('print')();

// Taken once: the positive control's DOM-clobbering payloads really do clobber document.getElementById.
const rootElement = document.getElementById('root')!;
function root(): HTMLElement {
  return rootElement;
}

/** Fires the events payloads hook (mouse, focus, animation, clicks) on every element of the root. */
async function poke(): Promise<void> {
  for (const el of Array.from(root().querySelectorAll<HTMLElement>('*'))) {
    for (const type of [
      'mouseover',
      'mouseenter',
      'mousemove',
      'pointerdown',
      'focus',
      'focusin',
      'animationstart',
      'toggle',
    ]) {
      el.dispatchEvent(new Event(type, { bubbles: true }));
    }
    el.focus?.();
    el.click?.();
  }
  await new Promise((r) => setTimeout(r, 150));
}

/** Keeps ordinary links from navigating away from the test page; javascript: URLs still run (positive control). */
document.addEventListener(
  'click',
  (e) => {
    const a = (e.target as Element).closest?.('a');
    if (a && !/^\s*javascript:/i.test(a.getAttribute('href') ?? '')) e.preventDefault();
  },
  true,
);

const probe = {
  async mount(html: string): Promise<string[]> {
    window.__xss = [];
    mountPageHtml(root(), html);
    await new Promise((r) => setTimeout(r, 100));
    await poke();
    return window.__xss;
  },
  /** Mounts without poking (for behaviour tests). */
  mountOnly(html: string): void {
    mountPageHtml(root(), html);
  },
  /** Mounts and jumps to an anchor, as a deep link does. */
  mountAt(html: string, anchor: string): void {
    mountPageHtml(root(), html, { anchor });
  },
  async bare(html: string): Promise<string[]> {
    window.__xss = [];
    root().innerHTML = html;
    await new Promise((r) => setTimeout(r, 100));
    await poke();
    return window.__xss;
  },
  sanitize(html: string): string {
    return sanitizePageHtmlToString(html);
  },
  /** A diagram's SVG after sanitising, serialised. */
  sanitizeSvg(svg: string): string {
    const holder = document.createElement('div');
    holder.append(sanitizeSvg(svg));
    return holder.innerHTML;
  },
  /** Dangerous things left in the live DOM after mounting (independent of whether they fired). */
  residue(): string[] {
    const found: string[] = [];
    for (const el of Array.from(root().querySelectorAll('*'))) {
      const tag = el.tagName.toLowerCase();
      // A drawn diagram's own ids and theme <style> come from mermaid, prefixed with our render id;
      // the full-size overlay (opened when poke() clicks the diagram's ⤢ button) holds a copy.
      const diagram = el.closest('.mermaid-diagram svg, .diagram-overlay svg') !== null;
      if (diagram && tag === 'style') continue;
      if (
        [
          'script',
          'iframe',
          'object',
          'embed',
          'form',
          'style',
          'base',
          'meta',
          'link',
          'frame',
          'foreignobject',
        ].includes(tag)
      )
        found.push(`<${tag}>`);
      for (const attr of Array.from(el.attributes)) {
        if (/^on/i.test(attr.name)) found.push(`${tag}[${attr.name}]`);
        if (
          /^(href|src|action|formaction|xlink:href|data|srcdoc|background|poster|lowsrc|dynsrc)$/i.test(
            attr.name,
          )
        ) {
          // eslint-disable-next-line no-control-regex
          const v = attr.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
          if (
            !/^(https?:|mailto:|#|[^a-z]|[a-z0-9+.-]+([^a-z0-9+.\-:]|$))/.test(v) ||
            /^(javascript|data|vbscript):/.test(v)
          )
            found.push(`${tag}[${attr.name}=${attr.value.slice(0, 40)}]`);
        }
        if (attr.name === 'id' || attr.name === 'name') {
          if (!attr.value.startsWith('user-content-') && !(diagram && attr.value.startsWith('mermaid-svg-')))
            found.push(`${tag}[${attr.name}=${attr.value}] unprefixed`);
        }
      }
    }
    return found;
  },
  /** Time to sanitise + insert + enhance, against a bare innerHTML of the same HTML (ms, median of runs). */
  timeOpen(html: string, runs: number): { bare: number; mounted: number; mermaidLoaded: boolean } {
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const bare: number[] = [];
    const mounted: number[] = [];
    for (let i = 0; i < runs; i++) {
      root().replaceChildren();
      let t0 = performance.now();
      root().innerHTML = html;
      void root().offsetHeight;
      bare.push(performance.now() - t0);
      root().replaceChildren();
      t0 = performance.now();
      const page = mountPageHtml(root(), html);
      void root().offsetHeight;
      mounted.push(performance.now() - t0);
      page.destroy();
    }
    return { bare: median(bare), mounted: median(mounted), mermaidLoaded: mermaidRequested() };
  },
  mermaidRequested,
  /**
   * Mounts a page, draws all its diagrams, and counts those whose drawn content (the SVG's
   * groups, in screen space) reaches outside the box that shows it: the nearest element that
   * clips (overflow other than visible) inside the diagram, else the diagram itself.
   */
  async diagramFit(html: string): Promise<{ drawn: number; overflowing: number; errors: number }> {
    const page = mountPageHtml(root(), html);
    const diagrams = Array.from(root().querySelectorAll<HTMLElement>('.mermaid-diagram'));
    for (const d of diagrams) await renderDiagram(d);
    let drawn = 0;
    let overflowing = 0;
    for (const d of diagrams) {
      const svg = d.querySelector('svg');
      if (d.dataset.state !== 'done' || !svg) continue;
      drawn++;
      let frame: HTMLElement = d;
      for (let e = svg.parentElement; e && e !== d; e = e.parentElement) {
        if (getComputedStyle(e).overflowX !== 'visible') {
          frame = e;
          break;
        }
      }
      const f = frame.getBoundingClientRect();
      const groups = Array.from(svg.children)
        .filter((c) => c.tagName.toLowerCase() === 'g')
        .map((g) => g.getBoundingClientRect());
      const out = groups.some(
        (r) =>
          r.width > 0 &&
          (r.left < f.left - 1 || r.right > f.right + 1 || r.top < f.top - 1 || r.bottom > f.bottom + 1),
      );
      if (out) overflowing++;
    }
    const errors = diagrams.filter((d) => d.dataset.state === 'error').length;
    page.destroy();
    return { drawn, overflowing, errors };
  },
};
window.__probe = probe;
