import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPaths } from '../../../src/main/electron/paths';

const at = { appPath: '/proj', resourcesPath: '/opt/DStudio/resources', userData: '/home/u/.config/DStudio' };

describe('appPaths', () => {
  it('keeps both databases in the user data folder, in development and packaged alike', () => {
    for (const isPackaged of [false, true]) {
      const p = appPaths({ ...at, isPackaged });
      expect(p.contentDb).toBe(join(at.userData, 'content.db'));
      expect(p.userDb).toBe(join(at.userData, 'user.db'));
    }
  });

  it('in development takes the starter content and the Electron addon from the project folder', () => {
    const p = appPaths({ ...at, isPackaged: false });
    expect(p.starterCorpus).toBe(join('/proj', 'content'));
    expect(p.nativeBinding).toBe(join('/proj', 'build', 'native-electron', 'better_sqlite3.node'));
    expect(p.rendererRoot).toBe(join('/proj', 'out', 'renderer'));
    expect(p.preload).toBe(join('/proj', 'out', 'preload', 'index.cjs'));
  });

  it('when packaged takes the starter content and the addon from resources/, outside the asar archive', () => {
    const p = appPaths({ ...at, appPath: '/opt/DStudio/resources/app.asar', isPackaged: true });
    expect(p.starterCorpus).toBe(join(at.resourcesPath, 'content'));
    expect(p.nativeBinding).toBe(join(at.resourcesPath, 'native-electron', 'better_sqlite3.node'));
    expect(p.rendererRoot).toBe(join('/opt/DStudio/resources/app.asar', 'out', 'renderer'));
  });
});
