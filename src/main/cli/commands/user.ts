import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeFileAtomic } from '../../files/atomic-write';
import { openUserDb } from '../../database/connection';
import { backupUserDb, recoverUserDb, userBackupDir } from '../../database/health';
import { exportUserData, importUserData, parseUserData, UserDataError } from '../../user/user-data-backup';
import { requireString, UsageError, type Command } from '../command';

export const userCommand: Command = {
  name: 'user',
  summary:
    'Export all user data (bookmarks, history, reading state, settings, runs) to one JSON file, or import one.',
  usage:
    'dstudio user export --user-db FILE [--out FILE] | dstudio user import --user-db FILE [--replace] BACKUP.json',
  options: { 'user-db': { type: 'string' }, out: { type: 'string' }, replace: { type: 'boolean' } },
  async run(values, positionals, io) {
    const [action, file] = positionals;
    if (action !== 'export' && action !== 'import') throw new UsageError('say "export" or "import"');
    if (action === 'import' && !file) throw new UsageError('name the backup file to import');
    const userDbFile = resolve(requireString(values, 'user-db'));
    const recovery = recoverUserDb(userDbFile, userBackupDir(userDbFile));
    if (recovery) io.err(recovery.message);
    const db = openUserDb(userDbFile);
    try {
      if (action === 'export') {
        const text = JSON.stringify(exportUserData(db), null, 2) + '\n';
        if (typeof values.out === 'string') {
          await writeFileAtomic(resolve(values.out), text, { overwrite: true });
          io.err(`Wrote ${values.out}`);
        } else io.out(text);
        return 0;
      }
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(resolve(file!), 'utf8'));
      } catch (e) {
        throw new UserDataError(`${file} is not readable JSON (${(e as Error).message}).`);
      }
      const data = parseUserData(raw);
      // Always, not daily: an import can overwrite what the user has, so the state before it is kept.
      const backup = await backupUserDb(db, userBackupDir(userDbFile));
      io.err(`Backed up your current data to ${join(userBackupDir(userDbFile), backup)}`);
      const counts = importUserData(db, data, values.replace ? 'replace' : 'merge');
      io.out(
        Object.entries(counts)
          .map(([t, n]) => `${t}: ${n}`)
          .join('\n'),
      );
      return 0;
    } finally {
      db.close();
    }
  },
};
