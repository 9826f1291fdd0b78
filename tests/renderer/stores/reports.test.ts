import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import { createPinia, setActivePinia } from 'pinia';
import { callsOf, deferred, unexpected, useFakeApi, type FakeImpl } from '../fake-api';
import type { ReportDraft, ReportPreview } from '../../../src/shared/contract';
import { MAX_DRAFT_CHARS } from '../../../src/shared/contract/reports';
import { emptyValues, type ReportIssue, type ReportValues } from '../../../src/shared/templates';
import { patternUsageTemplate } from '../../../src/shared/templates/pattern-usage';
import { useReportsStore } from '../../../src/renderer/src/stores/reports';

vi.mock('../../../src/renderer/src/api', () => import('../fake-api'));

const DRAFT: ReportDraft = {
  id: 'd1',
  templateId: patternUsageTemplate.id,
  templateVersion: patternUsageTemplate.version,
  values: { ...emptyValues(patternUsageTemplate), pattern: 'no/such-page' },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};
const REQUIRED: ReportIssue = { path: 'company', where: 'Company', message: 'is required' };
/** A problem only main can find: the page id is not in content.db. */
const NO_PAGE: ReportIssue = { path: 'pattern', where: 'Pattern', message: 'is not a page in the library' };
const preview = (issues: ReportIssue[], html = '<p>preview</p>'): ReportPreview => ({
  issues,
  markdown: '',
  html,
});

/** A fake previewReport whose answers the test gives, one call at a time. */
function heldPreviews() {
  const held: { values: ReportValues; answer: ReturnType<typeof deferred<ReportPreview>> }[] = [];
  return {
    held,
    previewReport: (_template: string, values: ReportValues) => {
      const answer = deferred<ReportPreview>();
      held.push({ values, answer });
      return answer.promise;
    },
  };
}

/** The draft open in the store, every preview held until the test answers it. */
async function openWithHeldPreviews(more: FakeImpl['reports'] = {}) {
  const previews = heldPreviews();
  useFakeApi({
    reports: {
      getDraft: async () => structuredClone(DRAFT),
      previewReport: previews.previewReport,
      saveDraft: async () => ({ updatedAt: '2026-01-02T00:00:00.000Z' }),
      ...more,
    },
  });
  const store = useReportsStore();
  await store.openDraft('d1');
  return { store, previews };
}

/** Lets the store's watcher run and its preview pause pass. */
async function typingPause(): Promise<void> {
  await nextTick();
  await vi.advanceTimersByTimeAsync(1000);
}

beforeEach(() => {
  setActivePinia(createPinia());
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  expect(unexpected).toEqual([]);
});

describe('reports store: the preview lags the typing', () => {
  it("shows a preview's problems only for the fields that preview saw as they are now", async () => {
    const { store, previews } = await openWithHeldPreviews();
    previews.held[0]!.answer.resolve(preview([REQUIRED, NO_PAGE]));
    await vi.advanceTimersByTimeAsync(0);
    expect(store.issues.filter((i) => i.path === 'pattern')).toEqual([NO_PAGE]);

    // Company filled in while that preview is still on screen: its "required" is stale.
    store.values.company = 'Example Corp';
    await nextTick();
    expect(store.issues.map((i) => i.path)).not.toContain('company');
    // The page id it checked is unchanged: main's word on it still holds.
    expect(store.issues).toContainEqual(NO_PAGE);

    // The page id edited: main has not seen this one yet, so its old verdict is not shown.
    store.values.pattern = 'pattern-library/resilience/circuit-breaker';
    await nextTick();
    expect(store.issues.map((i) => i.path)).not.toContain('pattern');

    // The next preview, made from the values now, is believed again.
    await typingPause();
    expect(previews.held).toHaveLength(2);
    expect(previews.held[1]!.values).toMatchObject({ company: 'Example Corp' });
    previews.held[1]!.answer.resolve(preview([NO_PAGE]));
    await vi.advanceTimersByTimeAsync(0);
    expect(store.issues).toContainEqual(NO_PAGE);
    expect(callsOf('reports', 'saveDraft').length).toBeGreaterThan(0);
  });

  it('says when a preview could not be made, until the next one is', async () => {
    const { store, previews } = await openWithHeldPreviews();
    previews.held[0]!.answer.resolve(preview([], '<p>opened</p>'));
    store.values.company = 'A';
    await typingPause();
    previews.held[1]!.answer.reject(new Error('the renderer pool is restarting'));
    await vi.advanceTimersByTimeAsync(0);
    expect(store.previewProblem).toBe('The preview could not be made: the renderer pool is restarting');
    expect(store.preview?.html).toBe('<p>opened</p>');
    store.values.company = 'AB';
    await typingPause();
    previews.held[2]!.answer.resolve(preview([], '<p>AB</p>'));
    await vi.advanceTimersByTimeAsync(0);
    expect(store.previewProblem).toBeNull();
    expect(store.preview?.html).toBe('<p>AB</p>');
  });

  it('never lets an older preview answer replace a newer one', async () => {
    const { store, previews } = await openWithHeldPreviews();
    store.values.company = 'First';
    await typingPause();
    store.values.company = 'Second';
    await typingPause();
    expect(previews.held).toHaveLength(3);

    previews.held[2]!.answer.resolve(preview([], '<p>second</p>'));
    await vi.advanceTimersByTimeAsync(0);
    previews.held[1]!.answer.resolve(preview([REQUIRED], '<p>first</p>'));
    previews.held[0]!.answer.resolve(preview([REQUIRED], '<p>opened</p>'));
    await vi.advanceTimersByTimeAsync(0);
    expect(store.preview?.html).toBe('<p>second</p>');
  });
});

describe('reports store: saving as the user types', () => {
  it('saves nothing when a draft is only opened, and asks for one preview', async () => {
    const { previews } = await openWithHeldPreviews();
    await typingPause();
    expect(callsOf('reports', 'saveDraft')).toEqual([]);
    expect(previews.held).toHaveLength(1);
  });

  it('saves at least once a second while the typing goes on without a pause', async () => {
    const { store } = await openWithHeldPreviews();
    // Six keys a second for three seconds: never the pause that a save waits for.
    for (let i = 0; i < 18; i++) {
      store.values.company = `${store.values.company as string}x`;
      await nextTick();
      await vi.advanceTimersByTimeAsync(160);
    }
    const saved = callsOf('reports', 'saveDraft').map((args) => (args[1] as ReportValues).company as string);
    expect(saved.length).toBeGreaterThanOrEqual(2);
    // The last save sent has all but about the last second of typing.
    expect(saved.at(-1)!.length).toBeGreaterThanOrEqual(18 - 7);
  });

  it('sends one save at a time, the next with the text as it is then, and says "saved" only when nothing waits', async () => {
    const saves: { values: ReportValues; answer: ReturnType<typeof deferred<{ updatedAt: string }>> }[] = [];
    const { store } = await openWithHeldPreviews({
      saveDraft: (_id: string, values: ReportValues) => {
        const answer = deferred<{ updatedAt: string }>();
        saves.push({ values: JSON.parse(JSON.stringify(values)) as ReportValues, answer });
        return answer.promise;
      },
    });
    store.values.company = 'A';
    await typingPause();
    expect(saves).toHaveLength(1);
    store.values.company = 'AB';
    await typingPause();
    // The first save is still on its way: the second waits for it.
    expect(saves).toHaveLength(1);
    expect(store.saveState).toBe('saving');
    store.values.company = 'ABC';
    await nextTick();

    saves[0]!.answer.resolve({ updatedAt: '2026-01-02T00:00:01.000Z' });
    await vi.advanceTimersByTimeAsync(0);
    expect(saves).toHaveLength(2);
    expect(saves[1]!.values.company).toBe('ABC');
    expect(store.saveState).toBe('saving');

    const flushed = store.flush();
    saves[1]!.answer.resolve({ updatedAt: '2026-01-02T00:00:02.000Z' });
    await flushed;
    expect(store.saveState).toBe('saved');
    expect(store.draft?.updatedAt).toBe('2026-01-02T00:00:02.000Z');
  });
});

describe('reports store: an export that fails', () => {
  it('says why in one sentence and that the draft is unchanged', async () => {
    const reason = 'The disk is full: report.md was not saved. Free some space or choose another disk.';
    const { store } = await openWithHeldPreviews();
    // From here on, only the export's calls are answered.
    useFakeApi({
      reports: {
        exportDraft: async () => ({
          ok: true as const,
          title: 'Report',
          document: { suggestedName: 'report.md', mime: 'text/markdown', text: '# Report\n' },
        }),
      },
      files: {
        saveExport: async () => {
          throw new Error(reason);
        },
      },
    });
    await store.exportAs('md');
    expect(store.notice).toBe(
      `The export failed and nothing was written: ${reason} Your draft is unchanged.`,
    );
    expect(callsOf('reports', 'saveDraft')).toEqual([]);
  });
});

describe('reports store: a draft too large to hold', () => {
  it('is not sent, says why, and saves again once shortened', async () => {
    const { store, previews } = await openWithHeldPreviews();
    store.values.lessons = 'x'.repeat(MAX_DRAFT_CHARS + 1);
    await typingPause();
    expect(callsOf('reports', 'saveDraft')).toEqual([]);
    expect(previews.held).toHaveLength(1);
    expect(store.saveState).toBe('failed');
    expect(store.saveProblem).toMatch(
      /^Not saved: the draft has 2,000,\d{3} characters, more than the 2,000,000 a draft can hold\./,
    );

    store.values.lessons = 'x'.repeat(30_000);
    await typingPause();
    expect(callsOf('reports', 'saveDraft')).toHaveLength(1);
    expect(store.saveState).toBe('saved');
    expect(store.saveProblem).toBeNull();
    expect(previews.held).toHaveLength(2);
  });

  it('a refused save says so in words and the next change tries again', async () => {
    let refuse = true;
    const { store } = await openWithHeldPreviews({
      saveDraft: async () => {
        if (refuse) throw new Error('user.db is locked by another process');
        return { updatedAt: '2026-01-02T00:00:00.000Z' };
      },
    });
    store.values.company = 'A';
    await typingPause();
    expect(store.saveState).toBe('failed');
    expect(store.saveProblem).toBe(
      'Not saved: user.db is locked by another process. The version saved before is kept; the next change tries again.',
    );
    refuse = false;
    store.values.company = 'AB';
    await typingPause();
    expect(store.saveState).toBe('saved');
    expect(store.saveProblem).toBeNull();
  });
});
