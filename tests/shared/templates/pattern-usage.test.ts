import { describe, expect, it } from 'vitest';
import {
  emptyValues,
  fromMarkdown,
  normalizeValues,
  ReportImportError,
  toJson,
  toMarkdown,
  validateValues,
} from '../../../src/shared/templates';
import { patternUsageTemplate as schema } from '../../../src/shared/templates/pattern-usage';
import { PATTERN_USAGE_VALUES } from './pattern-usage-values';

const ctx = {
  date: '2026-12-05',
  pageTitle: (id: string) => (id === 'pattern-library/resilience/circuit-breaker' ? 'Circuit Breaker' : null),
};
const page = (id: string) =>
  id === 'pattern-library/resilience/circuit-breaker'
    ? { id, title: 'Circuit Breaker', type: null, isTemplate: false }
    : null;

const filled = {
  ...PATTERN_USAGE_VALUES,
  company: 'Example Corp, payments team',
  implementation: 'Breakers sit in the client library.\n\n```yaml\nthreshold: 50%\n```',
  outcomes: {
    performance: 'p99 fell from 2 s to 300 ms.',
    reliability: '',
    operational: 'One new dashboard.',
  },
  lessons: '- Tune per dependency.\n- Alert on open breakers.',
  recommend: { answer: 'with-caveats', why: 'Only with good timeouts.' },
};

describe('Pattern Usage Report schema', () => {
  it('gives a form model with every field empty, in the template order', () => {
    expect(emptyValues(schema)).toEqual({
      pattern: '',
      company: '',
      scale: '',
      duration: '',
      implementation: '',
      outcomes: { performance: '', reliability: '', operational: '' },
      lessons: '',
      recommend: { answer: '', why: '' },
    });
  });

  it('reports every missing required field by path, with the form words', () => {
    const issues = validateValues(schema, emptyValues(schema), { page });
    expect(issues.map((i) => `${i.where}: ${i.message}`)).toEqual([
      'Pattern: is required',
      'Company: is required',
      'Scale: is required',
      'Duration: is required',
      'Implementation Details: is required',
      'Outcomes › Performance impact: is required',
      'Lessons Learned: is required',
      'Would you recommend? › Answer: is required',
      'Would you recommend? › Why / why not: is required',
    ]);
  });

  it('accepts a complete report', () => {
    expect(validateValues(schema, filled, { page })).toEqual([]);
  });

  it('understands figures with units and explains the ones it cannot read', () => {
    const bad = { ...filled, scale: 'lots', duration: 'since forever' };
    expect(validateValues(schema, bad).map((i) => [i.path, i.message])).toEqual([
      ['scale', 'needs a number and a unit, such as "50K req/s", "2M requests/day" or "300 nodes"'],
      ['duration', 'needs a number and a unit, such as "2 years", "18 months" or "6 weeks"'],
    ]);
  });

  it('refuses unknown pattern ids, pages that are not patterns, huge fields, control and bidi characters', () => {
    const issues = validateValues(
      schema,
      {
        ...filled,
        pattern: 'pattern-library/nope',
        company: 'Acme\u202eevil',
        lessons: 'x'.repeat(1024 * 1024),
        implementation: 'bell\u0007',
      },
      { page },
    );
    expect(issues.map((i) => [i.path, i.message])).toEqual([
      ['pattern', '"pattern-library/nope" is not a page of the library'],
      [
        'company',
        'contains right-to-left override characters, which make text display differently from what it says',
      ],
      ['implementation', 'contains control characters; remove them (paste as plain text)'],
      ['lessons', 'is 1,048,576 characters long; the limit is 20,000'],
    ]);
    const notPattern = validateValues(schema, filled, {
      page: () => ({ id: 'index', title: 'Home', type: 'index', isTemplate: false }),
    });
    expect(notPattern.map((i) => i.message)).toEqual(['"Home" is not a pattern page']);
  });

  it('refuses text that would break the document structure on import', () => {
    const issues = validateValues(schema, {
      ...filled,
      lessons: 'fine\n### Outcomes\nmore',
      implementation: '**Reliability improvement**: sneaky',
    });
    expect(issues.map((i) => [i.path, i.message])).toEqual([
      ['implementation', "line 1 starts with one of the report's own labels; reword its start"],
      [
        'lessons',
        'line 2 is a level 1–4 heading, which the report uses for its own sections; use ##### or deeper',
      ],
    ]);
  });

  it('writes the Markdown with the exact headings and bold labels, in order', () => {
    expect(toMarkdown(schema, filled, ctx)).toBe(
      [
        '---',
        'template: pattern-usage',
        'template_version: 1',
        'pattern: pattern-library/resilience/circuit-breaker',
        'date: 2026-12-05',
        '---',
        '',
        '## Pattern Usage Report',
        '',
        '**Pattern**: Circuit Breaker',
        '',
        '**Company**: Example Corp, payments team',
        '',
        '**Scale**: 50K req/s',
        '',
        '**Duration**: 2 years',
        '',
        '### Implementation Details',
        '',
        'Breakers sit in the client library.',
        '',
        '```yaml',
        'threshold: 50%',
        '```',
        '',
        '### Outcomes',
        '',
        '**Performance impact**:',
        '',
        'p99 fell from 2 s to 300 ms.',
        '',
        '**Reliability improvement**: _Not answered._',
        '',
        '**Operational changes**:',
        '',
        'One new dashboard.',
        '',
        '### Lessons Learned',
        '',
        '- Tune per dependency.',
        '- Alert on open breakers.',
        '',
        '### Would you recommend?',
        '',
        '**Answer**: Yes, with caveats',
        '',
        '**Why / why not**:',
        '',
        'Only with good timeouts.',
        '',
      ].join('\n'),
    );
  });

  it('reads an exported file back to the same values (round trip)', () => {
    expect(fromMarkdown(schema, toMarkdown(schema, filled, ctx))).toEqual(filled);
    const messy = normalizeValues(schema, {
      ...filled,
      company: '  Acme | Co  ',
      lessons: 'line one\r\n\r\n**bold** `code` <script>alert(1)</script>',
    }).values;
    expect(fromMarkdown(schema, toMarkdown(schema, messy, ctx))).toEqual(messy);
    const crlf = toMarkdown(schema, filled, ctx).replace(/\n/g, '\r\n');
    expect(fromMarkdown(schema, crlf)).toEqual(filled);
  });

  it('says which part is missing in a file whose structure was changed', () => {
    const md = toMarkdown(schema, filled, ctx);
    expect(() => fromMarkdown(schema, md.replace('### Outcomes', '### Results'))).toThrow(
      new ReportImportError('The section "### Outcomes" is missing.'),
    );
    expect(() => fromMarkdown(schema, md.replace('**Company**', '**Org**'))).toThrow(
      /label "Company" is missing/,
    );
    expect(() => fromMarkdown(schema, md.replace('template_version: 1', 'template_version: 9'))).toThrow(
      /version 9 of the template/,
    );
    expect(() => fromMarkdown(schema, '# just notes')).toThrow(/no front matter/);
    expect(() => fromMarkdown(schema, md.replace('date:', 'a: &x [1]\nb: *x\ndate:'))).toThrow(
      ReportImportError,
    );
  });

  it('normalises JSON input and reports wrong shapes instead of dropping them', () => {
    const { values, issues } = normalizeValues(schema, {
      ...filled,
      scale: 5000,
      outcomes: 'great',
      extra: true,
    });
    expect(values.scale).toBe('5000');
    expect(values.outcomes).toEqual({ performance: '', reliability: '', operational: '' });
    expect(issues.map((i) => [i.path, i.message])).toEqual([
      ['extra', expect.stringMatching(/^has no field "extra"/)],
      ['outcomes', 'must be an object'],
    ]);
  });

  it('exports JSON with the template id, version, date and values', () => {
    expect(JSON.parse(toJson(schema, filled, '2026-12-05'))).toEqual({
      template: 'pattern-usage',
      template_version: 1,
      date: '2026-12-05',
      values: filled,
    });
  });
});
