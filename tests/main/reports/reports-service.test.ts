import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { ApiError, type DStudioApi, type ReportsApi } from '../../../src/shared/contract';
import { fromMarkdown, templateById } from '../../../src/shared/templates';
import { dispatch } from '../../../src/main/api-dispatch';
import { starterServices } from './starter-services';
import { PATTERN_USAGE_VALUES } from '../../shared/templates/pattern-usage-values';

const CB = 'pattern-library/resilience/circuit-breaker';
const GUIDE = 'migration/two-phase-commit-to-saga';
const SAGA = 'pattern-library/data-management/saga';
const TWO_PC = 'pattern-library/data-management/two-phase-commit';
/** Linked to from GUIDE's text, but on no lineage edge of it. */
const RETRY = 'pattern-library/resilience/retry-backoff';
/** Neither on GUIDE's lineage edge nor linked to from it. */
const BULKHEAD = 'pattern-library/resilience/bulkhead';
let env: Awaited<ReturnType<typeof starterServices>>;
let reports: ReportsApi;
let api: DStudioApi;

beforeEach(async () => {
  env = await starterServices();
  api = env.services.api;
  reports = api.reports;
});
afterEach(() => env.cleanup());

const complete = PATTERN_USAGE_VALUES;

describe('ReportsService', () => {
  it('creates a draft prefilled from a pattern page and keeps every change in user.db', async () => {
    const draft = await reports.createDraft('pattern-usage', CB);
    expect(draft.values.pattern).toBe(CB);
    await reports.saveDraft(draft.id, { ...draft.values, company: 'Example Corp' });

    // Another connection to the same file sees the saved text: it is on disk, not in memory.
    const other = new Database(join(env.dir, 'user.db'), { readonly: true });
    const row = other
      .prepare('SELECT values_json, name, page_id FROM report_drafts WHERE id = ?')
      .get(draft.id) as {
      values_json: string;
      name: string;
      page_id: string;
    };
    other.close();
    expect(JSON.parse(row.values_json).company).toBe('Example Corp');
    expect(row).toMatchObject({ name: 'Pattern Usage Report: Circuit Breaker', page_id: CB });
    expect((await reports.getDraft(draft.id))?.values.company).toBe('Example Corp');
  });

  it('lists, duplicates, deletes and restores drafts (undo)', async () => {
    const a = await reports.createDraft('pattern-usage', CB);
    const b = await reports.createDraft('migration-story');
    await reports.saveDraft(b.id, { ...b.values, title: 'Monolith to services' });
    expect((await reports.listDrafts()).map((d) => d.name)).toEqual([
      'Monolith to services',
      'Pattern Usage Report: Circuit Breaker',
    ]);
    const copy = await reports.duplicateDraft(b.id);
    expect(copy.id).not.toBe(b.id);
    expect(copy.values.title).toBe('Monolith to services');

    const deleted = await reports.deleteDraft(a.id);
    expect(await reports.getDraft(a.id)).toBeNull();
    await reports.restoreDraft(deleted);
    expect(await reports.getDraft(a.id)).toEqual(deleted);
    await expect(reports.restoreDraft(deleted)).rejects.toThrow(/already exists/);
    await expect(reports.saveDraft('gone', {})).rejects.toThrow(ApiError);
  });

  it('refuses unknown templates and pages with a clear error', async () => {
    await expect(reports.createDraft('nope')).rejects.toThrow('There is no report template "nope".');
    await expect(reports.createDraft('pattern-usage', 'pattern-library/nope')).rejects.toThrow(
      '"pattern-library/nope" is not a page of the library.',
    );
  });

  it('blocks an export with the list of what is missing, then exports the exact Markdown', async () => {
    const draft = await reports.createDraft('pattern-usage', CB);
    const blocked = await reports.exportDraft(draft.id, 'md');
    expect(blocked.ok).toBe(false);
    if (!blocked.ok) expect(blocked.issues.map((i) => i.where)).toContain('Company');

    await reports.saveDraft(draft.id, complete);
    const md = await reports.exportDraft(draft.id, 'md');
    expect(md.ok).toBe(true);
    if (!md.ok) return;
    expect(md.document.suggestedName).toMatch(/^pattern-usage-report-circuit-breaker-\d{4}-\d\d-\d\d\.md$/);
    expect(md.document.mime).toBe('text/markdown');
    expect(md.document.text).toContain('**Pattern**: Circuit Breaker\n');
    expect(fromMarkdown(templateById('pattern-usage')!, md.document.text)).toEqual(complete);

    const json = await reports.exportDraft(draft.id, 'json');
    expect(json.ok && JSON.parse(json.document.text).values).toEqual(complete);
  });

  it('refuses a non-pattern page as the pattern of a report', async () => {
    const draft = await reports.createDraft('pattern-usage');
    await reports.saveDraft(draft.id, { ...complete, pattern: 'migration/two-phase-commit-to-saga' });
    const out = await reports.exportDraft(draft.id, 'md');
    expect(out.ok ? [] : out.issues.map((i) => i.message)).toEqual([
      expect.stringMatching(/is not a pattern page$/),
    ]);
  });

  it('previews the body through the app Markdown pipeline (the renderer sanitises it)', async () => {
    const preview = await reports.previewReport('pattern-usage', {
      ...complete,
      lessons: '**bold** lesson\n\n<img src=x onerror="alert(1)">',
    });
    expect(preview.issues).toEqual([]);
    expect(preview.markdown.startsWith('---\ntemplate: pattern-usage\n')).toBe(true);
    expect(preview.html).toContain('<h2');
    expect(preview.html).toContain('<strong>bold</strong> lesson');
    expect(preview.html).not.toContain('template_version');
  });

  it('imports an exported file back into a new draft, and refuses files that are not reports', async () => {
    const draft = await reports.createDraft('pattern-usage', CB);
    await reports.saveDraft(draft.id, complete);
    const md = await reports.exportDraft(draft.id, 'md');
    if (!md.ok) throw new Error('export refused');
    const imported = await reports.importReport(md.document.text);
    expect(imported.id).not.toBe(draft.id);
    expect(imported.values).toEqual(complete);
    await expect(reports.importReport('# notes\n')).rejects.toThrow(/no front matter/);
  });

  it('prefills a migration story from the run of its guide, finished or not (real progress in user.db)', async () => {
    const guide = await api.progress.getPage(GUIDE, null);
    const items = guide.checklists.flatMap((l) => l.items);
    expect(items.length).toBeGreaterThan(2);
    await api.progress.setItem({ pageId: GUIDE, runId: null, itemKey: items[0]!.key, state: 'done' });

    const started = await reports.createDraft('migration-story', GUIDE);
    const year = String(new Date().getUTCFullYear());
    expect(started.values).toMatchObject({ status: 'in-progress', year, guide: GUIDE });
    expect((await api.content.listPages()).find((p) => p.id === GUIDE)?.title).toMatch(
      /^Migration Playbook: /,
    );
    expect(started.values.title).toBe('Two-Phase Commit to Saga');
    const phases = started.values.phases as { name: string; description: string }[];
    // The starter guide's sections are titled "Phase 1: Assess" …; the template adds "Phase 1: " itself.
    expect(guide.checklists[0]!.sectionTitle).toMatch(/^Phase 1: \S/);
    expect(phases.map((p) => p.name)).toEqual(
      guide.checklists.map((l) => l.sectionTitle.replace(/^Phase \d+: /, '')).slice(0, 20),
    );
    expect(phases[0]!.name).not.toMatch(/^Phase/);
    expect(phases[0]!.description).toMatch(/^1 of \d+ checklist items done\.$/);

    for (const it of items)
      await api.progress.setItem({ pageId: GUIDE, runId: null, itemKey: it.key, state: 'done' });
    const finished = await reports.createDraft('migration-story', GUIDE);
    expect(finished.values).toMatchObject({ status: 'completed', year });
    // A pattern usage report is never prefilled from a run: it only offers to attach it.
    expect((await reports.createDraft('pattern-usage', SAGA)).values.lessons).toBe('');
  });

  it('offers the run of a guide related to a pattern through the lineage or a link from the guide, and nothing elsewhere', async () => {
    expect(await reports.findRunOffer(SAGA)).toBeNull();
    const item = (await api.progress.getPage(GUIDE, null)).checklists[0]!.items[0]!;
    await api.progress.setItem({ pageId: GUIDE, runId: null, itemKey: item.key, state: 'done' });
    for (const pattern of [SAGA, TWO_PC, RETRY, CB]) {
      const offer = await reports.findRunOffer(pattern);
      expect(offer).toMatchObject({ guideId: GUIDE, finished: false, finishedYear: null });
      expect(offer?.summary).toContain(`- [x] ${item.text}`);
    }
    expect(await reports.findRunOffer(BULKHEAD)).toBeNull();
  });

  it('validates arguments at the boundary: bad ids and oversized drafts never reach user.db', async () => {
    expect(await dispatch(api, 'reports', 'getDraft', ['../x'])).toMatchObject({
      ok: false,
      error: { code: 'bad-arguments' },
    });
    const draft = await reports.createDraft('pattern-usage', CB);
    const huge = await dispatch(api, 'reports', 'saveDraft', [draft.id, { lessons: 'x'.repeat(2_100_000) }]);
    expect(huge).toMatchObject({ ok: false, error: { code: 'bad-arguments' } });
    expect((await reports.getDraft(draft.id))?.values.lessons).toBe('');
  });
});
