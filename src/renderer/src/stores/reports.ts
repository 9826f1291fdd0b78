import { defineStore } from 'pinia';
import { computed, ref, shallowRef, toRaw, watch } from 'vue';
import type { ReportDraft, ReportDraftSummary, ReportFormat, ReportPreview } from '../../../shared/contract';
import { MAX_DRAFT_CHARS } from '../../../shared/contract/reports';
import type { PageId } from '../../../shared/domain';
import {
  githubIssueLink,
  templateById,
  validateValues,
  valueAt,
  type ReportIssue,
  type ReportValues,
} from '../../../shared/templates';
import { api } from '../api';
import { saveExport } from '../save-export';
import { messageOf } from './errors';
import { latestAnswer } from './latest-answer';

/** A save goes out once typing pauses this long… */
const SAVE_DELAY_MS = 250;
/** …and at least this often while it goes on without a pause: a crash loses about a second at most. */
const SAVE_MAX_WAIT_MS = 1000;
const PREVIEW_DELAY_MS = 300;
const NUMBER = new Intl.NumberFormat('en');

/** Contribution report drafts: the drafts list and the draft open in the composer. */
export const useReportsStore = defineStore('reports', () => {
  const drafts = ref<ReportDraftSummary[]>([]);
  const draftsLoaded = ref(false);
  const error = ref<string | null>(null);
  /** The last deleted draft, until undone or replaced. */
  const deleted = shallowRef<ReportDraft | null>(null);

  const draft = shallowRef<ReportDraft | null>(null);
  const values = ref<ReportValues>({});
  const saveState = ref<'saved' | 'saving' | 'failed'>('saved');
  /** Why the latest save failed, in words; null once a save succeeds again. */
  const saveProblem = ref<string | null>(null);
  const preview = shallowRef<ReportPreview | null>(null);
  /** Why the latest preview could not be made; null once one is made again. */
  const previewProblem = ref<string | null>(null);
  /** The values the preview on screen was made from (its issues are about those). */
  let previewed: ReportValues = {};
  const previewAnswers = latestAnswer();
  /** Fields the user has left once (their problems show from then on), and whether export was tried. */
  const touched = ref<ReadonlySet<string>>(new Set());
  const showAllIssues = ref(false);
  /** What the last export, copy or GitHub action did, in words. */
  const notice = ref<string | null>(null);

  const schema = computed(() => (draft.value ? templateById(draft.value.templateId) : undefined));

  /**
   * Problems of the values as typed: the shared validation at once, plus what only main can
   * check (page ids) from the latest preview, for the fields still as that preview saw them.
   * The preview lags the typing (more so on a long draft), and its word on a field edited
   * since is stale: a "required" shown under a field just filled in.
   */
  const issues = computed<ReportIssue[]>(() => {
    if (!schema.value) return [];
    const local = validateValues(schema.value, values.value);
    const seen = new Set(local.map((i) => i.path));
    const unchanged = (path: string) =>
      JSON.stringify(valueAt(previewed, path)) === JSON.stringify(valueAt(values.value, path));
    return [...local, ...(preview.value?.issues ?? []).filter((i) => !seen.has(i.path) && unchanged(i.path))];
  });

  function showPreview(next: ReportPreview | null, of: ReportValues): void {
    previewed = of;
    preview.value = next;
  }

  /** Problems to show beside a field: after it was left once, or everywhere after an export attempt. */
  function issuesAt(path: string): ReportIssue[] {
    if (!showAllIssues.value && !touched.value.has(path)) return [];
    return issues.value.filter((i) => i.path === path);
  }

  function touch(path: string): void {
    if (!touched.value.has(path)) touched.value = new Set([...touched.value, path]);
  }

  async function loadDrafts(): Promise<void> {
    try {
      drafts.value = await api.reports.listDrafts();
      error.value = null;
    } catch (e) {
      error.value = `Could not list the drafts: ${messageOf(e)}`;
    } finally {
      draftsLoaded.value = true;
    }
  }

  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let previewTimer: ReturnType<typeof setTimeout> | undefined;

  /** When the oldest change not yet sent was made (undefined: none waiting). */
  let unsentSince: number | undefined;
  /** The saves sent, one at a time: a slow older save landing after a newer one would put back older text. */
  let saving: Promise<void> = Promise.resolve();

  function save(): Promise<void> {
    clearTimeout(saveTimer);
    saveTimer = undefined;
    saving = saving.then(send);
    return saving;
  }

  /** Sends the values as they are when their turn comes, with every change made until then. */
  async function send(): Promise<void> {
    clearTimeout(saveTimer);
    saveTimer = undefined;
    unsentSince = undefined;
    const d = draft.value;
    if (!d) return;
    const size = draftSize();
    if (size > MAX_DRAFT_CHARS) {
      saveState.value = 'failed';
      saveProblem.value =
        `Not saved: the draft has ${NUMBER.format(size)} characters, more than the ${NUMBER.format(MAX_DRAFT_CHARS)} ` +
        'a draft can hold. Shorten the fields marked too long; the version saved before is kept.';
      return;
    }
    saveState.value = 'saving';
    try {
      const { updatedAt } = await api.reports.saveDraft(d.id, values.value);
      if (draft.value?.id === d.id) draft.value = { ...draft.value, values: values.value, updatedAt };
      saveProblem.value = null;
      // Changes made meanwhile are still waiting for their own save.
      if (saveTimer === undefined) saveState.value = 'saved';
    } catch (e) {
      saveState.value = 'failed';
      saveProblem.value = `Not saved: ${messageOf(e).replace(/\.?$/, '.')} The version saved before is kept; the next change tries again.`;
    }
  }

  /** A copy of the values as they are now, which later typing does not change. */
  function snapshot(): ReportValues {
    return structuredClone(toRaw(values.value));
  }

  /** The draft's size as the contract counts it (its JSON). */
  function draftSize(): number {
    return JSON.stringify(values.value).length;
  }

  function scheduleSave(): void {
    saveState.value = 'saving';
    const now = Date.now();
    unsentSince ??= now;
    clearTimeout(saveTimer);
    const wait = Math.min(SAVE_DELAY_MS, Math.max(0, unsentSince + SAVE_MAX_WAIT_MS - now));
    saveTimer = setTimeout(() => void save(), wait);
  }

  async function refreshPreview(): Promise<void> {
    clearTimeout(previewTimer);
    const d = draft.value;
    // A draft too large to save is too large to preview; the save problem says why.
    if (!d || draftSize() > MAX_DRAFT_CHARS) return;
    const ticket = previewAnswers.next();
    const sent = snapshot();
    try {
      const next = await api.reports.previewReport(d.templateId, sent);
      if (!ticket.isLatest()) return;
      showPreview(next, sent);
      previewProblem.value = null;
    } catch (e) {
      if (ticket.isLatest()) previewProblem.value = `The preview could not be made: ${messageOf(e)}`;
    }
  }

  watch(
    values,
    (now, before) => {
      // Edits change the values in place; a new object is a draft just opened, which has
      // nothing to save (saving it would mark it changed in the drafts list).
      if (now !== before || !draft.value) return;
      scheduleSave();
      clearTimeout(previewTimer);
      previewTimer = setTimeout(() => void refreshPreview(), PREVIEW_DELAY_MS);
    },
    { deep: true },
  );

  /** Saves at once what is waiting for the typing pause (leaving the view, closing the window). */
  async function flush(): Promise<void> {
    await (saveTimer !== undefined ? save() : saving);
  }

  async function openDraft(id: string): Promise<boolean> {
    await flush();
    try {
      const found = await api.reports.getDraft(id);
      draft.value = found;
      values.value = found ? structuredClone(found.values) : {};
      touched.value = new Set();
      showAllIssues.value = false;
      notice.value = null;
      saveProblem.value = null;
      previewProblem.value = null;
      previewAnswers.invalidate();
      showPreview(null, {});
      error.value = null;
    } catch (e) {
      error.value = `Could not open the draft: ${messageOf(e)}`;
      draft.value = null;
    }
    if (draft.value) void refreshPreview();
    return draft.value !== null;
  }

  /** Starts a draft, prefilled from a page; returns its id. */
  async function startDraft(templateId: string, pageId?: PageId): Promise<string | null> {
    try {
      const created = await api.reports.createDraft(templateId, pageId);
      return created.id;
    } catch (e) {
      error.value = `Could not start a report: ${messageOf(e)}`;
      return null;
    }
  }

  async function duplicate(id: string): Promise<void> {
    try {
      await api.reports.duplicateDraft(id);
      await loadDrafts();
    } catch (e) {
      error.value = `Could not duplicate the draft: ${messageOf(e)}`;
    }
  }

  async function remove(id: string): Promise<void> {
    try {
      deleted.value = await api.reports.deleteDraft(id);
      drafts.value = drafts.value.filter((d) => d.id !== id);
    } catch (e) {
      error.value = `Could not delete the draft: ${messageOf(e)}`;
    }
  }

  async function undoDelete(): Promise<void> {
    const d = deleted.value;
    if (!d) return;
    try {
      await api.reports.restoreDraft(d);
      deleted.value = null;
      await loadDrafts();
    } catch (e) {
      error.value = `Could not restore the draft: ${messageOf(e)}`;
    }
  }

  /** Creates a draft from an exported `.md` file; returns its id. */
  async function importMarkdown(text: string): Promise<string | null> {
    try {
      const d = await api.reports.importReport(text);
      await loadDrafts();
      return d.id;
    } catch (e) {
      error.value = `Could not import the file: ${messageOf(e)}`;
      return null;
    }
  }

  /** The export (document and title), or null after showing what blocks it. */
  async function exportDocument(format: ReportFormat) {
    await flush();
    const d = draft.value;
    if (!d) return null;
    const result = await api.reports.exportDraft(d.id, format);
    if (!result.ok) {
      showAllIssues.value = true;
      notice.value = null;
      // The export judged the values saved by the flush above: the values on screen now.
      if (preview.value) showPreview({ ...preview.value, issues: result.issues }, snapshot());
      return null;
    }
    return result;
  }

  async function exportAs(format: ReportFormat): Promise<void> {
    try {
      const doc = (await exportDocument(format))?.document;
      if (!doc) return;
      const outcome = await saveExport(doc);
      notice.value =
        outcome.kind === 'saved'
          ? `Saved to ${outcome.path}.`
          : outcome.kind === 'download'
            ? `Downloaded ${doc.suggestedName}.`
            : null;
    } catch (e) {
      // The reason may be a sentence of its own (a full disk, a folder without permission).
      notice.value = `The export failed and nothing was written: ${messageOf(e).replace(/\.?$/, '.')} Your draft is unchanged.`;
    }
  }

  async function copyMarkdown(): Promise<void> {
    try {
      const doc = (await exportDocument('md'))?.document;
      if (!doc) return;
      await navigator.clipboard.writeText(doc.text);
      notice.value = 'The Markdown is on the clipboard.';
    } catch (e) {
      notice.value = `Could not copy: ${messageOf(e)}`;
    }
  }

  /** Opens the upstream new-issue form in the system browser, prefilled. */
  async function openGithubIssue(): Promise<void> {
    try {
      const exported = await exportDocument('md');
      if (!exported) return;
      const doc = exported.document;
      const link = githubIssueLink(exported.title, doc.text);
      if (!link.bodyIncluded) await navigator.clipboard.writeText(doc.text);
      window.open(link.url, '_blank', 'noopener');
      notice.value = link.bodyIncluded
        ? 'Opened a new GitHub issue with the report filled in.'
        : 'The report is too long for a link: it is on the clipboard. Paste it into the body of the GitHub issue that just opened.';
    } catch (e) {
      notice.value = `Could not open the GitHub issue: ${messageOf(e)}`;
    }
  }

  return {
    drafts,
    draftsLoaded,
    error,
    deleted,
    draft,
    values,
    saveState,
    saveProblem,
    preview,
    previewProblem,
    notice,
    schema,
    issues,
    showAllIssues,
    issuesAt,
    touch,
    loadDrafts,
    openDraft,
    startDraft,
    flush,
    duplicate,
    remove,
    undoDelete,
    importMarkdown,
    exportAs,
    copyMarkdown,
    openGithubIssue,
  };
});
