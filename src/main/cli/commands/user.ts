import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { writeFileAtomic } from '../../files/atomic-write';
import { openUserDb } from '../../database/connection';
import { recoverUserDb, userBackupDir } from '../../database/health';
import { UserDataError } from '../../user/user-data-backup';
import { exportUserDataDocument, importUserDataText } from '../../user/user-data-transfer';
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
        const { text } = exportUserDataDocument(db);
        if (typeof values.out === 'string') {
          await writeFileAtomic(resolve(values.out), text, { overwrite: true });
          io.err(`Wrote ${values.out}`);
        } else io.out(text);
        return 0;
      }
      let text: string;
      try {
        text = readFileSync(resolve(file!), 'utf8');
      } catch (e) {
        throw new UserDataError(`${file} is not readable (${(e as Error).message}).`);
      }
      const done = await importUserDataText(
        db,
        userBackupDir(userDbFile),
        text,
        values.replace ? 'replace' : 'merge',
      );
      io.err(`Backed up your current data to ${done.backupFile}`);
      io.out(
        Object.entries(done.counts)
          .map(([t, n]) => `${t}: ${n}`)
          .join('\n'),
      );
      return 0;
    } finally {
      db.close();
    }
  },
};
