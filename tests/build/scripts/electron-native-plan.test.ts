import { describe, expect, it } from 'vitest';
import {
  buildEnv,
  isOfflineError,
  isUpToDate,
  nativePaths,
  nodeGypArgs,
  offlineMessage,
  prebuildArgs,
  shouldCopy,
  stampFor,
} from '../../../build/scripts/electron-native-plan.mjs';
import { appPaths } from '../../../src/main/electron/paths';

const target = stampFor({ electron: '45.4.1', betterSqlite3: '12.11.1', platform: 'linux', arch: 'x64' });

describe('nativePaths', () => {
  it('writes the addon exactly where the app looks for it in development', () => {
    const app = appPaths({ isPackaged: false, appPath: '/proj', resourcesPath: '/r', userData: '/u' });
    expect(nativePaths('/proj').addon).toBe(app.nativeBinding);
  });

  it('builds in a private copy, never in node_modules', () => {
    const p = nativePaths('/proj');
    expect(p.copy.startsWith(p.dir)).toBe(true);
    expect(p.copy).not.toContain('node_modules');
    expect(p.source).toBe('/proj/node_modules/better-sqlite3');
  });
});

describe('isUpToDate', () => {
  const stamp = JSON.stringify(target);

  it('skips only when the addon exists and the stamp records the same versions, platform and arch', () => {
    expect(isUpToDate(target, stamp, true)).toBe(true);
    expect(isUpToDate(target, stamp, false)).toBe(false);
    expect(isUpToDate(target, null, true)).toBe(false);
  });

  it.each([
    ['another Electron', { ...target, electron: '46.0.0' }],
    ['another better-sqlite3', { ...target, betterSqlite3: '12.12.0' }],
    ['another arch', { ...target, arch: 'arm64' }],
    ['another platform', { ...target, platform: 'darwin' }],
  ])('rebuilds for %s', (_label, wanted) => {
    expect(isUpToDate(wanted, stamp, true)).toBe(false);
  });

  it('rebuilds after a damaged or foreign stamp', () => {
    for (const text of [
      '',
      '{',
      'null',
      '42',
      '[]',
      JSON.stringify({ ...target, extra: 1 }),
      JSON.stringify({ electron: '45.4.1' }),
    ]) {
      expect(isUpToDate(target, text, true)).toBe(false);
    }
  });
});

describe('build commands', () => {
  it('asks prebuild-install and node-gyp for the Electron runtime and version', () => {
    expect(prebuildArgs(target)).toEqual(
      expect.arrayContaining(['--runtime=electron', '--target=45.4.1', '--arch=x64', '--platform=linux']),
    );
    expect(nodeGypArgs(target)).toEqual(
      expect.arrayContaining([
        'rebuild',
        '--runtime=electron',
        '--target=45.4.1',
        '--dist-url=https://electronjs.org/headers',
        '--arch=x64',
      ]),
    );
  });

  it("drops npm's Node-specific build settings from the environment, keeping the rest", () => {
    const env = buildEnv({
      PATH: '/bin',
      HOME: '/h',
      npm_config_nodedir: '/usr',
      npm_config_target: '20.0.0',
      npm_config_runtime: 'node',
      npm_config_disturl: 'x',
      npm_config_cache: '/c',
    });
    expect(env).toEqual({ PATH: '/bin', HOME: '/h', npm_config_cache: '/c' });
  });

  it('copies the sources but not the Node build or development files', () => {
    for (const p of [
      'binding.gyp',
      'package.json',
      'lib/index.js',
      'src/better_sqlite3.cpp',
      'deps/sqlite3/sqlite3.c',
      '',
    ])
      expect(shouldCopy(p)).toBe(true);
    for (const p of ['build', 'build/Release/better_sqlite3.node', 'node_modules/x', 'test/a.js'])
      expect(shouldCopy(p)).toBe(false);
  });
});

describe('offline detection', () => {
  it('recognises the network failures of prebuild-install and node-gyp', () => {
    expect(isOfflineError('prebuild-install warn install getaddrinfo ENOTFOUND github.com')).toBe(true);
    expect(
      isOfflineError(
        'gyp ERR! stack FetchError: request to https://electronjs.org/headers failed, reason: getaddrinfo EAI_AGAIN',
      ),
    ).toBe(true);
    expect(isOfflineError('connect ETIMEDOUT 140.82.112.3:443')).toBe(true);
  });

  it('does not mistake a compiler error for being offline', () => {
    expect(isOfflineError('gyp ERR! build error\nmake: g++: No such file or directory')).toBe(false);
  });

  it('says what happened and what to do', () => {
    const text = offlineMessage('45.4.1');
    expect(text).toMatch(/Electron 45\.4\.1/);
    expect(text).toMatch(/network/);
    expect(text).toMatch(/npm start/);
    expect(text).toMatch(/build\/native-electron/);
  });
});
