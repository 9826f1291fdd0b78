import { z } from 'zod';
import {
  DEFAULT_LIMITS,
  getWithRetries,
  SyncHttpError,
  type FetchedBody,
  type FetchLimits,
  type Usage,
} from './http-fetch';

export interface GitHubSource {
  /** REST API root, e.g. https://api.github.com (GitHub Enterprise: https://host/api/v3). */
  apiUrl: string;
  owner: string;
  repo: string;
  ref: string;
  token?: string;
}

export const DEFAULT_SOURCE: Omit<GitHubSource, 'token'> = {
  apiUrl: 'https://api.github.com',
  owner: 'deepaucksharma',
  repo: 'DStudio',
  ref: 'main',
};

/** Largest JSON answer accepted (a recursive tree of the whole repository stays far below). */
export const MAX_JSON_BYTES = 32 * 1024 * 1024;

const commitSchema = z.object({
  sha: z.string().regex(/^[0-9a-f]{40}$/),
  commit: z.object({
    tree: z.object({ sha: z.string().regex(/^[0-9a-f]{40}$/) }),
    committer: z.object({ date: z.string() }).nullish(),
  }),
});

export const treeEntrySchema = z.object({
  path: z.string(),
  mode: z.string(),
  type: z.string(),
  sha: z.string().regex(/^[0-9a-f]{40}$/),
  size: z.number().int().nonnegative().optional(),
});
export type TreeEntry = z.infer<typeof treeEntrySchema>;

const treeSchema = z.object({
  sha: z.string(),
  tree: z.array(treeEntrySchema),
  truncated: z.boolean().optional(),
});

export interface HeadCommit {
  sha: string;
  treeSha: string;
  date: string | null;
  etag: string | null;
}

/** The four GitHub REST endpoints content updates use, and nothing else. */
/** Tree requests in flight at once while listing changed directories. */
const LISTING_PARALLEL = 4;

export class GitHubClient {
  readonly usage: Usage = { requests: 0, bytes: 0 };
  private readonly base: string;

  constructor(
    readonly source: GitHubSource,
    private readonly limits: FetchLimits = DEFAULT_LIMITS,
    private readonly signal?: AbortSignal,
  ) {
    this.base = `${source.apiUrl.replace(/\/+$/, '')}/repos/${encodeURIComponent(source.owner)}/${encodeURIComponent(source.repo)}`;
  }

  private headers(accept = 'application/vnd.github+json'): Record<string, string> {
    const h: Record<string, string> = {
      Accept: accept,
      'X-GitHub-Api-Version': '2022-11-28',
      'User-Agent': 'DStudio-Desktop',
    };
    if (this.source.token) h.Authorization = `Bearer ${this.source.token}`;
    return h;
  }

  private get(path: string, accept?: string, extra: Record<string, string> = {}, acceptStatus?: number[]) {
    return getWithRetries(
      `${this.base}${path}`,
      {
        headers: { ...this.headers(accept), ...extra },
        maxBytes: MAX_JSON_BYTES,
        accept: acceptStatus,
        signal: this.signal,
      },
      this.limits,
      this.usage,
    );
  }

  private json<T>(res: FetchedBody, schema: z.ZodType<T>, what: string): T {
    let value: unknown;
    try {
      value = JSON.parse(Buffer.from(res.body).toString('utf8'));
    } catch {
      throw new SyncHttpError(`The server's answer for ${what} is not JSON.`);
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new SyncHttpError(`The server's answer for ${what} is not what GitHub sends.`);
    return parsed.data;
  }

  /** The ref's head commit, or null when it is unchanged since `etag` (a 304, which costs no rate limit). */
  async headCommit(etag: string | null): Promise<HeadCommit | null> {
    const res = await this.get(
      `/commits/${encodeURIComponent(this.source.ref)}`,
      undefined,
      etag ? { 'If-None-Match': etag } : {},
      [304],
    );
    if (res.status === 304) return null;
    const c = this.json(res, commitSchema, 'the commit');
    return {
      sha: c.sha,
      treeSha: c.commit.tree.sha,
      date: c.commit.committer?.date ?? null,
      etag: res.headers.get('etag'),
    };
  }

  /** One tree; recursive asks for every descendant in one answer (GitHub may truncate it). */
  async tree(sha: string, recursive: boolean): Promise<{ entries: TreeEntry[]; truncated: boolean }> {
    const res = await this.get(`/git/trees/${sha}${recursive ? '?recursive=1' : ''}`);
    const t = this.json(res, treeSchema, 'the file tree');
    return { entries: t.tree, truncated: t.truncated === true };
  }

  /**
   * The entries under `docs/` (directories included, with their tree SHA) and the root's
   * files, with paths from the root. With the listing of the installed commit (`previous`),
   * the walk goes one directory per request and only into directories whose tree SHA
   * differs from the installed one: an unchanged directory's entries are taken from
   * `previous`. Without it, one recursive request. A truncated recursive answer is never
   * used as-is (it would look like mass deletion): the walk goes on one directory per request.
   */
  async contentTree(rootSha: string, previous: TreeEntry[] | null = null): Promise<TreeEntry[]> {
    const root = await this.tree(rootSha, false);
    const out: TreeEntry[] = root.entries.filter((e) => e.path !== 'docs');
    const docs = root.entries.find((e) => e.path === 'docs' && e.type === 'tree');
    if (!docs) return out;
    out.push(docs);
    const installedDirs = new Map(
      (previous ?? []).filter((e) => e.type === 'tree').map((e) => [e.path, e.sha]),
    );
    // At most LISTING_PARALLEL tree requests in flight: enough to overlap round trips, polite to the API.
    let inFlight = 0;
    const waiting: (() => void)[] = [];
    const limitedTree = async (sha: string, recursive: boolean) => {
      while (inFlight >= LISTING_PARALLEL) await new Promise<void>((r) => waiting.push(r));
      inFlight++;
      try {
        return await this.tree(sha, recursive);
      } finally {
        inFlight--;
        waiting.shift()?.();
      }
    };
    const walk = async (prefix: string, sha: string, recursive: boolean): Promise<TreeEntry[]> => {
      if (installedDirs.get(prefix) === sha) return previous!.filter((e) => e.path.startsWith(`${prefix}/`));
      const t = await limitedTree(sha, recursive);
      if (recursive && t.truncated) return walk(prefix, sha, false);
      if (t.truncated)
        throw new SyncHttpError(`The server truncated the listing of ${prefix}; refusing a partial tree.`);
      // Changed sibling directories are listed together: a level costs one round trip, not one per directory.
      const parts = await Promise.all(
        t.entries.map(async (e) => {
          const entry = { ...e, path: `${prefix}/${e.path}` };
          if (recursive || e.type !== 'tree') return [entry];
          return [entry, ...(await walk(entry.path, e.sha, false))];
        }),
      );
      return parts.flat();
    };
    out.push(...(await walk('docs', docs.sha, previous === null)));
    return out;
  }

  /** A blob's raw bytes (the raw media type: no base64 inflation on the wire). */
  async blob(sha: string, maxBytes: number): Promise<Uint8Array> {
    const res = await getWithRetries(
      `${this.base}/git/blobs/${sha}`,
      { headers: this.headers('application/vnd.github.raw+json'), maxBytes, signal: this.signal },
      this.limits,
      this.usage,
    );
    return res.body;
  }

  /** The commit's gzipped tarball (GitHub redirects to its archive host; the token stays behind). */
  async tarball(commitSha: string, maxBytes: number): Promise<Uint8Array> {
    const res = await getWithRetries(
      `${this.base}/tarball/${commitSha}`,
      { headers: this.headers(), maxBytes, signal: this.signal },
      this.limits,
      this.usage,
    );
    return res.body;
  }
}

/** Parses `owner/name`; throws a clear error otherwise. */
export function parseRepo(spec: string): { owner: string; repo: string } {
  const m = /^([A-Za-z0-9-]{1,39})\/([A-Za-z0-9._-]{1,100})$/.exec(spec);
  if (!m)
    throw new Error(`"${spec}" is not a repository: write it as OWNER/NAME, e.g. deepaucksharma/DStudio.`);
  return { owner: m[1]!, repo: m[2]! };
}
