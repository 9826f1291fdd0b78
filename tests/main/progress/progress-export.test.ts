import { describe, expect, it } from 'vitest';
import { exportRun, type RunExport } from '../../../src/main/progress/progress-export';

const at = '2026-03-04T10:00:00.000Z';
const run: RunExport = {
  run: {
    id: 1,
    pageId: 'migrations/queue-to-log',
    pageTitle: 'Queue to Log',
    name: 'Payments: queue → log',
    archived: false,
    createdAt: at,
    updatedAt: at,
    count: { done: 1, total: 3, inProgress: 0, blocked: 1, notApplicable: 1 },
    orphaned: 1,
  },
  checklists: [
    {
      pageId: 'migrations/queue-to-log',
      sectionSlug: 'ready',
      sectionTitle: 'Readiness',
      source: 'yaml-fence',
      items: [
        { key: 'k1', text: 'Consumers idempotent', authorChecked: false, line: 3, group: 'technical' },
        { key: 'k2', text: 'Broker, "ready"', authorChecked: false, line: 4, group: 'technical' },
        { key: 'k3', text: 'Legacy reports', authorChecked: false, line: 5, group: 'team' },
        { key: 'k4', text: '=HYPERLINK("x")', authorChecked: false, line: 6, group: 'team' },
      ],
    },
  ],
  items: {
    k1: {
      key: 'k1',
      state: 'done',
      note: '',
      updatedAt: at,
      text: 'Consumers idempotent',
      sectionSlug: 'ready',
      match: 'exact',
    },
    k2: {
      key: 'k2',
      state: 'blocked',
      note: 'Needs budget\nask Ana',
      updatedAt: at,
      text: 'Broker',
      sectionSlug: 'ready',
      match: 'exact',
    },
    k3: {
      key: 'k3',
      state: 'n/a',
      note: '',
      updatedAt: at,
      text: 'Legacy reports',
      sectionSlug: 'ready',
      match: 'exact',
    },
  },
  orphans: [
    {
      key: 'old',
      state: 'done',
      note: 'was done',
      updatedAt: at,
      text: 'Old queue drained',
      sectionSlug: 'cut',
      match: 'exact',
    },
  ],
};

describe('exportRun', () => {
  it('writes Markdown ready to paste: [x]/[ ], states, notes, dates, groups, orphans', () => {
    const doc = exportRun([run], 'md');
    expect(doc).toMatchObject({ suggestedName: 'Payments: queue → log.md', mime: 'text/markdown' });
    expect(doc.text).toBe(
      [
        '## Payments: queue → log',
        '',
        'Queue to Log (`migrations/queue-to-log`) · 1 of 3 done · 1 blocked · 1 not applicable · last change 2026-03-04',
        '',
        '### Readiness',
        '',
        '**technical**',
        '',
        '- [x] Consumers idempotent — *done* (2026-03-04)',
        '- [ ] Broker, "ready" — *blocked* (2026-03-04)',
        '  > Needs budget',
        '  > ask Ana',
        '',
        '**team**',
        '',
        '- [ ] ~~Legacy reports~~ — *not applicable* (2026-03-04)',
        '- [ ] =HYPERLINK("x")',
        '',
        '### No longer in this guide',
        '',
        '- [x] Old queue drained — *done* (2026-03-04)',
        '  > was done',
        '',
      ].join('\n'),
    );
  });

  it('writes CSV with quoting, formula cells defused, one row per item and orphan', () => {
    const lines = exportRun([run], 'csv').text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('run,page,section,group,text,state,note,updatedAt,key,inGuide');
    expect(lines).toHaveLength(6);
    expect(lines[2]).toBe(
      `Payments: queue → log,migrations/queue-to-log,Readiness,technical,"Broker, ""ready""",blocked,"Needs budget\nask Ana",${at},k2,true`,
    );
    expect(lines[4]).toContain(`,"'=HYPERLINK(""x"")",todo,`);
    expect(lines[5]).toContain(',Old queue drained,done,was done,');
    expect(lines[5]!.endsWith(',old,false')).toBe(true);
  });

  it('writes JSON with the run summary and every item', () => {
    const json = JSON.parse(exportRun([run], 'json').text) as {
      format: string;
      version: number;
      runs: { name: string; count: object; items: { key: string; state: string; inGuide: boolean }[] }[];
    };
    expect(json.format).toBe('dstudio-checklist-runs');
    expect(json.runs[0]!.count).toEqual(run.run.count);
    expect(json.runs[0]!.items.map((i) => [i.key, i.state, i.inGuide])).toEqual([
      ['k1', 'done', true],
      ['k2', 'blocked', true],
      ['k3', 'n/a', true],
      ['k4', 'todo', true],
      ['old', 'done', false],
    ]);
  });
});
