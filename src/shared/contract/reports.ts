import type { ArgSchemasOf } from './arg-schemas';

/** Contribution templates and report drafts (issue 15): drafts live in user.db. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by its feature
export interface ReportsApi {}

/** Run-time method names of ReportsApi (checked complete in index.ts). */
export const REPORTS_METHODS = [] as const satisfies readonly (keyof ReportsApi & string)[];

/** Argument schemas of ReportsApi. */
export const REPORTS_ARGS: ArgSchemasOf<ReportsApi> = {};
