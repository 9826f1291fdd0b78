import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { uiResponseHeaders } from '../../../src/main/electron/csp';
import { UI_CSP } from '../../../src/main/server/csp';

function directives(policy: string): Map<string, string> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.split(/\s+/)[0]!, d.split(/\s+/).slice(1).join(' ')]),
  );
}

describe('uiResponseHeaders (app://)', () => {
  const headers = uiResponseHeaders('text/html; charset=utf-8');
  const csp = directives(headers['content-security-policy']!);

  it('sends a strict policy: nothing by default, scripts only from the app, no plugins, no base or form targets, no framing', () => {
    expect(csp.get('default-src')).toBe("'none'");
    expect(csp.get('script-src')).toBe("'self'");
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'none'");
    expect(csp.get('form-action')).toBe("'none'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(csp.get('connect-src')).toBe("'self'");
    expect([...csp.values()].join(' ')).not.toMatch(/unsafe-eval|\*|https?:|blob:/);
    expect(csp.get('script-src')).not.toMatch(/unsafe-inline/);
  });

  it('sends the content type it was given and forbids sniffing', () => {
    expect(headers['content-type']).toBe('text/html; charset=utf-8');
    expect(headers['x-content-type-options']).toBe('nosniff');
  });

  it('matches the meta tag of the UI (same directives, minus frame-ancestors which a meta tag cannot carry)', () => {
    const html = readFileSync(resolve(import.meta.dirname, '../../../src/renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(UI_CSP);
    const fromMeta = directives(meta!);
    for (const [name, value] of csp) if (name !== 'frame-ancestors') expect(fromMeta.get(name)).toBe(value);
  });
});
