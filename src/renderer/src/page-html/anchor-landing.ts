/**
 * Lands an in-page jump precisely. Diagrams and highlighted code above the target are drawn
 * as they come near the viewport, during and after the jump, and change the page's height;
 * the target then ends up far from the top of the pane. So the jump is repeated (instantly)
 * each time the content's size changes, until the layout has been still for a moment, the
 * reader scrolls by hand, or a time limit passes.
 */

/** Quiet time after which the layout counts as settled. */
const SETTLED_MS = 600;
/** Longest the landing is kept up (diagrams render one after another). */
const MAX_MS = 8000;
const USER_EVENTS = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const;

let active: (() => void) | undefined;

/** Scrolls `target` to the top of its scrolling pane and keeps it there while `content` settles; returns a cancel function. */
export function landOnAnchor(target: HTMLElement, content: HTMLElement): () => void {
  active?.();
  target.scrollIntoView({ block: 'start' });
  let quiet: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    observer.disconnect();
    clearTimeout(quiet);
    clearTimeout(limit);
    for (const e of USER_EVENTS) window.removeEventListener(e, stop, true);
    if (active === stop) active = undefined;
  };
  const observer = new ResizeObserver(() => {
    target.scrollIntoView({ block: 'start' });
    clearTimeout(quiet);
    quiet = setTimeout(stop, SETTLED_MS);
  });
  observer.observe(content);
  const limit = setTimeout(stop, MAX_MS);
  quiet = setTimeout(stop, SETTLED_MS);
  for (const e of USER_EVENTS) window.addEventListener(e, stop, { capture: true, passive: true });
  active = stop;
  return stop;
}
