/// <reference types="node" />
import { describe, expect, it } from 'vitest';
import { useContentBrowser } from './use-content-browser';

/** sanitizeSvg (the last step for a mermaid diagram), in Chromium. */
describe('sanitizeSvg in Chromium', () => {
  const b = useContentBrowser();
  const clean = (svg: string) =>
    b.page.evaluate<string>(`window.__probe.sanitizeSvg(${JSON.stringify(svg)})`);

  it("keeps a diagram's geometry and its references to itself", async () => {
    const out = await clean(
      '<svg viewBox="-8 -10 692.5 542" width="100%" style="max-width: 692px;"><defs><marker id="arrow"><path d="M0 0L10 5L0 10z"></path></marker></defs>' +
        '<rect x="411" y="456" width="150" height="65" rx="3" fill="#eaeaea"></rect><path d="M1 1L9 9" marker-end="url(#arrow)"></path>' +
        '<text x="4" y="5" dominant-baseline="central">Node</text><style>.node { fill: #fff; }</style></svg>',
    );
    for (const kept of [
      'viewBox="-8 -10 692.5 542"',
      'width="100%"',
      'x="411" y="456" width="150" height="65" rx="3"',
      'marker-end="url(#arrow)"',
      '<text x="4" y="5"',
      '.node { fill: #fff; }',
    ]) {
      expect(out).toContain(kept);
    }
  });

  it('removes scripts, handlers, links, foreign HTML and anything that points outside the diagram', async () => {
    const out = await clean(
      '<svg><script>alert(1)</script><rect onclick="alert(2)" x="javascript:alert(3)" fill="url(https://example.org/p.svg#g)" style="background:url(//example.org/x.png)"></rect>' +
        '<use href="https://example.org/x.svg#a"></use><use xlink:href="javascript:alert(4)"></use><image href="data:image/svg+xml,&lt;svg onload=alert(5)&gt;"></image>' +
        '<a href="javascript:alert(6)"><text>t</text></a><foreignObject><div onmouseover="alert(7)">h</div></foreignObject>' +
        '<style>.x { background: url("https://example.org/track.png"); fill: url(#ok) }</style></svg>',
    );
    expect(out).not.toMatch(
      /script|onclick|onmouseover|javascript|example\.org|data:|foreignobject|<a[\s>]/i,
    );
    expect(out).toContain('fill: url(#ok)');
    expect(out).toContain('<text>t</text>');
  });
});
