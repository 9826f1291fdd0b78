import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue';

/** The content width of an element, kept current by a ResizeObserver while the component lives. */
export function useElementWidth(el: Ref<HTMLElement | null>, initial: number): Ref<number> {
  const width = ref(initial);
  let observer: ResizeObserver | null = null;
  onMounted(() => {
    observer = new ResizeObserver(([entry]) => {
      if (entry) width.value = entry.contentRect.width;
    });
    if (el.value) observer.observe(el.value);
  });
  onBeforeUnmount(() => observer?.disconnect());
  return width;
}
