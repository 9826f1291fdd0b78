import { landOnAnchor } from './anchor-landing';
import { ensureLanguage } from './highlight-languages';
import { ID_PREFIX, sanitizeHighlight } from './sanitize';

/**
 * Behaviour added to sanitised page content: tab sets (click and keyboard, WAI-ARIA tabs
 * pattern with automatic activation), copy buttons on code blocks, in-page `#anchor` links,
 * and syntax highlighting done lazily when a code block comes into view (highlight.js is
 * loaded with a dynamic import, off the page-open path).
 */

function selectTab(tabs: HTMLElement[], panels: HTMLElement[], index: number, focus: boolean): void {
  tabs.forEach((tab, i) => {
    const selected = i === index;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    panels[i]?.toggleAttribute('hidden', !selected);
  });
  if (focus) tabs[index]?.focus();
}

/** The tabs and panels of one tab set, in order. */
function tabParts(set: HTMLElement): { tabs: HTMLElement[]; panels: HTMLElement[] } {
  return {
    tabs: Array.from(set.querySelectorAll<HTMLElement>(':scope > .tabbed-labels > [role="tab"]')),
    panels: Array.from(set.querySelectorAll<HTMLElement>(':scope > [role="tabpanel"]')),
  };
}

/**
 * Selects every tab whose panel holds `target` (tab sets can nest), so a jump to a heading
 * inside an inactive tab lands on something visible. Call before scrolling to `target`.
 */
export function openEnclosingTabs(target: HTMLElement): void {
  for (
    let panel = target.closest<HTMLElement>('[role="tabpanel"]');
    panel;
    panel = panel.parentElement?.closest<HTMLElement>('[role="tabpanel"]') ?? null
  ) {
    const set = panel.parentElement;
    if (!panel.hidden || !set?.classList.contains('tabbed-set')) continue;
    const { tabs, panels } = tabParts(set);
    selectTab(tabs, panels, panels.indexOf(panel), false);
  }
}

/** Wires every `.tabbed-set` under root. */
export function enhanceTabs(root: HTMLElement): void {
  for (const set of root.querySelectorAll<HTMLElement>('.tabbed-set')) {
    const { tabs, panels } = tabParts(set);
    // The sanitiser prefixed the ids; point the ARIA references at the new ones.
    tabs.forEach((tab, i) => {
      const panel = panels[i];
      if (panel) {
        tab.setAttribute('aria-controls', panel.id);
        panel.setAttribute('aria-labelledby', tab.id);
      }
    });
    set.addEventListener('click', (e) => {
      const tab = (e.target as Element).closest<HTMLElement>('[role="tab"]');
      const index = tab ? tabs.indexOf(tab) : -1;
      if (index >= 0) selectTab(tabs, panels, index, false);
    });
    set.addEventListener('keydown', (e) => {
      const index = tabs.indexOf(e.target as HTMLElement);
      if (index < 0) return;
      const last = tabs.length - 1;
      const to = {
        ArrowRight: index === last ? 0 : index + 1,
        ArrowLeft: index === 0 ? last : index - 1,
        Home: 0,
        End: last,
      }[e.key];
      if (to === undefined) return;
      e.preventDefault();
      selectTab(tabs, panels, to, true);
    });
  }
}

/** Adds a copy button to every code block. */
export function addCopyButtons(root: HTMLElement): void {
  for (const pre of root.querySelectorAll<HTMLElement>('pre.code-block')) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'code-copy';
    button.setAttribute('aria-label', 'Copy code');
    button.textContent = 'Copy';
    button.addEventListener('click', () => {
      const text = pre.querySelector('code')?.textContent ?? '';
      navigator.clipboard.writeText(text).then(
        () => (button.textContent = 'Copied'),
        () => (button.textContent = 'Copy failed'),
      );
      setTimeout(() => (button.textContent = 'Copy'), 1500);
    });
    pre.append(button);
  }
}

/** The element of an in-page anchor, written either way (`x` or the sanitised `user-content-x`). */
export function findAnchor(root: ParentNode, anchor: string): HTMLElement | null {
  const id = anchor.replace(/^#/, '');
  if (!id) return null;
  return (
    root.querySelector<HTMLElement>(`[id="${CSS.escape(ID_PREFIX + id)}"]`) ??
    root.querySelector<HTMLElement>(`[id="${CSS.escape(id)}"]`)
  );
}

/** In-page links (`#fn1`, footnote back-references) scroll within the page instead of changing the app route. */
export function handleInPageLinks(root: HTMLElement): () => void {
  const onClick = (e: MouseEvent) => {
    const a = (e.target as Element).closest?.('a');
    const href = a?.getAttribute('href');
    if (!a || !href || !href.startsWith('#') || href.startsWith('#/')) return;
    e.preventDefault();
    const target = findAnchor(root, decodeURIComponent(href.slice(1)));
    if (!target) return;
    openEnclosingTabs(target);
    landOnAnchor(target, root);
  };
  root.addEventListener('click', onClick);
  return () => root.removeEventListener('click', onClick);
}

type Hljs = typeof import('highlight.js/lib/common').default;
let hljs: Promise<Hljs> | undefined;

async function highlight(code: HTMLElement): Promise<void> {
  const lang = /language-([\w+#-]+)/.exec(code.className)?.[1];
  const lib = await (hljs ??= import('highlight.js/lib/common').then((m) => m.default));
  const language = lang ? await ensureLanguage(lib, lang) : null;
  if (!language || code.dataset.highlighted) return;
  const { value } = lib.highlight(code.textContent ?? '', { language, ignoreIllegals: true });
  code.replaceChildren(sanitizeHighlight(value));
  code.classList.add('hljs');
  code.dataset.highlighted = 'yes';
}

/** Highlights code blocks as they come near the viewport. */
export function observeCode(root: HTMLElement): () => void {
  const blocks = Array.from(root.querySelectorAll<HTMLElement>('pre.code-block > code[class*="language-"]'));
  if (blocks.length === 0) return () => {};
  const io = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        io.unobserve(entry.target);
        void highlight(entry.target as HTMLElement);
      }
    },
    { rootMargin: '600px 0px' },
  );
  blocks.forEach((b) => io.observe(b));
  return () => io.disconnect();
}
