import { nextTick, onBeforeUnmount, onMounted, ref, watch, type ComputedRef } from 'vue';
import { useRouter } from 'vue-router';
import type { Page, PageId } from '../../../shared/domain';
import { usePageStore } from '../stores/page';
import { useScroller } from './use-scroller';
import { scrollBehavior } from './keys';
import { pagePath, type pageRouteOf } from '../router';
import { findAnchor, ID_PREFIX, openEnclosingTabs } from '../page-html';
import { tocItems } from '../toc-items';

/**
 * The reading page's position: loads the routed page, restores its scroll position or jumps
 * to its anchor once the HTML is in, follows scrolling with the TOC highlight (pinned after
 * an anchor jump) and saves the position when scrolling stops or the page is left.
 */
export function usePagePosition(
  target: ComputedRef<ReturnType<typeof pageRouteOf>>,
  page: ComputedRef<Page | null>,
) {
  const router = useRouter();
  const pageStore = usePageStore();
  const scroller = useScroller();
  const contentEl = ref<HTMLElement | null>(null);
  const activeHeading = ref<string | null>(null);

  /** What to do once the page's HTML is in the DOM. */
  let pending: { anchor: string } | { ratio: number } | null = null;
  /** The page whose scroll position (restored or anchor) has been applied: tests and tools wait on it. */
  const positionedId = ref<PageId | null>(null);

  function scrollerRatio(): number {
    const s = scroller.value;
    if (!s) return 0;
    const max = s.scrollHeight - s.clientHeight;
    return max > 0 ? s.scrollTop / max : 0;
  }

  function rememberPosition(id: PageId | undefined): void {
    if (id && contentEl.value) void pageStore.saveScroll(id, scrollerRatio());
  }

  /** The element of an anchor as any link may spell it: the heading id, or one of its other spellings. */
  function elementForAnchor(anchor: string): HTMLElement | null {
    const root = contentEl.value;
    if (!root) return null;
    const direct = findAnchor(root, anchor);
    if (direct) return direct;
    const heading = page.value?.headings.find(
      (h) => h.altIds.includes(anchor) || h.id === anchor.toLowerCase(),
    );
    return heading ? findAnchor(root, heading.id) : null;
  }

  /** The anchor an element stands for (the sanitiser prefixes ids in the DOM). */
  function anchorOf(el: HTMLElement): string {
    return el.id.startsWith(ID_PREFIX) ? el.id.slice(ID_PREFIX.length) : el.id;
  }

  function scrollToAnchor(anchor: string, smooth = false): void {
    const el = elementForAnchor(anchor);
    if (!el) return;
    openEnclosingTabs(el);
    el.scrollIntoView({ block: 'start', behavior: smooth ? scrollBehavior() : 'auto' });
    el.classList.remove('anchor-target');
    void el.offsetWidth; // restart the highlight when the same anchor is chosen again
    el.classList.add('anchor-target');
    activeHeading.value = anchorOf(el);
    pinned = true;
  }

  function applyPending(): void {
    const s = scroller.value;
    if (!s || !pending) return;
    const p = pending;
    pending = null;
    if ('anchor' in p) scrollToAnchor(p.anchor);
    else s.scrollTop = p.ratio * Math.max(0, s.scrollHeight - s.clientHeight);
    if (!pinned) updateActiveHeading();
    positionedId.value = page.value?.id ?? null;
  }

  /**
   * Scroll restore and anchor jumps read the layout. Done in the next animation frame, that
   * layout is the one the frame needs for painting anyway; done at once, the browser lays the
   * whole page out twice on the way to its first paint.
   */
  let pendingFrame = 0;
  function schedulePending(): void {
    cancelAnimationFrame(pendingFrame);
    pendingFrame = requestAnimationFrame(() => {
      pendingFrame = 0;
      applyPending();
    });
  }

  function onContentReady(el: HTMLElement): void {
    contentEl.value = el;
    void nextTick(schedulePending);
  }

  async function load(): Promise<void> {
    const t = target.value;
    if (!t) return;
    const outcome = await pageStore.open(t.id);
    if (outcome.kind === 'redirect') {
      await router.replace(pagePath(outcome.id, t.anchor));
      return;
    }
    if (outcome.kind !== 'shown') return;
    const ratio = pageStore.readingState?.scrollRatio ?? 0;
    pending = t.anchor ? { anchor: t.anchor } : { ratio };
    // The same page may already be in the DOM (coming back to it): apply at once.
    if (contentEl.value && page.value) void nextTick(schedulePending);
  }

  watch(
    () => target.value?.id,
    (id, previous) => {
      if (previous && previous !== id) rememberPosition(previous);
      contentEl.value = null;
      activeHeading.value = null;
      positionedId.value = null;
      void load();
    },
    { immediate: true },
  );

  watch(
    () => target.value?.anchor,
    (anchor, before) => {
      if (anchor && anchor !== before && page.value && contentEl.value) scrollToAnchor(anchor, true);
    },
  );

  // The TOC follows scrolling; the position is saved a moment after scrolling stops.
  let frame = 0;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * After jumping to an anchor the TOC keeps that heading until the reader scrolls by
   * hand: the scroll the jump itself causes (smooth, or content growing as diagrams and
   * code render) must not move the highlight to a neighbour.
   */
  let pinned = false;
  const unpin = () => (pinned = false);
  const USER_SCROLL_EVENTS = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const;
  function updateActiveHeading(): void {
    const s = scroller.value;
    const root = contentEl.value;
    if (!s || !root || !page.value) return;
    const pane = s.getBoundingClientRect();
    const top = pane.top + 96;
    const atBottom = s.scrollTop + s.clientHeight >= s.scrollHeight - 4;
    let current: string | null = null;
    let lastVisible: string | null = null;
    for (const h of tocItems(page.value.headings)) {
      const el = findAnchor(root, h.id);
      // A heading in an inactive tab has no box (its top would read as 0, above everything).
      if (!el || el.getClientRects().length === 0) continue;
      const y = el.getBoundingClientRect().top;
      if (y <= top) current = h.id;
      if (y < pane.bottom) lastVisible = h.id;
    }
    // At the very bottom the last headings can never reach the top: prefer the one the
    // reader asked for (the route's anchor) when it is on screen, else the last one shown.
    if (atBottom) {
      const asked = target.value?.anchor ? elementForAnchor(target.value.anchor) : null;
      const askedY = asked?.getBoundingClientRect().top;
      current =
        asked && askedY !== undefined && askedY >= pane.top && askedY < pane.bottom
          ? anchorOf(asked)
          : lastVisible;
    }
    activeHeading.value = current;
  }
  function onScroll(): void {
    if (!frame && !pinned) {
      frame = requestAnimationFrame(() => {
        frame = 0;
        updateActiveHeading();
      });
    }
    clearTimeout(saveTimer);
    const id = page.value?.id;
    saveTimer = setTimeout(() => rememberPosition(id), 700);
  }

  onMounted(() => {
    scroller.value?.addEventListener('scroll', onScroll, { passive: true });
    for (const e of USER_SCROLL_EVENTS) scroller.value?.addEventListener(e, unpin, { passive: true });
  });
  onBeforeUnmount(() => {
    scroller.value?.removeEventListener('scroll', onScroll);
    for (const e of USER_SCROLL_EVENTS) scroller.value?.removeEventListener(e, unpin);
    clearTimeout(saveTimer);
    cancelAnimationFrame(frame);
    cancelAnimationFrame(pendingFrame);
    rememberPosition(page.value?.id);
  });

  return { contentEl, activeHeading, positionedId, onContentReady, scrollToAnchor, load };
}
