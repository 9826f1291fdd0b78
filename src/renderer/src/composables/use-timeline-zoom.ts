// d3-zoom turns wheel, pinch, drag and programmatic steps into one transform with limits:
// the well-kept standard for exactly this; Vue draws the SVG from the transform.
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import { onBeforeUnmount, onMounted, shallowRef, watch, type Ref } from 'vue';
import { LABEL_W } from '../stores/timeline-geometry';

/** How much one zoom key press zooms. */
const STEP = 1.5;

/**
 * Horizontal zoom and pan of the timeline chart's SVG: wheel, pinch and drag through d3-zoom,
 * limited to the plot and to `maxScale`; keys (+ − zoom, ← → pan, 0 or Home to see all) through
 * `onKey`. `onZoom` runs on every change (the chart hides its tooltip then).
 */
export function useTimelineZoom(opts: {
  svg: Ref<SVGSVGElement | null>;
  plotRight: Ref<number>;
  height: Ref<number>;
  maxScale: Ref<number>;
  onZoom: () => void;
}) {
  const { svg, plotRight, height, maxScale } = opts;
  const transform = shallowRef<ZoomTransform>(zoomIdentity);
  let behaviour: ZoomBehavior<SVGSVGElement, unknown> | null = null;

  function configure(): void {
    if (!behaviour) return;
    const extent: [[number, number], [number, number]] = [
      [LABEL_W, 0],
      [plotRight.value, height.value],
    ];
    behaviour.extent(extent).translateExtent(extent).scaleExtent([1, maxScale.value]);
  }

  onMounted(() => {
    behaviour = zoom<SVGSVGElement, unknown>().on('zoom', (e: { transform: ZoomTransform }) => {
      // Only x zooms; rows stay put.
      transform.value = e.transform;
      opts.onZoom();
    });
    configure();
    select(svg.value!).call(behaviour).on('dblclick.zoom', null);
  });
  onBeforeUnmount(() => {
    if (svg.value) select(svg.value).on('.zoom', null);
  });
  watch([plotRight, height, maxScale], configure);

  function zoomBy(k: number): void {
    if (behaviour && svg.value) behaviour.scaleBy(select(svg.value), k, [(LABEL_W + plotRight.value) / 2, 0]);
  }
  function panBy(px: number): void {
    if (behaviour && svg.value) behaviour.translateBy(select(svg.value), px / transform.value.k, 0);
  }
  function reset(): void {
    if (behaviour && svg.value) behaviour.transform(select(svg.value), zoomIdentity);
  }

  /** Keyboard zoom and pan on the chart: + − to zoom, ← → to pan, 0 to see everything. */
  function onKey(e: KeyboardEvent): void {
    const pan = (plotRight.value - LABEL_W) / 8;
    const keys: Record<string, () => void> = {
      '+': () => zoomBy(STEP),
      '=': () => zoomBy(STEP),
      '-': () => zoomBy(1 / STEP),
      _: () => zoomBy(1 / STEP),
      ArrowLeft: () => panBy(pan),
      ArrowRight: () => panBy(-pan),
      '0': reset,
      Home: reset,
    };
    const act = keys[e.key];
    if (!act || e.ctrlKey || e.metaKey || e.altKey) return;
    e.preventDefault();
    act();
  }

  return { transform, zoomBy, panBy, reset, onKey };
}
