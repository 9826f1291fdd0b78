import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { API_METHODS, channelOf } from '../../src/shared/contract';

const BUNDLE = resolve(import.meta.dirname, '../../out/preload/index.cjs');
const SKIP = `${BUNDLE} is not built (run \`npx electron-vite build\`): preload bundle test skipped`;

/**
 * The built preload, run the way a sandboxed preload runs: one script whose `require`
 * knows only 'electron'. Proves the bundle is self-contained and exposes exactly the
 * contract under `dstudio`.
 */
describe.skipIf(!existsSync(BUNDLE))('out/preload/index.cjs', () => {
  it('needs nothing but electron and exposes only the contract and the desktop bridge', async () => {
    const exposed: Record<string, unknown> = {};
    const sent: unknown[][] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => void (exposed[key] = value) },
      ipcRenderer: {
        invoke: async (channel: string, ...args: unknown[]) => {
          sent.push([channel, ...args]);
          return { ok: true, value: 'answer' };
        },
      },
    };
    const sandboxRequire = (name: string) => {
      if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
      return electron;
    };
    runInNewContext(readFileSync(BUNDLE, 'utf8'), {
      require: sandboxRequire,
      module: { exports: {} },
      exports: {},
    });
    // The contract, and the desktop's two fixed functions (src/shared/desktop-bridge.ts).
    expect(Object.keys(exposed)).toEqual(['dstudio', 'dstudioDesktop']);
    expect(Object.keys(exposed.dstudioDesktop as object).sort()).toEqual(['onCommand', 'savePdf']);
    const api = exposed.dstudio as Record<string, Record<string, (...a: unknown[]) => Promise<unknown>>>;
    expect(Object.keys(api).sort()).toEqual(Object.keys(API_METHODS).sort());
    expect(await api.search!.quickSwitch!('sagg', 5)).toEqual({ ok: true, value: 'answer' });
    expect(sent).toEqual([[channelOf('search', 'quickSwitch'), 'sagg', 5]]);
  });
});

if (!existsSync(BUNDLE)) console.warn(SKIP);
