import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/api-dispatch';
import { importCorpus } from '../../../src/main/corpus/import-service';
import { openServices } from '../../../src/main/services';
import { GUIDE_PAGE, guideCorpus, QUEUE_TO_LOG_GUIDE } from './guide-corpus';

// The shared guide with one item written twice and the last one not yet added.
const GUIDE_V1 = QUEUE_TO_LOG_GUIDE.replace(
  '- [ ] Retention period agreed\n',
  '- [ ] Retention period agreed with the data team\n'.repeat(2),
).replace('- [ ] Consumers switched to the log\n', '');

// The authors moved, edited and deleted items.
const GUIDE_V2 = GUIDE_V1.replace('- [ ] Old queue drained\n', '- [ ] Consumers are idempotent\n')
  .replace('## Readiness\n\n- [ ] Consumers are idempotent\n', '## Readiness\n\n')
  .replace('Log cluster provisioned', 'Log cluster provisioned in every region');

async function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'dstudio-progress-'));
  const services = openServices({ contentDb: join(dir, 'content.db'), userDb: join(dir, 'user.db') });
  await importCorpus(services.contentDb, guideCorpus(join(dir, 'corpus'), GUIDE_V1));
  return { dir, services, api: services.api.progress };
}

const PAGE = GUIDE_PAGE;

describe('ProgressService', () => {
  it('creates a run on the first change, named after the page, and counts x of y without n/a', async () => {
    const { services, api } = await setup();
    const page = await api.getPage(PAGE, null);
    expect(page.run).toBeNull();
    const items = page.checklists.flatMap((l) => l.items);
    expect(items).toHaveLength(7);
    const keys = [
      'Consumers are idempotent',
      'Retention period agreed with the data team',
      '',
      'Log cluster provisioned',
    ].map((t) => items.find((i) => i.text === t)?.key ?? '');
    expect(page.checklists.find((l) => l.source === 'yaml-fence')!.items.map((i) => i.group)).toEqual([
      'technical',
      'team',
    ]);
    const { run } = await api.setItem({ pageId: PAGE, runId: null, itemKey: keys[0]!, state: 'done' });
    expect(run.name).toBe('Queue to Log Migration');
    await api.setItem({ pageId: PAGE, runId: null, itemKey: keys[1]!, state: 'n/a' });
    const { run: after, item } = await api.setItem({
      pageId: PAGE,
      runId: run.id,
      itemKey: keys[3]!,
      state: 'blocked',
      note: 'Waiting for budget',
    });
    expect(item).toMatchObject({ state: 'blocked', note: 'Waiting for budget', match: 'exact' });
    expect(after.count).toEqual({ done: 1, total: 6, inProgress: 0, blocked: 1, notApplicable: 1 });
    expect(await api.listBlocked(after.id)).toEqual(['Log cluster provisioned']);
    // A note alone keeps the state.
    const noted = await api.setItem({
      pageId: PAGE,
      runId: run.id,
      itemKey: keys[3]!,
      note: 'Budget approved',
    });
    expect(noted.item).toMatchObject({ state: 'blocked', note: 'Budget approved' });
    services.close();
  });

  it('keeps several runs of one guide apart; rename, archive, delete and undo', async () => {
    const { services, api } = await setup();
    const key = (await api.getPage(PAGE, null)).checklists[0]!.items[0]!.key;
    const payments = await api.createRun(PAGE, 'Payments: queue → log');
    const orders = await api.createRun(PAGE, 'Orders: queue → log');
    await api.setItem({ pageId: PAGE, runId: payments.id, itemKey: key, state: 'done' });
    expect((await api.getPage(PAGE, orders.id)).items[key]).toBeUndefined();
    expect((await api.getPage(PAGE, payments.id)).items[key]!.state).toBe('done');
    const renamed = await dispatch(services.api, 'progress', 'renameRun', [orders.id, '  Orders  ']);
    expect(renamed.ok && (renamed.value as { name: string }).name).toBe('Orders');
    expect((await api.archiveRun(orders.id, true)).archived).toBe(true);
    await api.deleteRun(payments.id);
    expect((await api.listRuns()).map((r) => r.name)).toEqual(['Orders']);
    await api.restoreRun(payments.id);
    const back = await api.getPage(PAGE, payments.id);
    expect(back.items[key]!.state).toBe('done');
    services.close();
  });

  it('follows moved and edited items after a re-import and lists deleted ones as orphans', async () => {
    const { dir, services, api } = await setup();
    const page = await api.getPage(PAGE, null);
    const all = page.checklists.flatMap((l) => l.items);
    const byText = (t: string) => all.find((i) => i.text === t)!.key;
    for (const [text, state] of [
      ['Consumers are idempotent', 'done'],
      ['Log cluster provisioned', 'in-progress'],
      ['Old queue drained', 'blocked'],
    ] as const)
      await api.setItem({ pageId: PAGE, runId: null, itemKey: byText(text), state, note: text });
    await importCorpus(services.contentDb, guideCorpus(join(dir, 'corpus'), GUIDE_V2));
    const after = await api.getPage(PAGE, null);
    const now = Object.values(after.items).map((i) => [i.note, i.state, i.match, i.sectionSlug]);
    expect(now).toEqual(
      expect.arrayContaining([
        ['Consumers are idempotent', 'done', 'moved', 'cut-over'],
        ['Log cluster provisioned', 'in-progress', 'edited', 'readiness'],
      ]),
    );
    expect(after.orphans.map((o) => [o.text, o.state, o.note])).toEqual([
      ['Old queue drained', 'blocked', 'Old queue drained'],
    ]);
    expect(after.run!.orphaned).toBe(1);
    services.close();
  });

  it('rejects bad input with a clear error and changes nothing', async () => {
    const { services } = await setup();
    const api = services.api;
    const key = (await api.progress.getPage(PAGE, null)).checklists[0]!.items[0]!.key;
    const call = (method: string, ...args: unknown[]) => dispatch(api, 'progress', method, args);
    const cases: [string, unknown[], string, RegExp][] = [
      [
        'setItem',
        [{ pageId: 'nope', runId: null, itemKey: key, state: 'done' }],
        'not-found',
        /no page “nope”/,
      ],
      [
        'setItem',
        [{ pageId: PAGE, runId: null, itemKey: 'x#y#z', state: 'done' }],
        'not-found',
        /not a checklist item/,
      ],
      [
        'setItem',
        [{ pageId: PAGE, runId: null, itemKey: key, note: 'x'.repeat(10_001) }],
        'bad-arguments',
        /at most 10000/,
      ],
      ['setItem', [{ pageId: PAGE, runId: null, itemKey: key, state: 'finished' }], 'bad-arguments', /state/],
      ['setItem', [{ pageId: PAGE, runId: '1', itemKey: key }], 'bad-arguments', /runId/],
      ['setItem', [{ pageId: PAGE, runId: 999, itemKey: key, state: 'done' }], 'not-found', /run 999/],
      ['createRun', [PAGE, '   '], 'bad-arguments', /needs a name/],
      ['renameRun', [42, 'x'], 'not-found', /run 42/],
      ['exportRun', [1, 'pdf'], 'bad-arguments', /exportRun/],
    ];
    for (const [method, args, code, message] of cases) {
      const r = await call(method, ...args);
      expect(r.ok, `${method} ${JSON.stringify(args).slice(0, 80)}`).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe(code);
        expect(r.error.message).toMatch(message);
      }
    }
    expect(services.userDb.prepare('SELECT count(*) FROM progress_runs').pluck().get()).toBe(0);
    expect(services.userDb.prepare('SELECT count(*) FROM progress_items').pluck().get()).toBe(0);
    services.close();
  });
});
