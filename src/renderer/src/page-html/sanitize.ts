import DOMPurify, { type Config } from 'dompurify';
import { formatSrcset, parseSrcset } from '../../../shared/srcset';

/**
 * The last step before page HTML enters the DOM. The stored HTML is the corpus's Markdown
 * rendered with raw HTML kept, so it can hold anything an author (or a hostile upstream
 * change) wrote: scripts, handlers, forms, iframes, `javascript:` URLs, DOM-clobbering names.
 * DOMPurify removes all of that; the hooks below keep the few interactive elements the
 * renderer itself emits (tab buttons, disabled task checkboxes) and mark external links.
 */

/** http(s), mailto, in-page (#…) and relative URLs; no javascript:, data:, file:, vbscript:… */
const ALLOWED_URL = /^(?:(?:https?|mailto):|[^a-z]|[a-z0-9+.-]+(?:[^a-z0-9+.\-:]|$))/i;

/** Elements dropped with their content (a calculator's <select> options would otherwise leak as text). */
const FORBID_CONTENTS = [
  'script',
  'style',
  'template',
  'noscript',
  'select',
  'textarea',
  'iframe',
  'object',
  'embed',
  'title',
];

const PAGE_CONFIG: Config = {
  FORBID_TAGS: [
    ...FORBID_CONTENTS,
    'form',
    'frame',
    'frameset',
    'base',
    'link',
    'meta',
    'option',
    'optgroup',
    'dialog',
    'portal',
    'applet',
    'audio',
    'video',
    'source',
    'track',
  ],
  ADD_FORBID_CONTENTS: FORBID_CONTENTS,
  FORBID_ATTR: ['formaction', 'action', 'srcdoc', 'ping', 'autofocus'],
  ALLOWED_URI_REGEXP: ALLOWED_URL,
  // Every id/name becomes `user-content-…`, so no page element can clobber document or window properties.
  SANITIZE_NAMED_PROPS: true,
  ALLOW_DATA_ATTR: true,
  ALLOW_ARIA_ATTR: true,
};

/** The prefix DOMPurify puts on every id (and name) of page content. */
export const ID_PREFIX = 'user-content-';

const EXTERNAL_RE = /^(?:https?|mailto):/i;

let purifier: ReturnType<typeof DOMPurify> | undefined;

function pagePurifier(): ReturnType<typeof DOMPurify> {
  if (purifier) return purifier;
  const p = DOMPurify(window);
  // Set once: a config passed to each sanitize call is parsed again on every call.
  p.setConfig({ ...PAGE_CONFIG, RETURN_DOM_FRAGMENT: true });
  p.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'INPUT') {
      node.setAttribute('disabled', '');
      node.removeAttribute('name');
      node.removeAttribute('value');
    }
    if (node.tagName === 'BUTTON') node.setAttribute('type', 'button');
    // DOMPurify judges a srcset by its start only: every candidate must pass the URL rule itself.
    const srcset = node.getAttribute('srcset');
    if (srcset !== null) {
      const kept = parseSrcset(srcset).filter((c) => ALLOWED_URL.test(c.url));
      if (kept.length) node.setAttribute('srcset', formatSrcset(kept));
      else node.removeAttribute('srcset');
    }
    if (node.tagName === 'A' && EXTERNAL_RE.test(node.getAttribute('href') ?? '')) {
      // External links leave the app: the shell opens them in the system browser.
      node.setAttribute('rel', 'noopener noreferrer');
      node.setAttribute('target', '_blank');
      node.setAttribute('data-external', '');
    } else if (node.tagName === 'A') {
      node.removeAttribute('target');
    }
  });
  return (purifier = p);
}

/** Only the renderer's own controls survive: disabled task checkboxes and tab buttons (an author's buttons keep their text). */
function dropForeignControls(fragment: DocumentFragment): DocumentFragment {
  for (const input of fragment.querySelectorAll('input:not([type="checkbox" i])')) input.remove();
  for (const button of fragment.querySelectorAll('button:not([role="tab"])'))
    button.replaceWith(...Array.from(button.childNodes));
  return fragment;
}

/** Sanitises page HTML into a fragment ready to insert (no second HTML parse). */
export function sanitizePageHtml(html: string): DocumentFragment {
  // DOMPurify returns null when the parse has no body at all (a page that is only a <frameset>).
  // A fragment, as set by setConfig (the typings only know the per-call option).
  const fragment = pagePurifier().sanitize(html) as unknown as DocumentFragment | null;
  return dropForeignControls(fragment ?? document.createDocumentFragment());
}

/** Sanitises page HTML to a string (for tests and previews). */
export function sanitizePageHtmlToString(html: string): string {
  const holder = document.createElement('div');
  holder.append(sanitizePageHtml(html));
  return holder.innerHTML;
}

/** A CSS `url(…)` pointing anywhere but inside the document (`url(#id)`). */
const EXTERNAL_CSS_URL = /url\(\s*(?!['"]?#)[^)]*\)/i;

let svgPurifier: ReturnType<typeof DOMPurify> | undefined;

function diagramPurifier(): ReturnType<typeof DOMPurify> {
  if (svgPurifier) return svgPurifier;
  const p = DOMPurify(window);
  // A diagram may only point inside itself (`#marker-id`, `url(#gradient)`): nothing is fetched, nothing runs.
  p.addHook('uponSanitizeAttribute', (_node, data) => {
    const external = /^(?:xlink:)?href$/i.test(data.attrName)
      ? !data.attrValue.trim().startsWith('#')
      : EXTERNAL_CSS_URL.test(data.attrValue);
    if (external) data.keepAttr = false;
  });
  p.addHook('uponSanitizeElement', (node, data) => {
    if (data.tagName === 'style' && node.textContent && EXTERNAL_CSS_URL.test(node.textContent)) {
      node.textContent = node.textContent.replace(new RegExp(EXTERNAL_CSS_URL.source, 'gi'), 'none');
    }
  });
  return (svgPurifier = p);
}

/**
 * Sanitises an SVG string (a mermaid diagram) with DOMPurify's SVG profile; `<style>` is kept for its theme.
 * DOMPurify tests the value of every attribute not on its URI-safe list against ALLOWED_URI_REGEXP, so
 * the pattern must accept plain values (`x="411"`, `viewBox="0 0 10 10"`, `marker-end="url(#m)"`):
 * it refuses only values that start with a scheme (`javascript:`, `data:`, `https:`…).
 */
export function sanitizeSvg(svg: string): DocumentFragment {
  return diagramPurifier().sanitize(svg, {
    USE_PROFILES: { svg: true, svgFilters: true },
    ADD_TAGS: ['style'],
    FORBID_TAGS: ['foreignObject', 'script', 'a'],
    ALLOWED_URI_REGEXP: /^(?:[^a-z]|[a-z0-9+.-]+(?:[^a-z0-9+.\-:]|$))/i,
    RETURN_DOM_FRAGMENT: true,
  });
}

/** Sanitises highlighter output: only spans with classes. */
export function sanitizeHighlight(html: string): DocumentFragment {
  return DOMPurify(window).sanitize(html, {
    ALLOWED_TAGS: ['span'],
    ALLOWED_ATTR: ['class'],
    RETURN_DOM_FRAGMENT: true,
  });
}
