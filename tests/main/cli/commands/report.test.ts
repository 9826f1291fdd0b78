import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromMarkdown, templateById } from '../../../../src/shared/templates';
import { starterContentDb } from '../../reports/starter-services';
import { runCli } from '../../../helpers/cli';
import { PATTERN_USAGE_VALUES } from '../../../shared/templates/pattern-usage-values';

let env: Awaited<ReturnType<typeof starterContentDb>>;
beforeAll(async () => {
  env = await starterContentDb();
});
afterAll(() => env.cleanup());

const values = PATTERN_USAGE_VALUES;

async function run(args: string[], input: unknown) {
  const file = join(env.dir, `in-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, typeof input === 'string' ? input : JSON.stringify(input));
  const result = await runCli(['report', '--db', env.contentDb, '--in', file, ...args]);
  return { ...result, err: result.err === '' ? [] : result.err.split('\n') };
}

describe('dstudio report', () => {
  it('prints the Markdown of valid values', async () => {
    const { code, out } = await run(['--template', 'pattern-usage'], values);
    expect(code).toBe(0);
    expect(out).toMatch(
      /^---\ntemplate: pattern-usage\ntemplate_version: 1\npattern: pattern-library\/resilience\/circuit-breaker\ndate: \d{4}-\d\d-\d\d\n---\n\n## Pattern Usage Report\n\n\*\*Pattern\*\*: Circuit Breaker\n/,
    );
    expect(fromMarkdown(templateById('pattern-usage')!, out)).toEqual(values);
  });

  it('writes JSON to --out atomically and never replaces a file', async () => {
    const out = join(env.dir, 'report.json');
    expect((await run(['--template', 'pattern-usage', '--format', 'json', '--out', out], values)).code).toBe(
      0,
    );
    expect(JSON.parse(readFileSync(out, 'utf8')).values).toEqual(values);
    const again = await run(['--template', 'pattern-usage', '--format', 'json', '--out', out], {
      ...values,
      company: 'Other',
    });
    expect(again.code).toBe(1);
    expect(again.err.join('\n')).toContain('already exists; nothing was written');
    expect(JSON.parse(readFileSync(out, 'utf8')).values.company).toBe('Example Corp');
    expect(readdirSync(env.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('exits 2 with one line per problem and writes nothing', async () => {
    const out = join(env.dir, 'bad.md');
    const { code, err } = await run(['--template', 'pattern-usage', '--out', out], {
      ...values,
      pattern: 'pattern-library/nope',
      scale: 'lots',
      company: '',
      recommend: { answer: 'maybe', why: 'x' },
    });
    expect(code).toBe(2);
    expect(err).toEqual([
      'pattern: Pattern "pattern-library/nope" is not a page of the library',
      'company: Company is required',
      'scale: Scale needs a number and a unit, such as "50K req/s", "2M requests/day" or "300 nodes"',
      'recommend.answer: Would you recommend? › Answer must be one of: yes, no, with-caveats',
    ]);
    expect(existsSync(out)).toBe(false);
  });

  it('explains bad JSON and unknown templates with exit code 2', async () => {
    const bad = await run(['--template', 'pattern-usage'], '{ not json');
    expect(bad.code).toBe(2);
    expect(bad.err[0]).toMatch(/is not valid JSON/);
    const unknown = await run(['--template', 'nope'], values);
    expect(unknown.code).toBe(2);
    expect(unknown.err[0]).toContain('unknown template "nope" (known: pattern-usage, migration-story)');
  });
});
