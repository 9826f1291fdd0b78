// @vitest-environment jsdom
import { mount } from '@vue/test-utils';
import { defineComponent, h, ref } from 'vue';
import { describe, expect, it, vi } from 'vitest';
import FilterSelect from '../../../src/renderer/src/components/FilterSelect.vue';
import IconButton from '../../../src/renderer/src/components/IconButton.vue';
import StateMessage from '../../../src/renderer/src/components/StateMessage.vue';

describe('StateMessage', () => {
  it('draws a Try again button, before the other actions, only when @retry is bound', async () => {
    const retry = vi.fn();
    const withRetry = mount(StateMessage, {
      props: { kind: 'error', title: 'Failed', message: 'Disk full', onRetry: retry },
      slots: { default: () => h('a', { class: 'other' }, 'Go home') },
    });
    const buttons = withRetry.findAll('.state-actions > *');
    expect(buttons.map((b) => b.text())).toEqual(['Try again', 'Go home']);
    await buttons[0]!.trigger('click');
    expect(retry).toHaveBeenCalledTimes(1);
    expect(withRetry.attributes('role')).toBe('alert');

    const without = mount(StateMessage, { props: { kind: 'error', title: 'Failed' } });
    expect(without.find('button').exists()).toBe(false);
    expect(without.find('.state-actions').exists()).toBe(false);
  });
});

describe('IconButton', () => {
  it('is a button named by its label, with its title, icon, slot and listeners', async () => {
    const w = mount(IconButton, {
      props: { icon: 'help', label: 'Keyboard shortcuts', title: 'Keyboard shortcuts (?)' },
      attrs: { disabled: true },
      slots: { default: () => h('kbd', 'Ctrl K') },
    });
    const b = w.get('button');
    expect(b.attributes()).toMatchObject({
      type: 'button',
      'aria-label': 'Keyboard shortcuts',
      title: 'Keyboard shortcuts (?)',
    });
    expect(b.element.disabled).toBe(true);
    expect(b.find('svg').exists()).toBe(true);
    expect(b.find('kbd').text()).toBe('Ctrl K');
  });
});

describe('IconButton clicks', () => {
  it('passes a click listener to the button', async () => {
    const click = vi.fn();
    const w = mount(IconButton, {
      props: { icon: 'close', label: 'Close', title: 'Close (Esc)' },
      attrs: { onClick: click },
    });
    await w.get('button').trigger('click');
    expect(click).toHaveBeenCalledTimes(1);
  });
});

describe('FilterSelect', () => {
  it('puts its test id and change listener on the select, with an All option and option labels', async () => {
    const chosen = ref('');
    const Parent = defineComponent({
      setup: () => () =>
        h(FilterSelect, {
          label: 'Source',
          value: chosen.value,
          options: ['front-matter', 'section'],
          optionLabels: { 'front-matter': 'Front matter' },
          anyLabel: 'All',
          'data-testid': 'timeline-origin',
          onChange: (e: Event) => (chosen.value = (e.target as HTMLSelectElement).value),
        }),
    });
    const w = mount(Parent, { attachTo: document.body });
    const select = w.get('[data-testid="timeline-origin"]');
    expect(select.element.tagName).toBe('SELECT');
    expect(w.get('label').text()).toContain('Source');
    expect(select.findAll('option').map((o) => [o.attributes('value'), o.text()])).toEqual([
      ['', 'All'],
      ['front-matter', 'Front matter'],
      ['section', 'section'],
    ]);
    await select.setValue('section');
    expect(chosen.value).toBe('section');
    w.unmount();
  });

  it('has no empty option without anyLabel', () => {
    const w = mount(FilterSelect, { props: { label: 'Sort by', value: 'name', options: ['name', 'tier'] } });
    expect(w.findAll('option').map((o) => o.attributes('value'))).toEqual(['name', 'tier']);
    expect((w.get('select').element as HTMLSelectElement).value).toBe('name');
  });
});
