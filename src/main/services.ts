import type { Database } from 'better-sqlite3';
import type { DStudioApi } from '../shared/contract';
import { ContentService } from './content/content-service';
import { openContentDb, openUserDb } from './database/connection';
import { backupUserDbDaily, recoverUserDb, userBackupDir } from './database/health';
import { EvolutionService } from './evolution/evolution-service';
import { FilesService, type ChooseSavePath } from './files/files-service';
import { ProgressService } from './progress/progress-service';
import { PageLinksRepository } from './reports/page-links-repository';
import { ProgressRunSource } from './reports/migration-runs';
import { ReportsService } from './reports/reports-service';
import { SearchService } from './search/search-service';
import { SwitcherService } from './search/switcher-service';
import { SyncService, type SyncServiceOptions } from './sync/sync-service';
import { UserService } from './user/user-service';
import type { DataRecovery } from '../shared/contract/progress';

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
  /** Set when a damaged user.db was moved aside and a backup restored at open (tell the user). */
  recovery: DataRecovery | null;
  /** The day's automatic backup of user.db taken at open (resolves to its file, or null when not due or failed). */
  backup: Promise<string | null>;
  /** Warms search up (see SearchService.warmUp): call it once at idle time after start-up. */
  warmUp(): void;
  close(): void;
}

/**
 * Opens both databases and builds every service behind the contract. Used by the
 * Electron composition root, the HTTP transport (`dstudio serve`) and the CLI alike.
 */
export function openServices(paths: ServicePaths, host: ServiceHost = {}): Services {
  const backups = userBackupDir(paths.userDb);
  const recovery = recoverUserDb(paths.userDb, backups);
  const contentDb = openContentDb(paths.contentDb);
  let userDb: Database;
  try {
    userDb = openUserDb(paths.userDb);
  } catch (e) {
    contentDb.close();
    throw e;
  }
  // A failed automatic backup must not stop the app; the next open tries again.
  const backup = backupUserDbDaily(userDb, backups).catch(() => null);
  const user = new UserService(userDb, undefined, backups);
  const search = new SearchService(contentDb);
  const switcher = new SwitcherService(contentDb, { recentPageIds: () => user.recentPageIds() });
  const content = new ContentService(contentDb);
  const progress = new ProgressService(userDb, contentDb, undefined, recovery);
  const evolution = new EvolutionService(contentDb);
  const api: DStudioApi = {
    content,
    search: {
      search: (query) => search.search(query),
      quickSwitch: (text, limit) => switcher.quickSwitch(text, limit),
      quickSwitchData: () => switcher.quickSwitchData(),
    },
    user,
    progress,
    evolution,
    reports: new ReportsService(userDb, {
      pages: () => content.listPages(),
      runs: new ProgressRunSource(progress, evolution, new PageLinksRepository(contentDb)),
    }),
    sync: new SyncService(contentDb, {
      cacheDir: `${paths.contentDb}.sync-cache`,
      userDbPath: paths.userDb,
      ...host.sync,
    }),
    files: new FilesService(host.chooseSavePath),
  };
  return {
    api,
    contentDb,
    userDb,
    recovery,
    backup,
    warmUp: () => void search.warmUp(),
    close() {
      contentDb.close();
      userDb.close();
    },
  };
}
