import type { ContentApi } from './content';
import { EVOLUTION_METHODS, type EvolutionApi } from './evolution';
import { FILES_METHODS, type FilesApi } from './files';
import { PROGRESS_METHODS, type ProgressApi } from './progress';
import { REPORTS_METHODS, type ReportsApi } from './reports';
import type { SearchApi } from './search';
import { SYNC_METHODS, type SyncApi } from './sync';
import type { UserApi } from './user';

export type * from './content';
export type * from './evolution';
export type * from './files';
export type * from './progress';
export type * from './reports';
export type * from './search';
export type * from './sync';
export type * from './user';

/**
 * The one API contract. The preload bridge, the IPC registration, the HTTP transport
 * and the renderer's api module are all derived from it.
 */
export interface DStudioApi {
  content: ContentApi;
  search: SearchApi;
  user: UserApi;
  progress: ProgressApi;
  evolution: EvolutionApi;
  reports: ReportsApi;
  sync: SyncApi;
  files: FilesApi;
}

export type Domain = keyof DStudioApi;
export type MethodOf<D extends Domain> = keyof DStudioApi[D] & string;

/** Run-time list of methods; the `satisfies` + `Exhaustive` check makes a missing one a compile error. */
export const API_METHODS = {
  content: ['getStatus', 'listPages', 'getPages', 'getNav', 'resolveId'],
  search: ['search', 'quickSwitch', 'quickSwitchData'],
  user: [
    'listBookmarks',
    'addBookmark',
    'removeBookmark',
    'recordVisit',
    'listHistory',
    'getReadingState',
    'listReadPageIds',
    'saveReadingState',
    'getSettings',
    'setSetting',
    'exportAllData',
    'importAllData',
  ],
  // Each feature domain lists its methods beside its interface.
  progress: PROGRESS_METHODS,
  evolution: EVOLUTION_METHODS,
  reports: REPORTS_METHODS,
  sync: SYNC_METHODS,
  files: FILES_METHODS,
} as const satisfies { [D in Domain]: readonly MethodOf<D>[] };

type Exhaustive<T extends { [D in Domain]: readonly string[] }> = {
  [D in Domain]: Exclude<MethodOf<D>, T[D][number]> extends never ? true : Exclude<MethodOf<D>, T[D][number]>;
};
/** Compile-time proof that API_METHODS lists every method of the contract. */
export const API_METHODS_COMPLETE: Exhaustive<typeof API_METHODS> = {
  content: true,
  search: true,
  user: true,
  progress: true,
  evolution: true,
  reports: true,
  sync: true,
  files: true,
};

/** The channel name of a method: derived, never typed by hand. */
export function channelOf(domain: Domain, method: string): string {
  return `${domain}:${method}`;
}

export { API_ERROR_CODES, ApiError, type ApiErrorData } from './wire';
