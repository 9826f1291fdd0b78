/// <reference types="node" />
import { describe, expect, it } from 'vitest';
import { renderPage } from '../../../src/main/render/render-page';
import { useContentBrowser } from './use-content-browser';

/** One small block per language the corpus names outside highlight.js's common set. */
const BLOCKS: Record<string, string> = {
  scala: 'object Main { def f(x: Int): Int = x + 1 }',
  http: 'GET /api/v1/items HTTP/1.1\nHost: example.com',
  nginx: 'server {\n  listen 80;\n  location / { proxy_pass http://app; }\n}',
  protobuf: 'message Item {\n  string id = 1;\n}',
  dockerfile: 'FROM node:20\nRUN npm ci',
  elixir: 'defmodule M do\n  def f(x), do: x\nend',
  erlang: '-module(m).\nf(X) -> X.',
  hcl: 'resource "aws_instance" "web" {\n  # size\n  count = 2\n}',
  terraform: 'module "vault" {\n  source = "./vault"\n}',
  promql: 'sum(rate(http_requests_total{job="api"}[5m])) by (instance)',
  prometheus: '# HELP cpu usage\ncpu_usage{host="a"} 75.5',
  cql: 'SELECT * FROM users WHERE id = 1;',
};

describe('syntax highlighting for every language the corpus uses (Chromium)', () => {
  const b = useContentBrowser();

  it('highlights each block, loading the extra grammars only when a block needs them', async () => {
    const md = Object.entries(BLOCKS)
      .map(([lang, code]) => '```' + lang + '\n' + code + '\n```')
      .join('\n\n');
    await b.page.evaluate(
      `window.__probe.mountOnly(${JSON.stringify(renderPage(md, { pageId: 'hl' }).html)})`,
    );
    await b.page.waitForFunction(
      () => document.querySelectorAll('pre.code-block > code.hljs').length === 12,
      undefined,
      { timeout: 30_000 },
    );
    const tokens = await b.page.evaluate(() =>
      Object.fromEntries(
        Array.from(document.querySelectorAll<HTMLElement>('pre.code-block')).map((pre) => [
          pre.dataset.lang,
          pre.querySelectorAll('span[class^="hljs-"]').length,
        ]),
      ),
    );
    for (const lang of Object.keys(BLOCKS)) expect(tokens[lang], lang).toBeGreaterThan(0);
    expect(b.requests.some((u) => /scala/.test(u))).toBe(true);
  });
});
