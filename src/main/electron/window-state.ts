import type { Rectangle } from 'electron';
import { parsePageRoute } from '../../shared/routes';

/** What is remembered of the window between runs (window-state.json in the user's data folder). */
export interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
  /** The hash route shown last (`#/page/<id>`), restored when it is a page route. */
  route: string | null;
}

export const DEFAULT_SIZE = { width: 1280, height: 860 };
/** How much of the window must be on a display for its saved place to be used. */
const MIN_VISIBLE = 100;

/** Reads a saved state, or null when it is missing or not in the expected shape. */
export function parseWindowState(text: string | null): WindowState | null {
  if (!text) return null;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  const s = v as Partial<WindowState> | null;
  const b = s?.bounds as Partial<Rectangle> | undefined;
  const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
  if (!b || !finite(b.x) || !finite(b.y) || !finite(b.width) || !finite(b.height)) return null;
  if (b.width <= 0 || b.height <= 0) return null;
  const route = typeof s?.route === 'string' && parsePageRoute(s.route) ? s.route : null;
  return {
    bounds: { x: b.x, y: b.y, width: b.width, height: b.height },
    maximized: s?.maximized === true,
    route,
  };
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * Where to open the window: the saved place when enough of it is on a display that is still
 * there (shrunk to fit that display's work area), otherwise the default size centred on the
 * primary display — never off screen because a monitor was unplugged.
 */
export function restoreBounds(
  saved: Rectangle | null,
  workAreas: readonly Rectangle[],
  primary: Rectangle,
): Rectangle {
  const fallback = {
    width: Math.min(DEFAULT_SIZE.width, primary.width),
    height: Math.min(DEFAULT_SIZE.height, primary.height),
  };
  const centred = {
    ...fallback,
    x: Math.round(primary.x + (primary.width - fallback.width) / 2),
    y: Math.round(primary.y + (primary.height - fallback.height) / 2),
  };
  if (!saved) return centred;
  const area = workAreas.find((a) => {
    const o = overlap(saved, a);
    return o.width >= MIN_VISIBLE && o.height >= MIN_VISIBLE;
  });
  if (!area) return centred;
  const width = Math.min(saved.width, area.width);
  const height = Math.min(saved.height, area.height);
  return {
    width,
    height,
    x: Math.min(Math.max(saved.x, area.x), area.x + area.width - width),
    y: Math.min(Math.max(saved.y, area.y), area.y + area.height - height),
  };
}

/** The URL to open: the entry page, at the last route when it was a page. */
export function restoreUrl(entryUrl: string, route: string | null): string {
  return route && parsePageRoute(route) ? `${entryUrl.split('#')[0]}${route}` : entryUrl;
}
