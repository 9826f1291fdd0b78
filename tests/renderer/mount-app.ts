import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia, type Pinia } from 'pinia';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import type { Component } from 'vue';

/**
 * Mounts a renderer component as the app would hold it: a fresh Pinia and a router (in
 * memory, every path accepted) at `route`. Only the api module is replaced, by the test.
 */
export async function mountInApp(
  component: Component,
  opts: { route?: string; props?: Record<string, unknown> } = {},
): Promise<{ wrapper: VueWrapper; router: Router; pinia: Pinia }> {
  const pinia = createPinia();
  setActivePinia(pinia);
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/page/:id(.*)', name: 'page', component: { render: () => null } },
      { path: '/:rest(.*)', component: { render: () => null } },
    ],
  });
  await router.push(opts.route ?? '/');
  await router.isReady();
  const wrapper = mount(component, {
    props: opts.props,
    global: { plugins: [pinia, router] },
    attachTo: document.body,
  });
  return { wrapper, router, pinia };
}

/** Lets pending promises (fake api answers) and Vue's updates run (works with faked setTimeout too). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await flushPromises();
}
