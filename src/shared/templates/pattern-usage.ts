import type { TemplateSchema } from './schema';

/**
 * The Pattern Usage Report the knowledge base asks its readers for: the fields and their
 * order are the maintainers' (Pattern, Company, Scale, Duration, Implementation Details,
 * Outcomes, Lessons Learned, Would you recommend?); the help texts are this project's own.
 */
export const patternUsageTemplate: TemplateSchema = {
  id: 'pattern-usage',
  version: 1,
  title: 'Pattern Usage Report',
  description: 'How a pattern from the library behaves in a system you run in production.',
  attachKey: 'implementation',
  fields: [
    {
      placement: 'label',
      field: {
        kind: 'page',
        key: 'pattern',
        label: 'Pattern',
        help: 'The library page this report is about.',
        required: true,
        frontMatterKey: 'pattern',
        pageKind: 'pattern',
      },
    },
    {
      placement: 'label',
      field: {
        kind: 'line',
        key: 'company',
        label: 'Company',
        help: 'Who runs the system. A team name or "a mid-size retailer" is fine if the name is confidential.',
        required: true,
        maxLength: 200,
        placeholder: 'Example Corp, payments team',
      },
    },
    {
      placement: 'label',
      field: {
        kind: 'quantity',
        quantity: 'scale',
        key: 'scale',
        label: 'Scale',
        help: 'Traffic the pattern handles: a number and a unit, such as requests per day or per second.',
        required: true,
        maxLength: 200,
        placeholder: '50K req/s',
      },
    },
    {
      placement: 'label',
      field: {
        kind: 'quantity',
        quantity: 'duration',
        key: 'duration',
        label: 'Duration',
        help: 'How long it has been in production.',
        required: true,
        maxLength: 100,
        placeholder: '2 years',
      },
    },
    {
      placement: 'section',
      field: {
        kind: 'text',
        key: 'implementation',
        label: 'Implementation Details',
        help: 'An overview of the architecture: where the pattern sits, what library or product implements it, the settings that mattered.',
        required: true,
        maxLength: 20_000,
      },
    },
    {
      placement: 'section',
      field: {
        kind: 'group',
        key: 'outcomes',
        label: 'Outcomes',
        help: 'What changed once the pattern was in place. Figures with units beat adjectives.',
        required: true,
        fields: [
          {
            kind: 'text',
            key: 'performance',
            label: 'Performance impact',
            help: 'Latency, throughput or cost, before and after.',
            required: true,
            maxLength: 5_000,
          },
          {
            kind: 'text',
            key: 'reliability',
            label: 'Reliability improvement',
            help: 'Availability, error rates, incidents avoided or caused.',
            required: false,
            maxLength: 5_000,
          },
          {
            kind: 'text',
            key: 'operational',
            label: 'Operational changes',
            help: 'New dashboards, alerts, runbooks or on-call load.',
            required: false,
            maxLength: 5_000,
          },
        ],
      },
    },
    {
      placement: 'section',
      field: {
        kind: 'text',
        key: 'lessons',
        label: 'Lessons Learned',
        help: 'What you would repeat, what you would change, and a failure mode you met.',
        required: true,
        maxLength: 20_000,
      },
    },
    {
      placement: 'section',
      field: {
        kind: 'group',
        key: 'recommend',
        label: 'Would you recommend?',
        help: 'Your verdict for a team in a situation like yours.',
        required: true,
        fields: [
          {
            kind: 'choice',
            key: 'answer',
            label: 'Answer',
            help: 'Yes, no, or yes with conditions.',
            required: true,
            options: [
              { value: 'yes', label: 'Yes' },
              { value: 'no', label: 'No' },
              { value: 'with-caveats', label: 'Yes, with caveats' },
            ],
          },
          {
            kind: 'text',
            key: 'why',
            label: 'Why / why not',
            help: 'The reasons behind the answer.',
            required: true,
            maxLength: 5_000,
          },
        ],
      },
    },
  ],
};
