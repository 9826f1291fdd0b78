import type { ArgSchemasOf } from './arg-schemas';

/** Content updates from the GitHub repository (issue 16). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by its feature
export interface SyncApi {}

/** Run-time method names of SyncApi (checked complete in index.ts). */
export const SYNC_METHODS = [] as const satisfies readonly (keyof SyncApi & string)[];

/** Argument schemas of SyncApi. */
export const SYNC_ARGS: ArgSchemasOf<SyncApi> = {};
