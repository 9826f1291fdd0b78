import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../src/main/data-dir';

describe('defaultDataDir (where Electron keeps userData)', () => {
  it('follows each platform convention', () => {
    expect(defaultDataDir('linux', {}, '/home/u')).toBe('/home/u/.config/DStudio Desktop');
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/x' }, '/home/u')).toBe('/x/DStudio Desktop');
    expect(defaultDataDir('darwin', {}, '/Users/u')).toBe(
      '/Users/u/Library/Application Support/DStudio Desktop',
    );
    expect(defaultDataDir('win32', { APPDATA: 'C:/Users/u/AppData/Roaming' }, 'C:/Users/u')).toBe(
      'C:/Users/u/AppData/Roaming/DStudio Desktop',
    );
  });
});
