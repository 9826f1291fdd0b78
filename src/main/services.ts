import type { Database } from 'better-sqlite3';
import type { DStudioApi } from '../shared/contract';
import { ContentService } from './content/content-service';
import { openContentDb, openUserDb } from './database/connection';
import { FilesService, type ChooseSavePath } from './files/files-service';
import { SearchService } from './search/search-service';
import { SyncService, type SyncServiceOptions } from './sync/sync-service';
import { UserService } from './user/user-service';

export interface ServicePaths {
  contentDb: string;
  userDb: string;
}

/** What only the hosting process can provide (Electron's dialogs); absent over HTTP and in the CLI. */
export interface ServiceHost {
  chooseSavePath?: ChooseSavePath;
  /** Where content updates come from and where the token is kept (default: GitHub, token in memory). */
  sync?: Partial<SyncServiceOptions>;
}

export interface Services {
  api: DStudioApi;
  contentDb: Database;
  userDb: Database;
  close(): void;
}

/**
 * Opens both databases and builds every service behind the contract. Used by the
 * Electron composition root, the HTTP transport (`dstudio serve`) and the CLI alike.
 */
export function openServices(paths: ServicePaths, host: ServiceHost = {}): Services {
  const contentDb = openContentDb(paths.contentDb);
  let userDb: Database;
  try {
    userDb = openUserDb(paths.userDb);
  } catch (e) {
    contentDb.close();
    throw e;
  }
  const user = new UserService(userDb);
  const api: DStudioApi = {
    content: new ContentService(contentDb),
    search: new SearchService(contentDb, { recentPageIds: () => user.recentPageIds() }),
    user,
    progress: {},
    evolution: {},
    reports: {},
    sync: new SyncService(contentDb, { cacheDir: `${paths.contentDb}.sync-cache`, ...host.sync }),
    files: new FilesService(host.chooseSavePath),
  };
  return {
    api,
    contentDb,
    userDb,
    close() {
      contentDb.close();
      userDb.close();
    },
  };
}
