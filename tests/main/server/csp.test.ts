import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UI_CSP, UI_SECURITY_HEADERS } from '../../../src/main/server/csp';

function directives(policy: string): Map<string, string> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.split(/\s+/)[0]!, d.split(/\s+/).slice(1).join(' ')]),
  );
}

describe('the security headers of the UI', () => {
  const csp = directives(UI_SECURITY_HEADERS['content-security-policy']!);

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

  it('forbids sniffing, referrers, framing and cross-origin use', () => {
    expect(UI_SECURITY_HEADERS).toMatchObject({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
    });
  });

  it('matches the meta tag of the UI (same directives, minus frame-ancestors which a meta tag cannot carry)', () => {
    const html = readFileSync(resolve(import.meta.dirname, '../../../src/renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(UI_CSP);
    const fromMeta = directives(meta!);
    for (const [name, value] of csp) if (name !== 'frame-ancestors') expect(fromMeta.get(name)).toBe(value);
  });
});
