import { describe, expect, it } from 'vitest';
import { deepLinkInArgs, parseDeepLink } from '../../../src/main/electron/deep-link';

describe('parseDeepLink', () => {
  it('opens a page, with or without a section', () => {
    expect(parseDeepLink('dstudio://page/pattern-library/resilience/circuit-breaker')).toEqual({
      kind: 'open-page',
      pageId: 'pattern-library/resilience/circuit-breaker',
      anchor: null,
    });
    expect(parseDeepLink('dstudio://page/pattern-library/resilience/circuit-breaker/#how-it-works')).toEqual({
      kind: 'open-page',
      pageId: 'pattern-library/resilience/circuit-breaker',
      anchor: 'how-it-works',
    });
    expect(parseDeepLink('DSTUDIO://page/caf%C3%A9')).toMatchObject({ pageId: 'café' });
  });

  it.each([
    'dstudio://page/',
    'dstudio://page/../../etc/passwd',
    'dstudio://page/a/%2e%2e/b',
    'dstudio://page/a%2Fb',
    'dstudio://page/a%5Cb',
    'dstudio://page/a%00b',
    'dstudio://page/a?x=1',
    'dstudio://page/a#<script>',
    'dstudio://page/a#%E0%A4%A',
    'dstudio://user:pw@page/a',
    'dstudio://settings/a',
    'https://page/a',
    'javascript:alert(1)',
    'not a url',
    `dstudio://page/${'a'.repeat(3000)}`,
  ])('refuses %s', (link) => {
    expect(parseDeepLink(link)).toBeNull();
  });
});

describe('deepLinkInArgs', () => {
  it('finds the link a launch was given (Linux, Windows), whatever comes before it', () => {
    expect(deepLinkInArgs(['/opt/dstudio', '--no-sandbox', 'dstudio://page/a'])).toBe('dstudio://page/a');
    expect(deepLinkInArgs(['/opt/dstudio', '.'])).toBeNull();
  });
});
