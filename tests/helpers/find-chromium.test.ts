import { describe, expect, it } from 'vitest';
import { DEBIAN_CHROMIUM, findChromium, NO_CHROMIUM_MESSAGE } from './find-chromium.mjs';

const MANAGED = '/home/me/.cache/ms-playwright/chromium-1/chrome-linux64/chrome';
const present =
  (...paths: string[]) =>
  (p: string) =>
    paths.includes(p);

describe('findChromium', () => {
  it('takes CHROMIUM_PATH first, even when the others exist', () => {
    const found = findChromium({
      env: { CHROMIUM_PATH: '/opt/chrome' },
      exists: present('/opt/chrome', DEBIAN_CHROMIUM, MANAGED),
      managedPath: () => MANAGED,
    });
    expect(found).toEqual({ path: '/opt/chrome', source: 'CHROMIUM_PATH' });
  });

  it('refuses a CHROMIUM_PATH that names nothing instead of testing another browser', () => {
    const found = findChromium({
      env: { CHROMIUM_PATH: '/nowhere/chrome' },
      exists: present(DEBIAN_CHROMIUM),
      managedPath: () => MANAGED,
    });
    expect(found.path).toBeNull();
    expect(found).toMatchObject({ message: expect.stringContaining('/nowhere/chrome') });
  });

  it("then Debian's Chromium, then the Playwright-managed one", () => {
    expect(
      findChromium({ env: {}, exists: present(DEBIAN_CHROMIUM, MANAGED), managedPath: () => MANAGED }),
    ).toEqual({
      path: DEBIAN_CHROMIUM,
      source: 'debian',
    });
    expect(findChromium({ env: {}, exists: present(MANAGED), managedPath: () => MANAGED })).toEqual({
      path: MANAGED,
      source: 'playwright',
    });
  });

  it('names the three options when there is none (also when Playwright has no build for the platform)', () => {
    const none = findChromium({ env: {}, exists: present(), managedPath: () => MANAGED });
    const unsupported = findChromium({
      env: {},
      exists: present(),
      managedPath: () => {
        throw new Error('unsupported platform');
      },
    });
    for (const found of [none, unsupported]) {
      expect(found).toEqual({ path: null, message: NO_CHROMIUM_MESSAGE });
    }
    expect(NO_CHROMIUM_MESSAGE).toMatch(/CHROMIUM_PATH/);
    expect(NO_CHROMIUM_MESSAGE).toMatch(/apt-get install chromium/);
    expect(NO_CHROMIUM_MESSAGE).toMatch(/npx playwright install chromium/);
  });

  it('asks the installed playwright-core where its managed Chromium lives', () => {
    const asked: string[] = [];
    findChromium({ env: {}, exists: (p) => (asked.push(p), false) });
    expect(asked).toHaveLength(2);
    expect(asked[1]).toMatch(/ms-playwright/);
  });
});
