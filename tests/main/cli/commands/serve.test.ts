import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../../src/main/cli/main';
import { serve } from '../../../../src/main/cli/commands/serve';
import type { CliIo } from '../../../../src/main/cli/command';

function captureIo(): CliIo & { text: () => string } {
  let buf = '';
  return { out: (t) => (buf += t + '\n'), err: (t) => (buf += t + '\n'), isTty: false, text: () => buf };
}

describe('dstudio serve', () => {
  it('refuses a bad --port and a missing --db with the usage', async () => {
    const io = captureIo();
    expect(await main(['serve', '--db', 'x.db', '--port', '99999'], io)).toBe(2);
    expect(io.text()).toMatch(/--port must be a number from 1 to 65535/);
    const io2 = captureIo();
    expect(await main(['serve'], io2)).toBe(2);
    expect(io2.text()).toMatch(/--db is required/);
  });

  it('says how to build the UI when it is missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dstudio-serve-'));
    await expect(
      serve(
        { contentDb: join(dir, 'c.db'), userDb: join(dir, 'u.db'), port: 0, uiRoot: join(dir, 'no-ui') },
        Promise.resolve(),
        () => {},
      ),
    ).rejects.toThrow(/npx electron-vite build/);
  });

  it('serves the API over real services until told to stop, then closes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dstudio-serve-'));
    mkdirSync(join(dir, 'ui'));
    writeFileSync(join(dir, 'ui', 'index.html'), '<!doctype html><title>t</title>');
    let stop!: () => void;
    const stopped = new Promise<void>((r) => (stop = r));
    let origin = '';
    let token = '';
    const running = serve(
      { contentDb: join(dir, 'c.db'), userDb: join(dir, 'u.db'), port: 0, uiRoot: join(dir, 'ui') },
      stopped,
      (s) => {
        origin = s.origin;
        token = s.token;
      },
    );
    await expect.poll(() => origin).not.toBe('');
    const res = await fetch(`${origin}/api/content/getStatus`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dstudio-token': token },
      body: '[]',
    });
    expect(await res.json()).toMatchObject({ ok: true, value: { pages: 0 } });
    stop();
    await running;
    await expect(fetch(`${origin}/`)).rejects.toThrow();
  });
});
