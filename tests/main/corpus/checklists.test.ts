import { describe, expect, it } from 'vitest';
import { checklistItemKey, extractChecklists } from '../../../src/main/corpus/checklists';

const task = (text: string, sectionSlug = 'prep', checked = false) => ({
  text,
  checked,
  line: 1,
  sectionSlug,
  sectionTitle: 'Prep',
});

describe('checklist keys', () => {
  it('are stable under formatting-only changes and differ across sections', () => {
    expect(checklistItemKey('p', 's', 'Back up  the **database**')).toBe(
      checklistItemKey('p', 's', 'back up the database'),
    );
    expect(checklistItemKey('p', 's', 'x')).not.toBe(checklistItemKey('p', 't', 'x'));
    expect(checklistItemKey('p', 's', 'x')).toMatch(/^p#s#[0-9a-f]{12}$/);
  });
});

describe('extractChecklists', () => {
  it('groups task items by section, yaml-fence checklists and production_checklist, keys unique', () => {
    const { checklists, taskKeys } = extractChecklists(
      'mig',
      [task('Freeze writes'), task('Freeze writes'), task('Ship', 'go', true)],
      [
        {
          lang: 'yaml',
          content: 'Rollout Checklist:\n  before:\n    - Announce\n    - Snapshot\nother: [a]\n',
          line: 9,
          sectionSlug: 'plan',
          sectionTitle: 'Plan',
        },
      ],
      ['Alerting', 'Runbook'],
    );
    expect(checklists.map((c) => [c.source, c.sectionSlug, c.items.length])).toEqual([
      ['task-list', 'prep', 2],
      ['task-list', 'go', 1],
      ['yaml-fence', 'plan', 2],
      ['front-matter', 'production-checklist', 2],
    ]);
    expect(new Set(taskKeys).size).toBe(3);
    expect(taskKeys[1]).toBe(`${taskKeys[0]}~2`);
    expect(checklists[1]!.items[0]!.authorChecked).toBe(true);
  });
});

describe('checklists written inside code fences', () => {
  it('become items grouped under their YAML key or Markdown heading, keyed like task items', () => {
    const fence = (lang: string, content: string) => ({
      lang,
      content,
      line: 20,
      sectionSlug: 'ready',
      sectionTitle: 'Ready',
    });
    const { checklists } = extractChecklists(
      'mig',
      [],
      [
        fence(
          'yaml',
          'criteria:\n  business:\n    - [ ] Compensations defined\n  technical:\n    - [x] Broker available\n',
        ),
        fence('markdown', '## Before\n- [ ] Announce\n'),
        fence('mermaid', 'graph TD\n- [ ] not an item\n'),
      ],
      undefined,
    );
    expect(checklists).toHaveLength(1);
    expect(checklists[0]!.items.map((i) => [i.text, i.group, i.authorChecked, i.line])).toEqual([
      ['Compensations defined', 'business', false, 23],
      ['Broker available', 'technical', true, 25],
      ['Announce', 'Before', false, 22],
    ]);
    expect(checklists[0]!.items[0]!.key).toBe(checklistItemKey('mig', 'ready', 'Compensations defined'));
  });
});
