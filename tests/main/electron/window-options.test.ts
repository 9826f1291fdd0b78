import { describe, expect, it } from 'vitest';
import { windowOptions } from '../../../src/main/electron/window-options';

describe('windowOptions', () => {
  const opts = windowOptions({ preload: '/app/out/preload/index.cjs', dark: false });
  const web = opts.webPreferences!;

  it('isolates the page: no Node, sandboxed, its own JavaScript world', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
    expect(web.sandbox).toBe(true);
  });

  it('keeps every web-security default and turns off what the reader does not need', () => {
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.experimentalFeatures).toBe(false);
    expect(web.enableBlinkFeatures).toBe('');
    expect(web.webviewTag).toBe(false);
    expect(web.navigateOnDragDrop).toBe(false);
    expect(web.spellcheck).toBe(false);
  });

  it('loads the given preload and nothing else that could grant Node', () => {
    expect(web.preload).toBe('/app/out/preload/index.cjs');
    expect(Object.keys(web).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'enableBlinkFeatures',
        'experimentalFeatures',
        'navigateOnDragDrop',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'safeDialogs',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag',
      ].sort(),
    );
  });

  it('opens hidden (shown when ready) with a background matching the theme, so nothing flashes', () => {
    expect(opts.show).toBe(false);
    expect(windowOptions({ preload: 'p', dark: true }).backgroundColor).not.toBe(opts.backgroundColor);
  });
});
