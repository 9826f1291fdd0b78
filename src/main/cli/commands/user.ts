import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openUserDb } from '../../database/connection';
import { writeFileAtomic } from '../../files/atomic-write';
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
    const db = openUserDb(resolve(requireString(values, 'user-db')));
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
      const counts = importUserData(db, parseUserData(raw), values.replace ? 'replace' : 'merge');
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
