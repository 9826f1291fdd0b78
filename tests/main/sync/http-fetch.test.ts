import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  assertAllowedUrl,
  getWithRetries,
  rateLimitWaitMs,
  RateLimitError,
} from '../../../src/main/sync/http-fetch';
import { TEST_LIMITS } from './sync-helpers';

describe('rateLimitWaitMs', () => {
  const h = (o: Record<string, string>) => new Headers(o);
  it('reads retry-after, then a spent x-ratelimit-reset, as GitHub documents', () => {
    expect(rateLimitWaitMs(429, h({ 'retry-after': '7' }))).toBe(7000);
    expect(
      rateLimitWaitMs(403, h({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1010' }), 1_000_000),
    ).toBe(10_000);
    expect(
      rateLimitWaitMs(403, h({ 'x-ratelimit-remaining': '12', 'x-ratelimit-reset': '1010' }), 1_000_000),
    ).toBeNull();
    expect(rateLimitWaitMs(403, h({}))).toBeNull();
    expect(rateLimitWaitMs(500, h({ 'retry-after': '1' }))).toBeNull();
  });
});

describe('assertAllowedUrl', () => {
  it('allows HTTPS anywhere and plain HTTP only to this machine', () => {
    expect(() => assertAllowedUrl(new URL('https://api.github.com/x'))).not.toThrow();
    expect(() => assertAllowedUrl(new URL('http://127.0.0.1:9/x'))).not.toThrow();
    expect(() => assertAllowedUrl(new URL('http://api.github.com/x'))).toThrow(/HTTPS only/);
    expect(() => assertAllowedUrl(new URL('file:///etc/passwd'))).toThrow(/HTTPS only/);
  });
});

describe('getWithRetries against a loopback server', () => {
  async function serve(handler: Parameters<typeof createServer>[1]) {
    const server = createServer(handler);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
  }

  it('follows a limited number of redirects and drops the token on another origin', async () => {
    const seen: (string | undefined)[] = [];
    const other = await serve((req, res) => {
      seen.push(req.headers.authorization);
      res.end('ok');
    });
    const { server, url } = await serve((req, res) => {
      seen.push(req.headers.authorization);
      if (req.url === '/loop') res.writeHead(302, { location: '/loop' }).end();
      else res.writeHead(302, { location: `${other.url.replace('127.0.0.1', 'localhost')}/x` }).end();
    });
    const usage = { requests: 0, bytes: 0 };
    const opts = { headers: { Authorization: 'Bearer t' }, maxBytes: 100 };
    const res = await getWithRetries(`${url}/start`, opts, TEST_LIMITS, usage);
    expect(Buffer.from(res.body).toString()).toBe('ok');
    expect(seen).toEqual(['Bearer t', undefined]);
    await expect(getWithRetries(`${url}/loop`, opts, TEST_LIMITS, usage)).rejects.toThrow(
      /Too many redirects/,
    );
    server.close();
    other.server.close();
  });

  it('stops with the reset time when the limit resets later than it may wait', async () => {
    const { server, url } = await serve((_req, res) => {
      res
        .writeHead(403, {
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
        })
        .end();
    });
    const err = await getWithRetries(url, { headers: {}, maxBytes: 10 }, TEST_LIMITS, {
      requests: 0,
      bytes: 0,
    }).catch((e) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    expect((err as RateLimitError).waitMs).toBeGreaterThan(3_500_000);
    server.close();
  });
});
