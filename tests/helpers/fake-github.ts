import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SHARED_CORPUS_BUNDLE } from './corpus';

const run = promisify(execFile);

export type Snapshot = 'snap-1' | 'snap-2' | 'snap-3' | 'snap-4' | 'snap-5';

/** One injected failure, served instead of the real answer to the next matching requests. */
export interface Fault {
  /** Which requests: a substring of the path (e.g. '/git/blobs/', '/commits/'). */
  match: string;
  kind:
    | '500'
    | 'rate-403' // x-ratelimit-remaining: 0 with a reset time
    | 'rate-429' // retry-after
    | 'stall' // headers, a few bytes, then silence
    | 'reset' // headers, part of the body, then the socket is destroyed
    | 'bad-bytes' // a blob whose bytes do not match its SHA
    | 'truncate' // a recursive tree answered with truncated: true and half the entries
    | 'endless'; // a body that never ends
  /** How many matching requests fail (default 1). */
  times?: number;
  /** Matching requests let through before the fault starts (default 0). */
  after?: number;
  /** For rate limits: seconds until the reset. */
  resetIn?: number;
}

export interface ExtraEntry {
  path: string;
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
  size?: number;
}

/** A bare clone of the corpus bundle, made once per machine. */
function bareRepo(): string {
  const dir = join(tmpdir(), 'dstudio-corpus-cache', 'bare.git');
  if (!existsSync(join(dir, 'HEAD'))) {
    mkdirSync(join(tmpdir(), 'dstudio-corpus-cache'), { recursive: true });
    const tmp = `${dir}.tmp-${process.pid}`;
    execFileSync('git', ['clone', '-q', '--bare', SHARED_CORPUS_BUNDLE, tmp]);
    try {
      execFileSync('mv', ['-T', tmp, dir]);
    } catch {
      execFileSync('rm', ['-rf', tmp]);
    }
  }
  return dir;
}

/**
 * A loopback fake of the four GitHub REST endpoints sync uses, serving the real snapshots
 * of ../shared/corpus (read with git at run time, so every SHA is real), with fault
 * injection. `head` is what the branch points at; change it to "push" a new snapshot.
 */
export class FakeGitHub {
  head: Snapshot = 'snap-1';
  faults: Fault[] = [];
  /** Entries added to the docs/ listing of every tree (hostile names, symlinks, huge files). */
  extraEntries: ExtraEntry[] = [];
  /** Bytes served for extra blob SHAs. */
  extraBlobs = new Map<string, Uint8Array>();
  /** Every request path, in order. */
  readonly log: string[] = [];
  private server: Server | null = null;
  private readonly git = bareRepo();
  private readonly blobCache = new Map<string, Buffer>();
  url = '';

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((e: Error) => {
        if (!res.headersSent) res.writeHead(500).end(e.message);
      });
    });
    // Long keep-alive: a client's idle pooled socket must not be closed under it between two test steps.
    this.server.keepAliveTimeout = 120_000;
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  /** The commit SHA of a snapshot. */
  commitOf(tag: Snapshot): string {
    return execFileSync('git', ['-C', this.git, 'rev-parse', `${tag}^{commit}`], { encoding: 'utf8' }).trim();
  }

  requests(match = ''): number {
    return this.log.filter((p) => p.includes(match)).length;
  }

  private takeFault(path: string): Fault | null {
    const f = this.faults.find((x) => path.includes(x.match));
    if (!f) return null;
    if (f.after) {
      f.after--;
      return null;
    }
    f.times = (f.times ?? 1) - 1;
    if (f.times <= 0) this.faults.splice(this.faults.indexOf(f), 1);
    return f;
  }

  /** Answers by object SHA are immutable, so each is asked of git once (a real server does not fork per request). */
  private readonly gitAnswers = new Map<string, Promise<Buffer>>();

  private gitOut(args: string[]): Promise<Buffer> {
    const key = args.join('\0');
    let answer = this.gitAnswers.get(key);
    if (!answer) {
      answer = run('git', ['-C', this.git, ...args], {
        encoding: 'buffer',
        maxBuffer: 256 * 1024 * 1024,
      }).then((r) => r.stdout);
      // A failed call (an unknown SHA) is not remembered: the caller answers 404 and may ask again.
      answer.catch(() => this.gitAnswers.delete(key));
      this.gitAnswers.set(key, answer);
    }
    return answer;
  }

  private async blob(sha: string): Promise<Buffer | null> {
    const extra = this.extraBlobs.get(sha);
    if (extra) return Buffer.from(extra);
    let b = this.blobCache.get(sha);
    if (!b) {
      try {
        b = await this.gitOut(['cat-file', 'blob', sha]);
      } catch {
        return null;
      }
      this.blobCache.set(sha, b);
    }
    return b;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    this.log.push(url.pathname + url.search);
    const fault = this.takeFault(url.pathname + url.search);
    if (fault && (await this.serveFault(fault, res))) return;
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      const text = JSON.stringify(body);
      res.writeHead(status, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(text),
        ...headers,
      });
      res.end(text);
    };
    let m: RegExpExecArray | null;
    if ((m = /^\/repos\/[^/]+\/[^/]+\/commits\/([^/]+)$/.exec(url.pathname))) {
      const ref = decodeURIComponent(m[1]!);
      const sha = this.commitOf(ref === 'main' ? this.head : (ref as Snapshot));
      const etag = `"${sha}"`;
      if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
      const [tree, date] = (await this.gitOut(['log', '-1', '--format=%T %cI', sha]))
        .toString()
        .trim()
        .split(' ');
      return json(200, { sha, commit: { tree: { sha: tree }, committer: { date } } }, { etag });
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/git\/trees\/([0-9a-f]{40})$/.exec(url.pathname))) {
      const recursive = url.searchParams.get('recursive') === '1';
      const out = (
        await this.gitOut(['ls-tree', '-z', '-l', ...(recursive ? ['-r', '-t'] : []), m[1]!])
      ).toString('utf8');
      const entries: ExtraEntry[] = out
        .split('\0')
        .filter(Boolean)
        .map((line) => {
          const [meta, path] = line.split('\t') as [string, string];
          const [mode, type, sha, size] = meta.split(/\s+/) as [string, ExtraEntry['type'], string, string];
          return { path, mode, type, sha, ...(type === 'blob' ? { size: Number(size) } : {}) };
        });
      const isDocs = entries.some((e) => e.path === 'index.md') || recursive;
      if (isDocs && !entries.some((e) => e.path === 'docs')) entries.push(...this.extraEntries);
      if (fault?.kind === 'truncate' && recursive)
        return json(200, { sha: m[1], tree: entries.slice(0, entries.length >> 1), truncated: true });
      return json(200, { sha: m[1], tree: entries, truncated: false });
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/git\/blobs\/([0-9a-f]{40})$/.exec(url.pathname))) {
      let bytes = await this.blob(m[1]!);
      if (!bytes) return json(404, { message: 'Not Found' });
      if (fault?.kind === 'bad-bytes') bytes = Buffer.concat([bytes, Buffer.from('\n<!-- tampered -->\n')]);
      if (req.headers.accept === 'application/vnd.github.raw+json') {
        res.writeHead(200, {
          'content-type': 'application/octet-stream',
          'content-length': bytes.byteLength,
        });
        return void res.end(bytes);
      }
      return json(200, {
        sha: m[1],
        size: bytes.byteLength,
        encoding: 'base64',
        content: bytes.toString('base64'),
      });
    }
    if ((m = /^\/repos\/([^/]+)\/([^/]+)\/tarball\/([^/]+)$/.exec(url.pathname))) {
      return void res.writeHead(302, { location: `${this.url}/codeload/${m[1]}/${m[2]}/${m[3]}` }).end();
    }
    if ((m = /^\/codeload\/([^/]+)\/([^/]+)\/([0-9a-f]{40})$/.exec(url.pathname))) {
      const tgz = await this.gitOut([
        'archive',
        '--format=tar.gz',
        `--prefix=${m[1]}-${m[2]}-${m[3]!.slice(0, 7)}/`,
        m[3]!,
      ]);
      res.writeHead(200, { 'content-type': 'application/x-gzip', 'content-length': tgz.byteLength });
      return void res.end(tgz);
    }
    json(404, { message: 'Not Found' });
  }

  /** Serves a fault; false when the fault alters the real answer instead (bad bytes, truncation). */
  private async serveFault(f: Fault, res: ServerResponse): Promise<boolean> {
    const reset = Math.floor(Date.now() / 1000) + (f.resetIn ?? 1);
    switch (f.kind) {
      case '500':
        res.writeHead(500).end('boom');
        return true;
      case 'rate-403':
        res
          .writeHead(403, {
            'x-ratelimit-remaining': '0',
            'x-ratelimit-reset': String(reset),
            'content-type': 'application/json',
          })
          .end('{"message":"API rate limit exceeded"}');
        return true;
      case 'rate-429':
        res
          .writeHead(429, { 'retry-after': String(f.resetIn ?? 1) })
          .end('{"message":"secondary rate limit"}');
        return true;
      case 'stall':
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': '100000' });
        res.write('partial');
        return true;
      case 'reset':
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': '100000' });
        res.write('partial body then the connection breaks');
        setTimeout(() => res.socket?.destroy(), 20);
        return true;
      case 'endless': {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        const chunk = Buffer.alloc(64 * 1024, 120);
        const pump = () => {
          while (!res.destroyed && res.write(chunk));
          if (!res.destroyed) res.once('drain', pump);
        };
        res.on('close', () => res.removeAllListeners('drain'));
        pump();
        return true;
      }
      default:
        return false;
    }
  }
}
