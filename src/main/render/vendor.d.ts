/** Minimal typings for packages that ship none. */
declare module 'markdown-it-deflist' {
  import type MarkdownIt from 'markdown-it';
  const plugin: MarkdownIt.PluginSimple;
  export default plugin;
}
declare module 'markdown-it-abbr' {
  import type MarkdownIt from 'markdown-it';
  const plugin: MarkdownIt.PluginSimple;
  export default plugin;
}
declare module '@primer/octicons' {
  interface Octicon {
    name: string;
    heights: Record<string, { width: number; path: string }>;
  }
  const octicons: Record<string, Octicon>;
  export default octicons;
}
