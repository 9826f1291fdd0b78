import { resolve } from 'node:path';
import type { SyncProgress, SyncReport } from '../../../shared/contract/sync';
import { openContentDb, openUserDb } from '../../database/connection';
import { checklistRematch } from '../../progress/rematch-counts';
import { DEFAULT_SOURCE, parseRepo } from '../../sync/github-client';
import { UsageError, requireString, type CliIo, type Command } from '../command';

/** A one-line progress bar on stderr (a terminal only): files and bytes downloaded. */
function progressBar(io: CliIo) {
  let last = '';
  return (p: SyncProgress) => {
    const pct = p.bytesTotal ? Math.floor((p.bytesDone / p.bytesTotal) * 100) : p.phase === 'done' ? 100 : 0;
    const width = 30;
    const filled = Math.round((pct / 100) * width);
    const line =
      p.phase === 'downloading'
        ? `Downloading [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(pct).padStart(3)}% ` +
          `${p.filesDone}/${p.filesTotal} files, ${(p.bytesDone / 1024).toFixed(0)} KB`
        : `${p.phase[0]!.toUpperCase()}${p.phase.slice(1)}…`;
    if (line === last || !io.isTty) return;
    last = line;
    process.stderr.write(`\r\x1b[K${line}${p.phase === 'done' ? '\n' : ''}`);
  };
}

function summary(r: SyncReport): string {
  if (r.upToDate) return `Up to date (${r.to?.slice(0, 7) ?? 'no commit'}; ${r.requests} request).`;
  const lines = [
    `${r.kind === 'revert' ? 'Reverted' : 'Updated'} ${r.from?.slice(0, 7) ?? 'local content'} → ${r.to?.slice(0, 7) ?? 'local content'}: ` +
      `${r.added.length} added, ${r.changed.length} changed, ${r.removed.length} removed` +
      (r.kind === 'update'
        ? ` (${r.requests} requests, ${(r.bytesFetched / 1024).toFixed(0)} KB, ${r.durationMs} ms).`
        : '.'),
  ];
  for (const m of r.tierMoves) lines.push(`  tier ${m.id}: ${m.from ?? 'none'} → ${m.to ?? 'none'}`);
  for (const g of r.guides)
    lines.push(
      `  ${g.change} guide/checklist ${g.id} (${g.checklistItems} items` +
        (g.rematched === null ? ')' : `; your items: ${g.rematched} re-matched, ${g.orphaned} orphaned)`),
    );
  for (const x of r.rejected) lines.push(`  left out ${x.path}: ${x.reason}`);
  return lines.join('\n');
}

export const syncCommand: Command = {
  name: 'sync',
  summary:
    'Update a content database from the GitHub repository (only changed files, verified, all or nothing).',
  usage:
    'dstudio sync --db FILE [--user-db FILE] [--api-url URL] [--repo OWNER/NAME] [--ref REF] [--token-env VAR] [--allow-older] [--revert] [--json]',
  options: {
    db: { type: 'string' },
    'user-db': { type: 'string' },
    'api-url': { type: 'string' },
    repo: { type: 'string' },
    ref: { type: 'string' },
    'token-env': { type: 'string' },
    revert: { type: 'boolean' },
    'allow-older': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(values, _positionals, io) {
    const dbFile = resolve(requireString(values, 'db'));
    let repo = { owner: DEFAULT_SOURCE.owner, repo: DEFAULT_SOURCE.repo };
    try {
      if (typeof values.repo === 'string') repo = parseRepo(values.repo);
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    let token: string | undefined;
    if (typeof values['token-env'] === 'string') {
      // The token is read from the environment, never from the command line (visible in `ps`).
      token = process.env[values['token-env']];
      if (!token) throw new UsageError(`--token-env names ${values['token-env']}, which is not set.`);
    }
    const db = openContentDb(dbFile);
    // Read-only: sync never writes the user's data, it only counts what the update does to it.
    const userDb =
      typeof values['user-db'] === 'string'
        ? openUserDb(resolve(values['user-db']), { readonly: true })
        : null;
    const rematch = userDb ? checklistRematch(userDb, db) : undefined;
    const ctl = new AbortController();
    const onSigint = () => ctl.abort();
    process.once('SIGINT', onSigint);
    try {
      const { runRevert, runUpdate } = await import('../../sync/sync-engine');
      const report = values.revert
        ? await runRevert(db, { signal: ctl.signal, rematch })
        : await runUpdate(db, {
            source: {
              apiUrl: typeof values['api-url'] === 'string' ? values['api-url'] : DEFAULT_SOURCE.apiUrl,
              ...repo,
              ref: typeof values.ref === 'string' ? values.ref : DEFAULT_SOURCE.ref,
              token,
            },
            cacheDir: `${dbFile}.sync-cache`,
            signal: ctl.signal,
            allowOlder: values['allow-older'] === true,
            rematch,
            onProgress: values.json ? undefined : progressBar(io),
          });
      if (values.json) {
        const { from, to, upToDate, added, changed, removed, tierMoves, bytesFetched, requests, durationMs } =
          report;
        const guides = report.guides.map(({ id, change, checklistItems, rematched, orphaned }) => ({
          id,
          change,
          checklistItems,
          rematched,
          orphaned,
        }));
        io.out(
          JSON.stringify({
            from,
            to,
            upToDate,
            added,
            changed,
            removed,
            tierMoves,
            guides,
            bytesFetched,
            requests,
            durationMs,
          }),
        );
      } else io.out(summary(report));
      return 0;
    } finally {
      process.off('SIGINT', onSigint);
      db.close();
      userDb?.close();
    }
  },
};
