import { resolve } from 'node:path';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import vue from '@vitejs/plugin-vue';

/** Main, preload and renderer builds. The renderer's output (out/renderer) is also what `dstudio serve` serves. */
export default defineConfig({
  main: {
    // zod is bundled: loaded from its hundred-odd files in node_modules it costs ~100 ms of every CLI start.
    plugins: [externalizeDepsPlugin({ exclude: ['zod'] })],
    // The import's parse worker and the updater's sync worker are their own entries: worker threads load it by file name next to index.js.
    // `cli` is the `dstudio` command, built so bin/dstudio.mjs can skip compiling TypeScript at start.
    // Shared chunks sit beside the entries (not in chunks/), so `new URL('./parse-worker.js', import.meta.url)`
    // finds the worker from whichever file parse-pool lands in.
    build: {
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          'parse-worker': resolve('src/main/corpus/parse-worker.ts'),
          'sync-worker': resolve('src/main/sync/sync-worker.ts'),
          cli: resolve('src/main/cli/main.ts'),
        },
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    // The preload runs sandboxed: it must be a single bundled file (no runtime require of packages).
    // zod is bundled should any schema survive tree-shaking: a sandboxed preload can require only electron.
    build: {
      externalizeDeps: { exclude: ['zod'] },
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs' },
        // The contract files also hold zod argument schemas, which only main uses: building a
        // schema has no side effects, so the preload (which may require nothing) drops them.
        treeshake: { manualPureFunctions: ['z'], moduleSideEffects: (id) => id !== 'zod' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    // electron-vite leaves the renderer unminified by default; minified, the first-paint script parses in half the time.
    build: { minify: 'esbuild', rollupOptions: { input: { index: resolve('src/renderer/index.html') } } },
    resolve: { alias: { '@shared': resolve('src/shared') } },
    // Every component uses <script setup>: without the Options API and devtools hooks Vue is smaller and starts faster.
    define: {
      __VUE_OPTIONS_API__: 'false',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    plugins: [vue()],
  },
});
