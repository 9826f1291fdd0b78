import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { fencesPlugin } from '../../../src/main/render/fences';

const md = new MarkdownIt().use(fencesPlugin);
const render = (src: string) => md.render(src);

describe('fencesPlugin', () => {
  it('turns a mermaid fence into a placeholder carrying the source as escaped text', () => {
    expect(render('```mermaid\ngraph TD\n  A --> B\n```')).toBe(
      '<div class="mermaid-diagram"><pre class="mermaid-source">graph TD\n  A --&gt; B\n</pre></div>\n',
    );
    expect(render('``` MERMAID\nx\n```')).toContain('class="mermaid-diagram"');
  });

  it('escapes code and tags it with its language, lower-cased, ignoring attributes after it', () => {
    expect(render('```Python {.x linenums="1"}\nprint("<b>")\n```')).toBe(
      '<pre class="code-block" data-lang="python"><code class="language-python">print(&quot;&lt;b&gt;&quot;)\n</code></pre>\n',
    );
    expect(render('```c++\nx\n```')).toContain('<code class="language-c++">');
  });

  it('keeps only safe characters of a language name, so it cannot break out of the attribute', () => {
    const html = render('```weird"lang<x>\nx\n```');
    expect(html).toContain('data-lang="weirdlangx"');
    expect(html).not.toMatch(/lang"[^ >]|<x>/);
  });

  it('emits fences without a language and indented code as plain code blocks', () => {
    expect(render('```\nplain\n```')).toBe('<pre class="code-block"><code>plain\n</code></pre>\n');
    expect(render('    indented <code>')).toBe(
      '<pre class="code-block"><code>indented &lt;code&gt;\n</code></pre>\n',
    );
  });
});
