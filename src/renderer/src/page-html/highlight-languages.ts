import type { HLJSApi, LanguageFn } from 'highlight.js';

/**
 * Languages the corpus's code blocks name beyond highlight.js's common set, each loaded with
 * its own dynamic import the first time a block in that language is highlighted.
 */
const EXTRA: Record<string, () => Promise<{ default: LanguageFn }>> = {
  scala: () => import('highlight.js/lib/languages/scala'),
  http: () => import('highlight.js/lib/languages/http'),
  nginx: () => import('highlight.js/lib/languages/nginx'),
  protobuf: () => import('highlight.js/lib/languages/protobuf'),
  dockerfile: () => import('highlight.js/lib/languages/dockerfile'),
  erlang: () => import('highlight.js/lib/languages/erlang'),
  elixir: () => import('highlight.js/lib/languages/elixir'),
  properties: () => import('highlight.js/lib/languages/properties'),
};

/** Names written in the corpus for a grammar known under another name. */
const ALIASES: Record<string, string> = {
  docker: 'dockerfile',
  proto: 'protobuf',
  cql: 'sql',
  solidity: 'javascript',
  redis: 'bash',
  terraform: 'hcl',
  tf: 'hcl',
  prometheus: 'promql',
};

/**
 * highlight.js has no grammar for HCL (Terraform) or PromQL / the Prometheus text format;
 * these small ones mark what a reader scans for: comments, strings, numbers, keywords, names.
 */
const OWN: Record<string, LanguageFn> = {
  hcl: (hljs) => ({
    name: 'HCL',
    keywords: {
      keyword: 'resource data module variable output provider locals terraform for in if dynamic content',
      literal: 'true false null',
    },
    contains: [
      hljs.HASH_COMMENT_MODE,
      hljs.C_LINE_COMMENT_MODE,
      hljs.C_BLOCK_COMMENT_MODE,
      hljs.QUOTE_STRING_MODE,
      hljs.NUMBER_MODE,
      { className: 'attr', begin: /\b[A-Za-z_][\w-]*(?=\s*=[^=])/ },
    ],
  }),
  promql: (hljs) => ({
    name: 'PromQL',
    keywords: {
      keyword: 'by without on ignoring group_left group_right offset bool and or unless',
      built_in:
        'sum min max avg count stddev stdvar topk bottomk quantile count_values rate irate increase delta idelta ' +
        'histogram_quantile abs ceil floor round clamp_max clamp_min absent predict_linear deriv time vector scalar ' +
        'avg_over_time max_over_time min_over_time sum_over_time count_over_time label_replace label_join sort sort_desc',
    },
    contains: [
      hljs.HASH_COMMENT_MODE,
      hljs.QUOTE_STRING_MODE,
      hljs.NUMBER_MODE,
      { className: 'attr', begin: /[A-Za-z_]\w*(?=\s*(?:=~|!~|!=|=)\s*")/ },
      { className: 'literal', begin: /\[\d+[smhdwy]\]/ },
    ],
  }),
};

/** Makes `lang` available in `lib` (loading it if needed); returns the name to highlight with, or null. */
export async function ensureLanguage(lib: HLJSApi, lang: string): Promise<string | null> {
  const name = ALIASES[lang] ?? lang;
  if (lib.getLanguage(name)) return name;
  const own = OWN[name];
  if (own) lib.registerLanguage(name, own);
  else if (EXTRA[name]) lib.registerLanguage(name, (await EXTRA[name]()).default);
  return lib.getLanguage(name) ? name : null;
}
