import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { defaultDataDir } from '../../data-dir';
import { openServices, type ServiceHost } from '../../services';
import { parseRepo } from '../../sync/github-client';
import { startHttpServer, type RunningServer } from '../../server/http-server';
import { warmUp } from '../../server/warm-up';
import { requireString, UsageError, type CliIo, type Command } from '../command';

/**
 * The package's root: the nearest folder with a package.json above `from`. This module
 * runs from src/main/cli/commands (through tsx) or bundled into out/main (the built CLI),
 * so a fixed relative path would be right for only one of them.
 */
export function packageRootOf(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return resolve(from, '../../../..');
  }
}

/** The built UI (`npx electron-vite build` writes it). */
export const UI_ROOT = join(packageRootOf(import.meta.dirname), 'out/renderer');

/** Where the user's own data goes when --user-db is not given: the desktop app's own user.db. */
export function defaultUserDb(): string {
  return join(defaultDataDir(), 'user.db');
}

function parsePort(raw: unknown): number {
  if (raw === undefined) return 0;
  const n = Number(raw);
  if (typeof raw !== 'string' || !/^\d+$/.test(raw) || n < 1 || n > 65535)
    throw new UsageError(`--port must be a number from 1 to 65535, not "${String(raw)}"`);
  return n;
}

export interface ServeOptions {
  contentDb: string;
  userDb: string;
  port: number;
  uiRoot?: string;
  /** Where content updates come from (default: GitHub). */
  sync?: ServiceHost['sync'];
}

/**
 * Opens the services and serves them with the UI until `stop` settles; the running
 * server is handed to `onReady` (tests use it, the command prints its URL).
 */
export async function serve(
  opts: ServeOptions,
  stop: Promise<unknown>,
  onReady: (server: RunningServer) => void,
): Promise<void> {
  const uiRoot = opts.uiRoot ?? UI_ROOT;
  if (!existsSync(join(uiRoot, 'index.html'))) {
    throw new Error(
      `The UI is not built (${uiRoot}/index.html is missing). Run \`npx electron-vite build\` first.`,
    );
  }
  const services = openServices({ contentDb: opts.contentDb, userDb: opts.userDb }, { sync: opts.sync });
  if (services.recovery) console.error(services.recovery.message);
  let server: RunningServer | undefined;
  try {
    server = await startHttpServer({
      api: services.api,
      staticRoot: uiRoot,
      port: opts.port,
      contentDb: services.contentDb,
    });
    onReady(server);
    // While the reader's browser starts: a failed warm-up only means a slower first page.
    warmUp(server).catch(() => undefined);
    // Search's own warm-up, as the Electron entry runs it: the first search then costs no compile.
    setImmediate(() => services.warmUp());
    await stop;
  } finally {
    await server?.close();
    services.close();
  }
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Serve the reader UI and its API on 127.0.0.1, to read in a browser.',
  usage:
    'dstudio serve --db FILE [--user-db FILE] [--port N] [--sync-api-url URL] [--sync-repo OWNER/NAME] [--sync-ref REF]',
  options: {
    db: { type: 'string' },
    'user-db': { type: 'string' },
    port: { type: 'string' },
    'sync-api-url': { type: 'string' },
    'sync-repo': { type: 'string' },
    'sync-ref': { type: 'string' },
  },
  async run(values, _positionals, io: CliIo) {
    const contentDb = resolve(requireString(values, 'db'));
    const userDb = resolve(typeof values['user-db'] === 'string' ? values['user-db'] : defaultUserDb());
    const port = parsePort(values.port);
    const str = (k: string) => (typeof values[k] === 'string' ? values[k] : undefined);
    let repo;
    try {
      repo = str('sync-repo') ? parseRepo(str('sync-repo')!) : {};
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    const sync = { source: { apiUrl: str('sync-api-url'), ...repo, ref: str('sync-ref') } };
    for (const k of ['apiUrl', 'ref'] as const) if (sync.source[k] === undefined) delete sync.source[k];
    let signalled = '';
    const stop = new Promise<void>((done) => {
      const onSignal = (name: string) => () => {
        signalled = name;
        process.off('SIGINT', onInt);
        process.off('SIGTERM', onTerm);
        done();
      };
      const onInt = onSignal('SIGINT');
      const onTerm = onSignal('SIGTERM');
      process.on('SIGINT', onInt);
      process.on('SIGTERM', onTerm);
    });
    if (!existsSync(contentDb))
      io.err(
        `Note: ${contentDb} does not exist yet; the reader will show an empty library until you run \`dstudio import\`.`,
      );
    await serve({ contentDb, userDb, port, sync }, stop, (server) => {
      io.out(`DStudio reader: ${server.url}`);
      io.out(
        `Content: ${contentDb}\nUser data: ${userDb}\nOpen the address above in a browser; press Ctrl+C to stop.`,
      );
    });
    io.err(`Stopped (${signalled}).`);
    return 0;
  },
};
