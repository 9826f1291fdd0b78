import { inject, provide, type Ref } from 'vue';

const KEY = Symbol('scroller');

/** Shares the reading pane (the element that scrolls) with the views inside it. */
export function provideScroller(el: Ref<HTMLElement | null>): void {
  provide(KEY, el);
}

export function useScroller(): Ref<HTMLElement | null> {
  const el = inject<Ref<HTMLElement | null>>(KEY);
  if (!el) throw new Error('useScroller() outside the app shell');
  return el;
}
