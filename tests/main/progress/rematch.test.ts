import { describe, expect, it } from 'vitest';
import { checklistItemKey } from '../../../src/main/corpus/checklists';
import { rematch, similarity } from '../../../src/main/progress/rematch';

const item = (text: string, sectionSlug = 'prep', suffix = '') => ({
  key: checklistItemKey('guide', sectionSlug, text) + suffix,
  text,
  sectionSlug,
});

describe('rematch', () => {
  it('keeps items whose key is unchanged', () => {
    const a = item('Freeze writes');
    expect(rematch([a], [item('Other'), a])).toEqual({
      matched: [{ previousKey: a.key, currentKey: a.key, kind: 'exact' }],
      orphaned: [],
    });
  });

  it('follows an item moved to another section by its text', () => {
    const before = item('Back up the database', 'prep');
    const after = item('Back up the database', 'cutover');
    expect(rematch([before], [item('Unrelated', 'prep'), after]).matched).toEqual([
      { previousKey: before.key, currentKey: after.key, kind: 'moved' },
    ]);
  });

  it('follows an edited item within its section, never into another section', () => {
    const before = item('Message broker available (Kafka)', 'tech');
    const edited = item('Message broker available (Kafka or Pulsar)', 'tech');
    const elsewhere = item('Message broker available (Kafka or Pulsar)', 'team');
    expect(rematch([before], [elsewhere, edited]).matched).toEqual([
      { previousKey: before.key, currentKey: edited.key, kind: 'edited' },
    ]);
    expect(rematch([before], [elsewhere])).toEqual({ matched: [], orphaned: [before.key] });
  });

  it('orphans a deleted item instead of giving its state to an unrelated one', () => {
    const gone = item('Decommission the 2PC coordinator');
    expect(rematch([gone], [item('Train the team on sagas')])).toEqual({ matched: [], orphaned: [gone.key] });
  });

  it('pairs duplicate texts in one section in order, and each current item takes one state', () => {
    const first = item('Run the test suite');
    const second = item('Run the test suite', 'prep', '~2');
    // The section was rewritten: both duplicates got new keys in another section.
    const movedFirst = item('Run the test suite', 'verify');
    const movedSecond = item('Run the test suite', 'verify', '~2');
    const r = rematch([first, second], [movedFirst, movedSecond]);
    expect(r.matched).toEqual([
      { previousKey: first.key, currentKey: movedFirst.key, kind: 'moved' },
      { previousKey: second.key, currentKey: movedSecond.key, kind: 'moved' },
    ]);
    // One copy deleted: the second state is orphaned, not merged into the first.
    expect(rematch([first, second], [movedFirst]).orphaned).toEqual([second.key]);
  });

  it('gives a contested item to the closest edit', () => {
    const a = item('Enable tracing on all services');
    const b = item('Enable tracing on the payment service');
    const now = item('Enable tracing on the payment service only');
    const r = rematch([a, b], [now]);
    expect(r.matched).toEqual([{ previousKey: b.key, currentKey: now.key, kind: 'edited' }]);
    expect(r.orphaned).toEqual([a.key]);
  });
});

describe('similarity', () => {
  it('scores shared words, ignoring case and Markdown marks', () => {
    expect(similarity('**Kafka** ready', 'kafka READY')).toBe(1);
    expect(similarity('a b c d', 'a b x y')).toBe(0.5);
    expect(similarity('', 'x')).toBe(0);
  });
});
