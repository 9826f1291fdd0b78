// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { QuickSwitchData, QuickSwitchHit } from '../../../src/shared/contract';
import { callsOf, deferred, unexpected, useFakeApi } from '../fake-api';
import { mountInApp, settle } from '../mount-app';
import QuickSwitcher from '../../../src/renderer/src/components/QuickSwitcher.vue';
import { useUiStore } from '../../../src/renderer/src/stores/ui';

vi.mock('../../../src/renderer/src/api', () => import('../fake-api'));

beforeAll(() => {
  // jsdom has <dialog> but not its modal methods.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLElement.prototype.scrollIntoView ??= () => {};
});
afterEach(() => {
  document.body.innerHTML = '';
});

const hit = (
  id: string,
  kind: QuickSwitchHit['kind'] = 'title',
  anchor: string | null = null,
): QuickSwitchHit => ({
  id,
  title: id.split('/').pop()!,
  kind,
  label: kind === 'heading' ? `Section of ${id}` : id.split('/').pop()!,
  anchor,
  tier: 'gold',
});

const HITS: Record<string, QuickSwitchHit[]> = {
  '': [hit('recent/one')],
  s: [hit('patterns/saga'), hit('patterns/sharding'), hit('patterns/saga', 'heading', 'compensation')],
  sa: [hit('patterns/saga'), hit('patterns/saga', 'heading', 'compensation')],
};

/** The switcher's data has not arrived (yet): keystrokes ask the main side, as these tests check. */
const notYet = () => new Promise<never>(() => {});

async function open() {
  useFakeApi({ search: { quickSwitch: async (text) => HITS[text] ?? [], quickSwitchData: notYet } });
  const { wrapper, router } = await mountInApp(QuickSwitcher);
  useUiStore().openSwitcher();
  await settle();
  const input = wrapper.get<HTMLInputElement>('[data-testid="switcher-input"]');
  const options = () => wrapper.findAll('[role="option"]');
  const selected = () => options().findIndex((o) => o.attributes('aria-selected') === 'true');
  return { wrapper, router, input, options, selected };
}

describe('QuickSwitcher', () => {
  it('takes focus, shows recent pages for an empty box, and queries at each keystroke', async () => {
    const { input, options } = await open();
    expect(document.activeElement).toBe(input.element);
    expect(options().map((o) => o.text())).toEqual([expect.stringContaining('one')]);
    await input.setValue('s');
    await input.setValue('sa');
    await settle();
    expect(callsOf('search', 'quickSwitch').map((a) => a[0])).toEqual(['', 's', 'sa']);
    expect(options()).toHaveLength(2);
    expect(options()[1]!.text()).toContain('Section');
    expect(unexpected).toEqual([]);
  });

  it('moves the choice with the arrow keys (wrapping), keeps aria-activedescendant on it, and Enter opens it at its section', async () => {
    const { input, selected, router } = await open();
    await input.setValue('s');
    await settle();
    expect(selected()).toBe(0);
    await input.trigger('keydown', { key: 'ArrowDown' });
    await input.trigger('keydown', { key: 'ArrowDown' });
    expect(selected()).toBe(2);
    expect(input.attributes('aria-activedescendant')).toBe('switcher-option-2');
    await input.trigger('keydown', { key: 'ArrowDown' });
    expect(selected()).toBe(0);
    await input.trigger('keydown', { key: 'ArrowUp' });
    expect(selected()).toBe(2);
    await input.trigger('keydown', { key: 'Enter' });
    await settle();
    expect(router.currentRoute.value.path).toBe('/page/patterns/saga');
    expect(router.currentRoute.value.query.h).toBe('compensation');
    expect(useUiStore().switcherOpen).toBe(false);
  });

  it('a new keystroke puts the choice back on the first match', async () => {
    const { input, selected } = await open();
    await input.setValue('s');
    await settle();
    await input.trigger('keydown', { key: 'ArrowDown' });
    expect(selected()).toBe(1);
    await input.setValue('sa');
    await settle();
    expect(selected()).toBe(0);
  });

  it('Enter right after typing waits for the answer to what was typed', async () => {
    const late = deferred<QuickSwitchHit[]>();
    useFakeApi({
      search: {
        quickSwitch: (text) => (text === 'sa' ? late.promise : Promise.resolve(HITS[text] ?? [])),
        quickSwitchData: notYet,
      },
    });
    const { wrapper, router } = await mountInApp(QuickSwitcher);
    useUiStore().openSwitcher();
    await settle();
    const input = wrapper.get('[data-testid="switcher-input"]');
    await input.setValue('s');
    await settle();
    await input.setValue('sa');
    await input.trigger('keydown', { key: 'Enter' });
    await settle();
    expect(router.currentRoute.value.path).toBe('/'); // not the stale 's' list's first hit yet
    late.resolve([hit('patterns/saga-orchestration')]);
    await settle();
    expect(router.currentRoute.value.path).toBe('/page/patterns/saga-orchestration');
  });

  it('says when nothing matches, and shows a failure as an alert', async () => {
    useFakeApi({
      search: {
        quickSwitch: async (text) => {
          if (text === 'boom') throw new Error('The search index is missing');
          return [];
        },
        quickSwitchData: notYet,
      },
    });
    const { wrapper } = await mountInApp(QuickSwitcher);
    await settle();
    const input = wrapper.get('[data-testid="switcher-input"]');
    await input.setValue('zzz');
    await settle();
    expect(wrapper.text()).toContain('Nothing matches “zzz”.');
    await input.setValue('boom');
    await settle();
    expect(wrapper.get('[role="alert"]').text()).toBe('The search index is missing');
  });

  it('once its data is in, matches in the keystroke itself, with no call to the main side', async () => {
    const data: QuickSwitchData = {
      generation: 'g1',
      pages: [
        [1, 'patterns/circuit-breaker', 'Circuit Breaker', 'gold'],
        [2, 'patterns/saga', 'Saga', null],
      ],
      docs: [
        [0, 'Circuit Breaker', [1, '']],
        [0, 'Saga', [2, '']],
      ],
      headings: [['Compensation', [2, '']]],
      recent: ['patterns/saga'],
    };
    useFakeApi({
      search: { quickSwitch: async (text) => HITS[text] ?? [], quickSwitchData: async () => data },
    });
    const { wrapper, router } = await mountInApp(QuickSwitcher);
    useUiStore().openSwitcher();
    const dialog = wrapper.get('dialog');
    await vi.waitFor(() => expect(dialog.attributes('data-matching')).toBe('local'));
    const asked = callsOf('search', 'quickSwitch').length;
    const input = wrapper.get<HTMLInputElement>('[data-testid="switcher-input"]');
    input.element.value = 'circut';
    await input.trigger('input');
    // No answer to wait for: the list is right as soon as Vue has re-rendered.
    expect(wrapper.findAll('[role="option"]').map((o) => o.text())).toEqual([
      expect.stringContaining('Circuit Breaker'),
    ]);
    await input.setValue('compens');
    expect(wrapper.findAll('[role="option"]')[0]!.text()).toContain('Section');
    await input.setValue('');
    expect(wrapper.findAll('[role="option"]')[0]!.text()).toContain('Saga'); // recent
    expect(callsOf('search', 'quickSwitch')).toHaveLength(asked);
    await input.setValue('circ');
    await input.trigger('keydown', { key: 'Enter' });
    await settle();
    expect(router.currentRoute.value.path).toBe('/page/patterns/circuit-breaker');
    expect(unexpected).toEqual([]);
  });
});

describe('QuickSwitcher command mode', () => {
  it('after > lists commands only, greys page commands off their page with why, and Enter runs the first available one', async () => {
    const { input, options, router } = await open();
    await input.setValue('> report');
    await settle();
    const texts = options().map((o) => o.text());
    expect(texts).toEqual([
      expect.stringContaining('Report Drafts'),
      expect.stringContaining('New Pattern Usage Report'),
      expect.stringContaining('Report Your Usage'),
    ]);
    expect(options()[2]!.attributes('aria-disabled')).toBe('true');
    expect(texts[2]).toContain('Needs a pattern on screen');
    expect(callsOf('search', 'quickSwitch').map((a) => a[0])).toEqual(['']); // no page search for commands
    await input.trigger('keydown', { key: 'Enter' });
    await settle();
    expect(router.currentRoute.value.path).toBe('/reports');
    expect(useUiStore().switcherOpen).toBe(false);
  });

  it('Enter on a greyed command does nothing; New Pattern Usage Report opens an empty draft', async () => {
    const { input, router } = await open();
    useFakeApi({
      search: { quickSwitch: async () => [], quickSwitchData: notYet },
      reports: { createDraft: async () => ({ id: 'd1' }) as never },
    });
    await input.setValue('>your usage');
    await settle();
    await input.trigger('keydown', { key: 'Enter' });
    await settle();
    expect(router.currentRoute.value.path).toBe('/');
    expect(useUiStore().switcherOpen).toBe(true);
    await input.setValue('>new report');
    await settle();
    await input.trigger('keydown', { key: 'Enter' });
    await settle();
    expect(callsOf('reports', 'createDraft')).toEqual([['pattern-usage', undefined]]);
    expect(router.currentRoute.value.path).toBe('/reports/d1');
  });

  it('without > shows the few matching available commands below the page matches', async () => {
    const { input, options } = await open();
    await input.setValue('drafts');
    await settle();
    expect(options().map((o) => o.text())).toEqual([expect.stringContaining('Report Drafts')]);
    await input.setValue('s');
    await settle();
    expect(options()).toHaveLength(3); // pages only: one letter is no command search
    await input.setValue('> zzz');
    await settle();
    expect(options()).toHaveLength(0);
  });
});
