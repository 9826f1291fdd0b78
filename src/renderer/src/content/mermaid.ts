import { sanitizeSvg } from './sanitize';

/**
 * Mermaid diagrams, rendered locally and lazily: mermaid is loaded with a dynamic import the
 * first time a diagram scrolls into view, so it is never on the page-open path. Security:
 * strict level, no HTML labels, and every key that could weaken that listed in `secure`, so
 * an author's `%%{init: …}%%` directive cannot change it; the SVG mermaid returns is
 * sanitised again with DOMPurify's SVG profile before it enters the DOM.
 */

type Mermaid = typeof import('mermaid').default;

/** Longest diagram source mermaid is asked to parse (bounds its time). */
export const MAX_DIAGRAM_CHARS = 30_000;

/** Config keys an init directive may not override. */
export const LOCKED_KEYS = [
  'secure', 'securityLevel', 'startOnLoad', 'maxTextSize', 'maxEdges', 'htmlLabels', 'flowchart',
  'themeCSS', 'theme', 'darkMode', 'dompurifyConfig', 'suppressErrorRendering', 'fontFamily', 'altFontFamily',
];

let loading: Promise<Mermaid> | undefined;
let configuredFor: string | undefined;
let queue: Promise<unknown> = Promise.resolve();
let counter = 0;

/** True once the mermaid module has been requested (tests and the bench check it stays false on open). */
export function mermaidRequested(): boolean {
  return loading !== undefined;
}

function currentTheme(): 'dark' | 'light' {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

async function mermaidFor(theme: 'dark' | 'light'): Promise<Mermaid> {
  const mermaid = await (loading ??= import('mermaid').then((m) => m.default));
  if (configuredFor !== theme) {
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      theme: theme === 'dark' ? 'dark' : 'default',
      darkMode: theme === 'dark',
      htmlLabels: false,
      flowchart: { htmlLabels: false },
      maxTextSize: MAX_DIAGRAM_CHARS,
      maxEdges: 1000,
      suppressErrorRendering: true,
      secure: LOCKED_KEYS,
    });
    configuredFor = theme;
  }
  return mermaid;
}

function errorBox(source: string, message: string): HTMLElement {
  const box = document.createElement('div');
  box.className = 'mermaid-error';
  box.setAttribute('role', 'note');
  const p = document.createElement('p');
  p.textContent = `This diagram could not be drawn: ${message.split('\n')[0]!.slice(0, 300)}`;
  const pre = document.createElement('pre');
  pre.textContent = source;
  box.append(p, pre);
  return box;
}

/** Renders one placeholder (`.mermaid-diagram` holding `pre.mermaid-source`) in place; diagrams render one at a time. */
export function renderDiagram(el: HTMLElement): Promise<void> {
  const run = async () => {
    el.dataset.source ??= el.querySelector('pre.mermaid-source')?.textContent ?? '';
    const source = el.dataset.source;
    const theme = currentTheme();
    el.dataset.state = 'rendering';
    let content: Node;
    if (source.length > MAX_DIAGRAM_CHARS) {
      content = errorBox(source, `the diagram is longer than ${MAX_DIAGRAM_CHARS} characters`);
    } else {
      const id = `mermaid-svg-${++counter}`;
      try {
        const mermaid = await mermaidFor(theme);
        const { svg } = await mermaid.render(id, source);
        content = sanitizeSvg(svg);
      } catch (e) {
        content = errorBox(source, e instanceof Error ? e.message : String(e));
      } finally {
        // mermaid leaves its scratch element behind when rendering fails
        document.getElementById(`d${id}`)?.remove();
        document.getElementById(id)?.remove();
      }
    }
    el.replaceChildren(content);
    el.dataset.state = el.querySelector('.mermaid-error') ? 'error' : 'done';
    el.dataset.theme = theme;
  };
  const next = queue.then(run, run);
  queue = next;
  return next;
}

/**
 * Renders diagrams under `root` when they come near the viewport, and renders the drawn ones
 * again when the theme (`data-theme` on <html>) changes. Returns a cleanup function.
 */
export function observeDiagrams(root: HTMLElement): () => void {
  const placeholders = Array.from(root.querySelectorAll<HTMLElement>('.mermaid-diagram'));
  if (placeholders.length === 0) return () => {};
  const io = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        io.unobserve(entry.target);
        void renderDiagram(entry.target as HTMLElement);
      }
    },
    { rootMargin: '400px 0px' },
  );
  placeholders.forEach((p) => io.observe(p));
  const themeWatcher = new MutationObserver(() => {
    for (const p of placeholders) if (p.dataset.theme && p.dataset.theme !== currentTheme()) void renderDiagram(p);
  });
  themeWatcher.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => {
    io.disconnect();
    themeWatcher.disconnect();
  };
}
