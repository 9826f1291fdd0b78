import { frameDiagram } from './diagram-frame';
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
  'secure',
  'securityLevel',
  'startOnLoad',
  'maxTextSize',
  'maxEdges',
  'htmlLabels',
  'flowchart',
  'themeCSS',
  'theme',
  'themeVariables',
  'darkMode',
  'dompurifyConfig',
  'suppressErrorRendering',
  'fontFamily',
  'altFontFamily',
];

/** The page's font, so labels are measured and drawn in the text's typeface. */
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif";

/**
 * Diagram colours from the content palette (page-palette.css), on mermaid's `base` theme, which
 * derives the rest (cluster, note, actor colours) from these. Values are fixed here because
 * mermaid needs concrete colours, not CSS variables.
 */
const THEME_VARIABLES = {
  light: {
    darkMode: false,
    background: '#ffffff',
    fontFamily: FONT,
    fontSize: '15px',
    primaryColor: '#e8f1fc',
    primaryBorderColor: '#0a5bb5',
    primaryTextColor: '#1f2328',
    secondaryColor: '#fff3e0',
    secondaryBorderColor: '#c26a2d',
    secondaryTextColor: '#1f2328',
    tertiaryColor: '#f6f8fa',
    tertiaryBorderColor: '#8c959f',
    tertiaryTextColor: '#1f2328',
    lineColor: '#57606a',
    textColor: '#1f2328',
    edgeLabelBackground: '#ffffff',
    actorLineColor: '#8c959f',
    noteBkgColor: '#fff8c5',
    noteBorderColor: '#d4a72c',
    noteTextColor: '#1f2328',
  },
  dark: {
    darkMode: true,
    background: '#0f1419',
    fontFamily: FONT,
    fontSize: '15px',
    primaryColor: '#14283f',
    primaryBorderColor: '#6cb6ff',
    primaryTextColor: '#e6edf3',
    secondaryColor: '#3c2415',
    secondaryBorderColor: '#b8652c',
    secondaryTextColor: '#e6edf3',
    tertiaryColor: '#1b222c',
    tertiaryBorderColor: '#7d8793',
    tertiaryTextColor: '#e6edf3',
    lineColor: '#9ba7b4',
    textColor: '#e6edf3',
    edgeLabelBackground: '#0f1419',
    actorLineColor: '#7d8793',
    noteBkgColor: '#3a2f05',
    noteBorderColor: '#b8900f',
    noteTextColor: '#fff6d1',
  },
} as const;

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
      theme: 'base',
      themeVariables: THEME_VARIABLES[theme],
      darkMode: theme === 'dark',
      fontFamily: FONT,
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

/** A parser's message in one line: where it failed and, when the parser says so, what it expected. */
export function describeError(message: string): string {
  const lines = message
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const where = (lines[0] ?? 'unknown error').replace(/:$/, '');
  const expected = lines.find((l) => /^Expecting /.test(l));
  return (expected ? `${where}: ${expected.charAt(0).toLowerCase()}${expected.slice(1)}` : where).slice(
    0,
    300,
  );
}

function errorBox(source: string, message: string): HTMLElement {
  const box = document.createElement('div');
  box.className = 'mermaid-error';
  box.setAttribute('role', 'note');
  const p = document.createElement('p');
  p.textContent = `This diagram could not be drawn: ${describeError(message)}`;
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
        const drawn = sanitizeSvg(svg);
        const root = drawn.querySelector('svg');
        content = root ? frameDiagram(root) : drawn;
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
 * Draws every diagram under `root` that is not drawn in the current theme yet (printing
 * needs them all, not only those scrolled near), and resolves once all are done.
 */
export async function drawAllDiagrams(root: ParentNode): Promise<void> {
  const theme = currentTheme();
  const pending = Array.from(root.querySelectorAll<HTMLElement>('.mermaid-diagram')).filter(
    (el) => el.dataset.theme !== theme || el.dataset.state === 'rendering',
  );
  // Diagrams already queued by the observers are drawn again; renders run one at a time.
  await Promise.all(pending.map((el) => renderDiagram(el)));
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
    for (const p of placeholders)
      if (p.dataset.theme && p.dataset.theme !== currentTheme()) void renderDiagram(p);
  });
  themeWatcher.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => {
    io.disconnect();
    themeWatcher.disconnect();
  };
}
