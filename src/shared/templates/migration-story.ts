import type { TemplateSchema } from './schema';

/** A migration story, for engineers who finished (or abandoned) a migration; help texts are this project's own. */
export const migrationStoryTemplate: TemplateSchema = {
  id: 'migration-story',
  version: 1,
  title: 'Migration Story',
  description: 'What you migrated from and to, why, how it went, and what the numbers said afterwards.',
  nameKey: 'title',
  fields: [
    {
      placement: 'label',
      field: {
        kind: 'line',
        key: 'title',
        label: 'Title',
        help: 'Old system to new system, in a few words.',
        required: true,
        maxLength: 200,
        placeholder: 'Two-phase commit to sagas in order processing',
      },
    },
    {
      placement: 'label',
      field: {
        kind: 'choice',
        key: 'status',
        label: 'Status',
        help: 'Where the migration stands today.',
        required: true,
        options: [
          { value: 'completed', label: 'Completed' },
          { value: 'in-progress', label: 'In progress' },
          { value: 'rolled-back', label: 'Rolled back' },
        ],
      },
    },
    {
      placement: 'label',
      field: {
        kind: 'year',
        key: 'year',
        label: 'Year',
        help: 'The year the migration finished (or started, if it is still going).',
        required: true,
        placeholder: '2024',
      },
    },
    {
      placement: 'label',
      field: {
        kind: 'page',
        key: 'guide',
        label: 'Guide',
        help: 'The migration guide of the library you followed, if any.',
        required: false,
        frontMatterKey: 'guide',
        pageTypes: [],
      },
    },
    {
      placement: 'section',
      field: {
        kind: 'text',
        key: 'context',
        label: 'Context',
        help: 'What the old system did and what hurt: incidents, limits, costs.',
        required: true,
        maxLength: 20_000,
      },
    },
    {
      placement: 'section',
      field: {
        kind: 'text',
        key: 'decision',
        label: 'Decision',
        help: 'What you chose to move to, and the deciding reason.',
        required: true,
        maxLength: 20_000,
      },
    },
    {
      placement: 'section',
      field: {
        kind: 'list',
        layout: 'blocks',
        key: 'alternatives',
        label: 'Alternatives Considered',
        help: 'The options you turned down, each with what spoke for and against it.',
        required: false,
        itemHeading: '{n}. {title}',
        titleKey: 'name',
        minItems: 0,
        maxItems: 10,
        fields: [
          { kind: 'line', key: 'name', label: 'Option', help: 'Its name.', required: true, maxLength: 200 },
          { kind: 'text', key: 'pros', label: 'Pros', help: 'What spoke for it.', required: true, maxLength: 5_000 },
          { kind: 'text', key: 'cons', label: 'Cons', help: 'What spoke against it.', required: true, maxLength: 5_000 },
        ],
      },
    },
    {
      placement: 'section',
      field: {
        kind: 'list',
        layout: 'blocks',
        key: 'phases',
        label: 'Implementation Phases',
        help: 'The steps of the migration in order, with what each one delivered.',
        required: true,
        itemHeading: 'Phase {n}: {title}',
        titleKey: 'name',
        minItems: 1,
        maxItems: 20,
        fields: [
          { kind: 'line', key: 'name', label: 'Phase', help: 'A short name.', required: true, maxLength: 200 },
          {
            kind: 'text',
            key: 'description',
            label: 'What happened',
            help: 'Scope, duration, and anything that went wrong.',
            required: true,
            maxLength: 5_000,
          },
        ],
      },
    },
    {
      placement: 'section',
      field: {
        kind: 'list',
        layout: 'table',
        key: 'outcomes',
        label: 'Outcomes',
        help: 'Before and after figures: latency, throughput, availability, cost.',
        required: true,
        minItems: 1,
        maxItems: 20,
        fields: [
          { kind: 'line', key: 'metric', label: 'Metric', help: 'e.g. p99 latency.', required: true, maxLength: 200 },
          { kind: 'line', key: 'before', label: 'Before', help: 'With its unit.', required: true, maxLength: 200 },
          { kind: 'line', key: 'after', label: 'After', help: 'With its unit.', required: true, maxLength: 200 },
        ],
      },
    },
    {
      placement: 'section',
      field: {
        kind: 'text',
        key: 'lessons',
        label: 'Lessons Learned',
        help: 'What you would tell a team about to start the same migration.',
        required: true,
        maxLength: 20_000,
      },
    },
  ],
};
