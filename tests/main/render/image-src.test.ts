import { describe, expect, it } from 'vitest';
import { renderPage } from '../../../src/main/render/render-page';

const html = (src: string) => renderPage(src, { pageId: 'core-principles/laws/correlated-failure' }).html;

describe('image sources, Markdown and raw HTML through one resolver', () => {
  it('points a Markdown image and a raw <img> at the same stored copy', () => {
    const markdown = html('![Failure](../../assets/diagram.svg)');
    const raw = html('<div class="figure">\n  <img src="../../assets/diagram.svg" alt="Failure">\n</div>\n');
    expect(markdown).toContain('src="/corpus-image/assets/diagram.svg"');
    expect(raw).toContain('<img src="/corpus-image/assets/diagram.svg" alt="Failure">');
  });

  it('resolves absolute, single-quoted, unquoted and entity-encoded srcs, and inline <img> in a paragraph', () => {
    expect(html("<p><img src='/assets/a b.png'></p>\n")).toContain(
      '<img src="/corpus-image/assets/a%20b.png">',
    );
    expect(html('<p><img class="x" src=/assets/c.png></p>\n')).toContain(
      '<img class="x" src="/corpus-image/assets/c.png">',
    );
    expect(html('<p><img src="/assets/d&amp;e.png"></p>\n')).toContain(
      'src="/corpus-image/assets/d%26e.png"',
    );
    expect(html('Text <img src="pic.png" width="20"> inline')).toContain(
      '<img src="/corpus-image/core-principles/laws/pic.png" width="20">',
    );
  });

  it('leaves external, data: and out-of-docs srcs, and attributes merely ending in src, as written', () => {
    for (const tag of [
      '<img src="https://example.com/x.png">',
      '<img src="data:image/png;base64,AAAA">',
      '<img src="../../../../outside.png">',
      '<img data-src="/assets/lazy.png">',
    ])
      expect(html(`<p>${tag}</p>\n`)).toContain(tag);
  });

  it('keeps the rest of the tag for the sanitiser to judge (onerror is not the resolver’s job)', () => {
    expect(html('<p><img src="/assets/x.png" onerror="alert(1)"></p>\n')).toContain(
      '<img src="/corpus-image/assets/x.png" onerror="alert(1)">',
    );
  });

  it('resolves every srcset candidate of a raw <img> like its src, keeping descriptors and external ones', () => {
    expect(
      html('<p><img src="../../assets/d.png" srcset="../../assets/d.png 1x, /assets/d@2x.png 2x"></p>\n'),
    ).toContain(
      '<img src="/corpus-image/assets/d.png" srcset="/corpus-image/assets/d.png 1x, /corpus-image/assets/d%402x.png 2x">',
    );
    expect(html("<p><img srcset='/assets/s.png 480w,https://example.com/l.png 1024w'></p>\n")).toContain(
      '<img srcset="/corpus-image/assets/s.png 480w, https://example.com/l.png 1024w">',
    );
    // Unresolvable candidates stay as written (the sanitiser judges them); the value stays one attribute.
    expect(
      html('<p><img srcset="../../../../out.png 1x, https://example.com/q?a=1&amp;b=&quot;2 2x"></p>\n'),
    ).toContain('<img srcset="../../../../out.png 1x, https://example.com/q?a=1&amp;b=&quot;2 2x">');
  });
});
