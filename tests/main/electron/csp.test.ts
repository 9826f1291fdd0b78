import { describe, expect, it } from 'vitest';
import { uiResponseHeaders } from '../../../src/main/electron/csp';
import { UI_SECURITY_HEADERS } from '../../../src/main/server/csp';

describe('uiResponseHeaders (app://)', () => {
  it('sends the security headers of `dstudio serve` with the content type it was given', () => {
    const headers = uiResponseHeaders('text/html; charset=utf-8');
    expect(headers).toMatchObject({ ...UI_SECURITY_HEADERS, 'content-type': 'text/html; charset=utf-8' });
    expect(headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
  });
});
