import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeStartupError, nativeBindingProblem } from '../../../src/main/electron/native-binding';

describe('nativeBindingProblem', () => {
  it('is null when the Electron build of the addon is in place', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dstudio-native-')), 'better_sqlite3.node');
    writeFileSync(file, '');
    expect(nativeBindingProblem(file, false)).toBeNull();
  });

  it('tells a developer how to build it, and a user of a packaged app to reinstall', () => {
    const missing = join(tmpdir(), 'dstudio-no-such-dir', 'better_sqlite3.node');
    expect(nativeBindingProblem(missing, false)).toMatch(/not built yet.*prepare-electron-native\.mjs/s);
    expect(nativeBindingProblem(missing, true)).toMatch(/reinstall/i);
  });
});

describe('describeStartupError', () => {
  it('turns an ABI mismatch into the rebuild hint, keeping the original text', () => {
    const abi = new Error(
      "The module 'x/better_sqlite3.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 115. This version of Node.js requires NODE_MODULE_VERSION 150.",
    );
    const text = describeStartupError(abi);
    expect(text).toMatch(/built for a different Electron or Node version/);
    expect(text).toMatch(/prepare-electron-native\.mjs/);
    expect(text).toContain('NODE_MODULE_VERSION 115');
  });

  it('passes any other message through, and copes with non-Error throws', () => {
    expect(describeStartupError(new Error('user.db was written by a newer DStudio'))).toBe(
      'user.db was written by a newer DStudio',
    );
    expect(describeStartupError('plain')).toBe('plain');
  });
});
