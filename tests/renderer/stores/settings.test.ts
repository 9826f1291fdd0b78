import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { SettingValue } from '../../../src/shared/contract';
import { callsOf, useFakeApi } from '../fake-api';
import { useSettingsStore } from '../../../src/renderer/src/stores/settings';

vi.mock('../../../src/renderer/src/api', () => import('../fake-api'));

beforeEach(() => setActivePinia(createPinia()));

function settingsServer(initial: Record<string, SettingValue> = {}) {
  const values = { ...initial };
  return {
    values,
    impl: {
      getSettings: async () => ({ ...values }),
      setSetting: async (k: string, v: SettingValue) => void (values[k] = v),
    },
  };
}

describe('settings store: theme and zoom', () => {
  it('follows the system until a theme is chosen, and cycles system → light → dark → system, saving each', async () => {
    const server = settingsServer();
    useFakeApi({ user: server.impl });
    const settings = useSettingsStore();
    await settings.load();
    expect(settings.theme).toBe('system');
    await settings.cycleTheme();
    expect(settings.theme).toBe('light');
    await settings.cycleTheme();
    expect(settings.theme).toBe('dark');
    expect(server.values.theme).toBe('dark');
    await settings.cycleTheme();
    expect(settings.theme).toBe('system');
    expect(callsOf('user', 'setSetting').map((a) => a[1])).toEqual(['light', 'dark', 'system']);
  });

  it('ignores a stored theme or zoom it does not know', async () => {
    useFakeApi({ user: settingsServer({ theme: 'neon', zoom: 40 }).impl });
    const settings = useSettingsStore();
    await settings.load();
    expect(settings.theme).toBe('system');
    expect(settings.zoom).toBe(1);
  });

  it('zooms in steps within bounds and resets', async () => {
    useFakeApi({ user: settingsServer({ zoom: 1.75 }).impl });
    const settings = useSettingsStore();
    await settings.load();
    await settings.zoomBy(1);
    expect(settings.zoom).toBe(2);
    await settings.zoomBy(1);
    expect(settings.zoom).toBe(2);
    await settings.resetZoom();
    await settings.zoomBy(-1);
    expect(settings.zoom).toBe(0.9);
  });

  it('applies a choice at once but reports a failed save', async () => {
    useFakeApi({
      user: {
        getSettings: async () => ({}),
        setSetting: async () => {
          throw new Error('read-only file system');
        },
      },
    });
    const settings = useSettingsStore();
    await settings.load();
    await settings.set('theme', 'dark');
    expect(settings.theme).toBe('dark');
    expect(settings.error).toBe('Could not save the setting "theme": read-only file system');
  });
});
