// Development/test entry of the sync worker: loads the TypeScript worker through tsx.
// The built app uses the bundled sync-worker.js instead (see sync-service.ts).
import { tsImport } from 'tsx/esm/api';

await tsImport('./sync-worker.ts', import.meta.url);
