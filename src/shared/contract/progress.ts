import type { ArgSchemasOf } from './arg-schemas';

/** Checklist runs and item progress (issue 13): the user's own data in user.db. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by its feature
export interface ProgressApi {}

/** Run-time method names of ProgressApi (checked complete in index.ts). */
export const PROGRESS_METHODS = [] as const satisfies readonly (keyof ProgressApi & string)[];

/** Argument schemas of ProgressApi. */
export const PROGRESS_ARGS: ArgSchemasOf<ProgressApi> = {};
