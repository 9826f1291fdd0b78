// Development/test entry of the parse worker: loads the TypeScript worker through tsx.
// The built app uses the bundled parse-worker.js instead (see parse-pool.ts).
import { tsImport } from 'tsx/esm/api';

await tsImport('./parse-worker.ts', import.meta.url);
