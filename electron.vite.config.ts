import { resolve } from 'node:path';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import vue from '@vitejs/plugin-vue';

/** Main, preload and renderer builds. The renderer's output (out/renderer) is also what `dstudio serve` serves. */
export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    // The import's parse worker is its own entry: worker threads load it by file name next to index.js.
    build: { rollupOptions: { input: { index: resolve('src/main/index.ts'), 'parse-worker': resolve('src/main/corpus/parse-worker.ts') } } },
  },
  preload: {
    // The preload runs sandboxed: it must be a single bundled file (no runtime require of packages).
    build: { rollupOptions: { input: { index: resolve('src/preload/index.ts') }, output: { format: 'cjs' } } },
  },
  renderer: {
    root: resolve('src/renderer'),
    build: { rollupOptions: { input: { index: resolve('src/renderer/index.html') } } },
    resolve: { alias: { '@shared': resolve('src/shared') } },
    plugins: [vue()],
  },
});
