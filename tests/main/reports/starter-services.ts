import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importCorpus } from '../../../src/main/corpus/import-service';
import { openContentDb } from '../../../src/main/database/connection';
import { openServices, type Services } from '../../../src/main/services';
import { STARTER_CORPUS } from '../../helpers/corpus';

/** A temp folder with content.db imported from the project's own starter content. */
export async function starterContentDb(): Promise<{ dir: string; contentDb: string; cleanup(): void }> {
  const dir = mkdtempSync(join(tmpdir(), 'dstudio-reports-'));
  const contentDb = join(dir, 'content.db');
  const db = openContentDb(contentDb);
  try {
    await importCorpus(db, STARTER_CORPUS);
  } finally {
    db.close();
  }
  return { dir, contentDb, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Every service over real files: the starter content and a fresh user.db. */
export async function starterServices(): Promise<{ services: Services; dir: string; cleanup(): void }> {
  const { dir, contentDb, cleanup } = await starterContentDb();
  const services = openServices({ contentDb, userDb: join(dir, 'user.db') });
  return {
    services,
    dir,
    cleanup() {
      services.close();
      cleanup();
    },
  };
}
