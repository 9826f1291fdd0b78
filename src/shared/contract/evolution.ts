import type { ArgSchemasOf } from './arg-schemas';

/** Timelines and lineage of patterns (issue 14), read from content.db. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by its feature
export interface EvolutionApi {}

/** Run-time method names of EvolutionApi (checked complete in index.ts). */
export const EVOLUTION_METHODS = [] as const satisfies readonly (keyof EvolutionApi & string)[];

/** Argument schemas of EvolutionApi. */
export const EVOLUTION_ARGS: ArgSchemasOf<EvolutionApi> = {};
