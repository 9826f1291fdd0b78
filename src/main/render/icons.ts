import * as mdi from '@mdi/js';
import octicons from '@primer/octicons';
import type MarkdownIt from 'markdown-it';
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';

/**
 * Icon shortcodes (`:material-clock-fast:`, `:octicons-arrow-right-24:`) as inline SVG from
 * locally bundled icon sets, so they work offline and in both themes (fill: currentColor).
 * An unknown name (template placeholders such as `:material-icon:`, names the set lacks such as
 * `:material-quiz:`) becomes a small dot rather than literal text: a neutral mark that cannot be
 * mistaken for a control, as the earlier rounded square was for an unchecked checkbox.
 */

const MDI = mdi as unknown as Record<string, string>;
const ICON_RE = /^:(material|octicons)-([a-z0-9]+(?:-[a-z0-9]+)*):(?:\{([^}\n]{0,80})\})?/;
/** The glyph drawn for an unknown name. */
export const UNKNOWN_ICON_PATH = MDI.mdiCircleSmall!;

function pascal(name: string): string {
  return name.replace(/(^|-)([a-z0-9])/g, (_m, _d: string, c: string) => c.toUpperCase());
}

/** The SVG path data of a Material Design icon (`clock-fast`), or null when the set has no such icon. */
export function materialIconPath(name: string): string | null {
  return MDI[`mdi${pascal(name)}`] ?? null;
}

/** An inline, decorative 24×24 SVG for one path. */
export function svgFromPath(path: string, className: string): string {
  return `<svg class="${className}" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false"><path d="${path}"></path></svg>`;
}

function octiconSvg(spec: string): string | null {
  const m = /^(.*)-(12|16|24|48|96)$/.exec(spec);
  const icon = octicons[m ? m[1]! : spec];
  if (!icon) return null;
  const size = m ? m[2]! : '16';
  const h = icon.heights[size] ?? Object.values(icon.heights)[0];
  if (!h) return null;
  return `<svg class="octicon" viewBox="0 0 ${h.width} ${size}" width="${h.width}" height="${size}" aria-hidden="true" focusable="false">${h.path}</svg>`;
}

/** Classes from an attribute list such as `{ .lg .middle }` (other attributes are ignored). */
function classesOf(attrs: string | undefined): string[] {
  if (!attrs) return [];
  return [...attrs.matchAll(/(?:^|\s)\.([A-Za-z_][\w-]*)/g)].map((m) => m[1]!);
}

/** The HTML of one icon shortcode; `set` is `material` or `octicons`. */
export function iconHtml(set: string, name: string, extraClasses: string[] = []): string {
  const svg =
    set === 'material'
      ? ((p) => (p ? svgFromPath(p, 'mdi') : null))(materialIconPath(name))
      : octiconSvg(name);
  const classes = ['twemoji', ...extraClasses, ...(svg ? [] : ['icon-unknown'])].join(' ');
  const label = `${set}-${name}`;
  return `<span class="${classes}" data-icon="${label}">${svg ?? svgFromPath(UNKNOWN_ICON_PATH, 'mdi')}</span>`;
}

function iconRule(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x3a /* : */) return false;
  const m = ICON_RE.exec(state.src.slice(state.pos, state.pos + 200));
  if (!m) return false;
  if (!silent) {
    const token = state.push('html_inline', '', 0);
    token.content = iconHtml(m[1]!, m[2]!, classesOf(m[3]));
    token.meta = { own: true };
  }
  state.pos += m[0].length;
  return true;
}

/** markdown-it plugin: icon shortcodes (with an optional trailing `{ .class }` list, as Material allows). */
export function iconsPlugin(md: MarkdownIt): void {
  md.inline.ruler.before('emphasis', 'icons', iconRule);
}
