import { describe, expect, it } from 'vitest';
import { emptyValues, fromMarkdown, toMarkdown, validateValues } from '../../../src/shared/templates';
import { migrationStoryTemplate as schema } from '../../../src/shared/templates/migration-story';

const ctx = { date: '2026-12-05', pageTitle: () => 'Two-Phase Commit to Saga' };
const story = {
  title: 'Two-phase commit to sagas in order processing',
  status: 'completed',
  year: '2024',
  guide: 'excellence/migrations/2pc-to-saga',
  context: 'Locks held across three services stalled checkout.',
  decision: 'Orchestrated sagas with compensations.',
  alternatives: [
    { name: 'Keep 2PC, shard the coordinator', pros: 'Small change.', cons: 'Still blocking.' },
    { name: 'Outbox only', pros: 'Simple.', cons: 'No compensation.' },
  ],
  phases: [
    { name: 'Shadow mode', description: 'Sagas ran beside 2PC for 4 weeks.\n\nNo user saw them.' },
    { name: 'Cut-over', description: 'Per region.' },
  ],
  outcomes: [
    { metric: 'p99 checkout latency', before: '1.8 s', after: '420 ms' },
    { metric: 'Availability | checkout', before: '99.5%', after: '99.95%' },
  ],
  lessons: 'Compensations need their own tests.',
};

describe('Migration Story schema', () => {
  it('starts with empty lists and reports the lists that need entries', () => {
    const empty = emptyValues(schema);
    expect(empty.alternatives).toEqual([]);
    const issues = validateValues(schema, empty);
    expect(issues.map((i) => `${i.where}: ${i.message}`)).toEqual([
      'Title: is required',
      'Status: is required',
      'Year: is required',
      'Context: is required',
      'Decision: is required',
      'Implementation Phases: needs at least one entry',
      'Outcomes: needs at least one entry',
      'Lessons Learned: is required',
    ]);
  });

  it('checks every entry of a list and the year', () => {
    const issues = validateValues(schema, {
      ...story,
      year: '24',
      status: 'done',
      outcomes: [{ metric: 'p99', before: '', after: '1 s' }],
    });
    expect(issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'status: must be one of: completed, in-progress, rolled-back',
      'year: must be a year such as 2024',
      'outcomes.0.before: is required',
    ]);
  });

  it('writes headings per alternative and phase, and a before/after table', () => {
    const md = toMarkdown(schema, story, ctx);
    expect(md).toContain('guide: excellence/migrations/2pc-to-saga\n');
    expect(md).toContain(
      [
        '## Migration Story',
        '',
        '**Title**: Two-phase commit to sagas in order processing',
        '',
        '**Status**: Completed',
        '',
        '**Year**: 2024',
        '',
        '**Guide**: Two-Phase Commit to Saga',
        '',
        '### Context',
      ].join('\n'),
    );
    expect(md).toContain(
      '### Alternatives Considered\n\n#### 1. Keep 2PC, shard the coordinator\n\n**Pros**:\n\nSmall change.\n\n**Cons**:\n\nStill blocking.\n\n#### 2. Outbox only',
    );
    expect(md).toContain('### Implementation Phases\n\n#### Phase 1: Shadow mode\n\n**What happened**:\n\n');
    expect(md).toContain(
      '### Outcomes\n\n| Metric | Before | After |\n|---|---|---|\n| p99 checkout latency | 1.8 s | 420 ms |\n| Availability \\| checkout | 99.5% | 99.95% |\n',
    );
  });

  it('reads an exported story back to the same values, empty lists and optional fields included', () => {
    expect(fromMarkdown(schema, toMarkdown(schema, story, ctx))).toEqual(story);
    const sparse = { ...story, guide: '', alternatives: [] };
    const md = toMarkdown(schema, sparse, ctx);
    expect(md).not.toContain('guide:');
    expect(md).toContain('**Guide**: _Not answered._');
    expect(md).toContain('### Alternatives Considered\n\n_None._');
    expect(fromMarkdown(schema, md)).toEqual(sparse);
  });
});
