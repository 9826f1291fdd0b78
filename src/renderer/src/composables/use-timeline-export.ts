import { ref, type Ref } from 'vue';
import type { TimelineItem } from '../../../shared/contract';
import { downloadBlob, saveExport } from '../save-export';
import { messageOf } from '../stores/errors';
import { toCsv } from '../stores/timeline-model';
import { standaloneSvg, svgToPng } from '../svg-export';

/**
 * The timeline's exports: the visible facts as CSV, the drawn chart as SVG or PNG. `message`
 * says where a file was saved or why an export failed.
 */
export function useTimelineExport(
  items: () => TimelineItem[],
  chartSvg: () => SVGSVGElement | null | undefined,
) {
  const message: Ref<string | null> = ref(null);

  async function save(suggestedName: string, mime: string, text: string): Promise<void> {
    const outcome = await saveExport({ suggestedName, mime, text });
    if (outcome.kind === 'saved') message.value = `Saved ${outcome.path}`;
  }

  async function exportAs(kind: 'svg' | 'png' | 'csv'): Promise<void> {
    message.value = null;
    try {
      if (kind === 'csv') return await save('timeline.csv', 'text/csv', toCsv(items()));
      const el = chartSvg();
      if (!el) throw new Error('Switch to the chart to export it as an image.');
      const svgText = standaloneSvg(el);
      if (kind === 'svg') return await save('timeline.svg', 'image/svg+xml', svgText);
      const box = el.getBoundingClientRect();
      downloadBlob(await svgToPng(svgText, box.width, box.height), 'timeline.png');
    } catch (e) {
      message.value = `The export failed: ${messageOf(e)}`;
    }
  }

  return { message, exportAs };
}
