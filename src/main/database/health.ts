import BetterSqlite3 from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { DataRecovery } from '../../shared/contract/progress';
import { currentNativeBinding } from './connection';

/** The user's database is damaged and could not be restored; nothing was replaced. */
export class UserDbDamagedError extends Error {
  constructor(readonly movedTo: string) {
    super(
      `Your DStudio data (user.db) is damaged and there is no backup to restore. ` +
        `The damaged file was kept at ${movedTo}; DStudio will not replace it with an empty one. ` +
        'Restore it from your own backup, or delete it to start with empty bookmarks and progress.',
    );
    this.name = 'UserDbDamagedError';
  }
}

function stamp(at = new Date()): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

/**
 * `quick_check` (or the slower, complete `integrity_check`, used for the small user.db)
 * on a database file; false when it cannot even be opened as SQLite.
 */
export function isHealthy(
  file: string,
  nativeBinding = currentNativeBinding(),
  check: 'quick_check' | 'integrity_check' = 'quick_check',
): boolean {
  try {
    const db = new BetterSqlite3(file, { fileMustExist: true, nativeBinding });
    try {
      return db.pragma(check, { simple: true }) === 'ok';
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}

/** Moves a database and its WAL/SHM files aside; returns the new path of the main file. */
function moveAside(file: string): string {
  const target = `${file}.damaged-${stamp()}`;
  for (const suffix of ['', '-wal', '-shm'])
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  return target;
}

/**
 * Start-up check of content.db. It is derived data: a damaged one is moved aside (kept
 * for diagnosis) so the caller rebuilds it by importing again. Returns where it went, or null.
 */
export function recoverContentDb(file: string, nativeBinding?: string): string | null {
  if (!existsSync(file) || isHealthy(file, nativeBinding)) return null;
  return moveAside(file);
}

/** The backups/ folder next to user.db. */
export function userBackupDir(userDbFile: string): string {
  return join(dirname(userDbFile), 'backups');
}

const BACKUP_NAME = /^user-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z\.db$/;

/** When a backup file was taken, from its name. */
export function backupTakenAt(file: string): Date {
  const m = BACKUP_NAME.exec(basename(file));
  if (!m) throw new Error(`${file} is not named like a user.db backup.`);
  const [, y, mo, d, h, mi, s] = m;
  return new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
}

/** Verified backups of user.db, newest first. */
export function listUserBackups(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => BACKUP_NAME.test(f))
    .sort()
    .reverse()
    .map((f) => join(dir, f));
}

/**
 * Start-up check of user.db. A damaged one (not SQLite, or `integrity_check` not ok) is
 * moved aside and the newest backup that passes `integrity_check` takes its place. With no
 * usable backup it throws UserDbDamagedError: the user's data is never silently replaced
 * by an empty database. Returns what was restored (to tell the user), or null when nothing had to be done.
 */
export function recoverUserDb(file: string, backupDir: string, nativeBinding?: string): DataRecovery | null {
  if (!existsSync(file) || isHealthy(file, nativeBinding, 'integrity_check')) return null;
  const movedTo = moveAside(file);
  for (const backup of listUserBackups(backupDir)) {
    if (!isHealthy(backup, nativeBinding, 'integrity_check')) continue;
    copyFileSync(backup, file);
    const takenAt = backupTakenAt(backup).toISOString();
    return {
      damagedPath: movedTo,
      restoredFrom: backup,
      backupTakenAt: takenAt,
      message: `Your data was restored from the automatic backup of ${takenAt.slice(0, 16).replace('T', ' ')} UTC; the damaged file is kept at ${movedTo}.`,
    };
  }
  throw new UserDbDamagedError(movedTo);
}

/**
 * Takes a backup of user.db with SQLite's online backup API, verifies it with
 * `quick_check`, and keeps the `keep` newest. The copy is written under a temporary
 * name and renamed only once verified, so a crash never leaves a half backup that looks whole.
 * `now` names the backup (to the second); tests pass their own clock.
 */
export async function backupUserDb(
  db: BetterSqlite3.Database,
  backupDir: string,
  keep = 5,
  now: () => Date = () => new Date(),
): Promise<string> {
  mkdirSync(backupDir, { recursive: true });
  const final = join(backupDir, `user-${stamp(now())}.db`);
  const tmp = `${final}.partial`;
  await db.backup(tmp);
  if (!isHealthy(tmp)) {
    rmSync(tmp, { force: true });
    throw new Error(
      `The backup of user.db failed its integrity check; the previous backups in ${backupDir} were kept.`,
    );
  }
  renameSync(tmp, final);
  for (const old of listUserBackups(backupDir).slice(keep)) rmSync(old, { force: true });
  return basename(final);
}

/**
 * The automatic backup taken at open: at most one a day, so the kept backups reach back
 * several days. Resolves to the new backup's name, or null when the newest is less than a day old.
 */
export async function backupUserDbDaily(
  db: BetterSqlite3.Database,
  backupDir: string,
  now: () => Date = () => new Date(),
): Promise<string | null> {
  const newest = listUserBackups(backupDir)[0];
  if (newest && now().getTime() - backupTakenAt(newest).getTime() < 24 * 60 * 60 * 1000) return null;
  return backupUserDb(db, backupDir, undefined, now);
}
