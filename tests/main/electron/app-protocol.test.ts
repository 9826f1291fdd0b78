import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  createAppProtocolHandler,
  resolveAppPath,
} from '../../../src/main/electron/app-protocol';
import { UI_CSP_HEADER } from '../../../src/main/server/csp';

/** <tmp>/renderer is the served root; secrets sit next to it and inside it as dot files. */
let base: string;
let root: string;
beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'dstudio-app-protocol-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>DStudio</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'with space.css'), 'body{}');
  writeFileSync(join(root, '.env'), 'SECRET=1');
  writeFileSync(join(base, 'secret.txt'), 'outside the root');
  mkdirSync(join(base, 'renderer-evil'));
  writeFileSync(join(base, 'renderer-evil', 'x.js'), 'outside the root');
});

const HOSTILE = [
  'app://dstudio/../secret.txt',
  'app://dstudio/assets/../../secret.txt',
  'app://dstudio/%2e%2e/secret.txt',
  'app://dstudio/%2E%2E/secret.txt',
  'app://dstudio/.%2e/secret.txt',
  'app://dstudio/%2e./secret.txt',
  'app://dstudio/assets/..%2f..%2fsecret.txt',
  'app://dstudio/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
  'app://dstudio/assets%2fapp.js',
  'app://dstudio/..%5csecret.txt',
  'app://dstudio/%5c..%5csecret.txt',
  'app://dstudio/assets\\..\\..\\secret.txt',
  'app://dstudio/..\\secret.txt',
  'app://dstudio/../renderer-evil/x.js',
  'app://dstudio//etc/passwd',
  'app://dstudio/%2fetc%2fpasswd',
  'app://dstudio/%2Fetc/passwd',
  'app://dstudio/C:/Windows/win.ini',
  'app://dstudio/c:%5cwindows%5cwin.ini',
  'app://dstudio/index.html%00.png',
  'app://dstudio/%00',
  'app://dstudio/index.html%0a',
  'app://dstudio/..%c0%af..%c0%afsecret.txt',
  'app://dstudio/%ZZ',
  'app://dstudio/.env',
  'app://dstudio/%2eenv',
  'app://dstudio/assets',
  'app://dstudio/assets/',
  'app://dstudio/missing.js',
  'app://evil/index.html',
  'app://dstudio.evil/index.html',
  'app://dstudio@evil/index.html',
  'app://evil@dstudio/index.html',
  'app://dstudio:8080/index.html',
  'app:/dstudio/index.html',
  'app:dstudio/index.html',
  'file:///etc/passwd',
  'app://dstudio/\t../secret.txt',
  'app://dstudio/ ../secret.txt',
  'https://dstudio/index.html',
  'javascript:alert(1)',
  '',
];

describe('resolveAppPath', () => {
  it('serves the UI files under its root', () => {
    expect(resolveAppPath(root, APP_ENTRY_URL)?.file).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, `${APP_ORIGIN}/`)?.file).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, APP_ORIGIN)?.file).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, `${APP_ORIGIN}/index.html#/page/a/b?h=c`)?.file).toBe(
      join(root, 'index.html'),
    );
    expect(resolveAppPath(root, `${APP_ORIGIN}/assets/app.js?v=1`)).toMatchObject({
      file: join(root, 'assets', 'app.js'),
      type: 'text/javascript; charset=utf-8',
    });
    expect(resolveAppPath(root, `${APP_ORIGIN}/assets/with%20space.css`)?.file).toBe(
      join(root, 'assets', 'with space.css'),
    );
    expect(resolveAppPath(root, 'APP://DSTUDIO/index.html')?.file).toBe(join(root, 'index.html'));
  });

  it.each(HOSTILE)('refuses %j', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });

  it('never leaves the root even after URL normalisation (what Chromium hands the handler)', () => {
    for (const raw of HOSTILE) {
      let normalised: string;
      try {
        normalised = new URL(raw).href;
      } catch {
        continue;
      }
      const hit = resolveAppPath(root, normalised);
      if (hit) expect(hit.file.startsWith(root + sep)).toBe(true);
    }
  });
});

describe('createAppProtocolHandler', () => {
  const handler = () => createAppProtocolHandler(root);

  it('answers a UI file with its bytes, its type and the strict CSP', async () => {
    const res = await handler()(new Request(APP_ENTRY_URL));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('<!doctype html><title>DStudio</title>');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(UI_CSP_HEADER);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers 404 without detail for anything outside the root', async () => {
    for (const url of [
      'app://dstudio/%2e%2e/secret.txt',
      'app://dstudio/..%5csecret.txt',
      'app://dstudio/.env',
      'app://dstudio/nope.js',
    ]) {
      const res = await handler()(new Request(url));
      expect(res.status).toBe(404);
      expect(await res.text()).toBe('Not found');
    }
  });

  it('serves HEAD without a body and refuses other methods', async () => {
    const head = await handler()(new Request(`${APP_ORIGIN}/assets/app.js`, { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String('console.log(1)'.length));
    expect(await head.text()).toBe('');
    const post = await handler()(new Request(`${APP_ORIGIN}/index.html`, { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
  });
});
