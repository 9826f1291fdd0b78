import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SCRIPTS = resolve(import.meta.dirname, '../../../build/scripts');

/** A throw-away project holding the real script, so runs never touch this checkout's build/. */
function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'dstudio-native-script-'));
  mkdirSync(join(root, 'build', 'scripts'), { recursive: true });
  for (const f of ['prepare-electron-native.mjs', 'electron-native-plan.mjs'])
    copyFileSync(join(SCRIPTS, f), join(root, 'build', 'scripts', f));
  return root;
}

function writeJson(file: string, value: unknown): void {
  mkdirSync(resolve(file, '..'), { recursive: true });
  writeFileSync(file, JSON.stringify(value));
}

describe('prepare-electron-native.mjs', () => {
  it('skips at once when the stamp matches the installed versions', () => {
    const root = project();
    writeJson(join(root, 'node_modules', 'electron', 'package.json'), { version: '45.4.1' });
    writeJson(join(root, 'node_modules', 'better-sqlite3', 'package.json'), { version: '12.11.1' });
    mkdirSync(join(root, 'build', 'native-electron'), { recursive: true });
    writeFileSync(join(root, 'build', 'native-electron', 'better_sqlite3.node'), 'addon');
    writeJson(join(root, 'build', 'native-electron', 'stamp.json'), {
      electron: '45.4.1',
      betterSqlite3: '12.11.1',
      platform: process.platform,
      arch: process.arch,
    });
    const run = spawnSync(process.execPath, [join(root, 'build', 'scripts', 'prepare-electron-native.mjs')], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/better-sqlite3 12\.11\.1 for Electron 45\.4\.1 is up to date/);
  });

  it('explains what to do when the packages are not installed', () => {
    const run = spawnSync(
      process.execPath,
      [join(project(), 'build', 'scripts', 'prepare-electron-native.mjs')],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/npm install/);
  });
});
