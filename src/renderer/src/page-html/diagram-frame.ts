/**
 * The frame around a drawn diagram. A diagram is fitted to the text column by default (scaled
 * down, never up), so its whole drawing is visible; a small toolbar zooms in and out (the frame
 * then scrolls, and can be dragged to pan), goes back to fit, or opens the diagram at full size
 * in an overlay that scrolls both ways. Before this, a wide diagram opened scrolled to its left
 * edge with its root nodes off-screen.
 */

const ZOOM_STEP = 1.25;
const MAX_ZOOM = 4;

function button(label: string, title: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'diagram-tool';
  b.textContent = label;
  b.title = title;
  b.setAttribute('aria-label', title);
  b.addEventListener('click', onClick);
  return b;
}

/** Drag with the primary button to scroll `el` (pan). */
function dragToPan(el: HTMLElement): void {
  let from: { x: number; y: number; left: number; top: number } | null = null;
  el.addEventListener('pointerdown', (e) => {
    if (e.button !== 0 || el.scrollWidth <= el.clientWidth + 1) return;
    from = { x: e.clientX, y: e.clientY, left: el.scrollLeft, top: el.scrollTop };
    el.setPointerCapture(e.pointerId);
    el.classList.add('panning');
  });
  el.addEventListener('pointermove', (e) => {
    if (!from) return;
    el.scrollLeft = from.left - (e.clientX - from.x);
    el.scrollTop = from.top - (e.clientY - from.y);
  });
  const end = () => {
    from = null;
    el.classList.remove('panning');
  };
  el.addEventListener('pointerup', end);
  el.addEventListener('pointercancel', end);
}

/** Shows `svg` at its natural size in a modal overlay; Escape, the close button or a click outside closes it. */
export function openFullSize(svg: SVGSVGElement, label: string): HTMLElement {
  const overlay = document.createElement('div');
  overlay.className = 'diagram-overlay';
  overlay.setAttribute('role', 'dialog');
  overlay.setAttribute('aria-modal', 'true');
  overlay.setAttribute('aria-label', label);
  const scroller = document.createElement('div');
  scroller.className = 'diagram-overlay-body';
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const natural = svg.viewBox.baseVal?.width || svg.getBoundingClientRect().width;
  copy.style.width = `${Math.round(natural)}px`;
  copy.style.maxWidth = 'none';
  scroller.append(copy);
  dragToPan(scroller);
  const close = () => {
    overlay.remove();
    document.removeEventListener('keydown', onKey, true);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation();
    close();
  };
  const closeButton = button('✕', 'Close full-size diagram', close);
  closeButton.classList.add('diagram-overlay-close');
  overlay.addEventListener('click', (e) => {
    if (e.target === overlay) close();
  });
  document.addEventListener('keydown', onKey, true);
  overlay.append(closeButton, scroller);
  // Inside the page content, so the content styles (and theme) apply to the copy too.
  (svg.closest('.page-content') ?? document.body).append(overlay);
  closeButton.focus();
  return overlay;
}

/** Wraps a drawn diagram's SVG in a fitted, zoomable frame with its toolbar; returns the frame's root. */
export function frameDiagram(svg: SVGSVGElement): HTMLElement {
  const natural = svg.viewBox.baseVal?.width ?? 0;
  // Mermaid writes width="100%" and an inline max-width; the frame decides the size instead.
  svg.removeAttribute('width');
  svg.style.removeProperty('max-width');
  svg.style.maxWidth = natural > 0 ? `${Math.round(natural)}px` : '100%';
  const viewport = document.createElement('div');
  viewport.className = 'diagram-viewport';
  viewport.append(svg);
  dragToPan(viewport);
  let zoom = 1;
  const apply = () => {
    const zoomed = zoom > 1 && natural > 0;
    // Zoom is relative to the fitted width: 1 = fit the column, more = wider than the column.
    svg.style.width = zoomed ? `${Math.round(viewport.clientWidth * zoom)}px` : '';
    svg.style.maxWidth = zoomed ? 'none' : natural > 0 ? `${Math.round(natural)}px` : '100%';
    viewport.classList.toggle('zoomed', zoomed);
  };
  const label = svg.getAttribute('aria-roledescription') ?? 'diagram';
  const tools = document.createElement('div');
  tools.className = 'diagram-tools';
  tools.append(
    button('−', 'Zoom out', () => ((zoom = Math.max(1, zoom / ZOOM_STEP)), apply())),
    button('+', 'Zoom in', () => ((zoom = Math.min(MAX_ZOOM, zoom * ZOOM_STEP)), apply())),
    button('Fit', 'Fit to the page width', () => ((zoom = 1), apply())),
    button('⤢', 'Open full size', () => openFullSize(svg, `Full-size ${label}`)),
  );
  const frame = document.createElement('div');
  frame.className = 'diagram-frame';
  frame.append(tools, viewport);
  return frame;
}
