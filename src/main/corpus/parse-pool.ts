import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { workerEntry } from '../worker-entry';
import { parseFile, type ParsedFile } from './parse-file';

export interface ParseJob {
  path: string;
  bytes: Uint8Array;
  sha: string;
}

/** Below this many files, threads cost more than they save. */
const MIN_FILES_FOR_WORKERS = 40;

/**
 * Threads used by default. A worker starts cold (module load + unoptimised JIT of
 * the render stack), so on a small machine one thread is as fast as two workers; with
 * more cores workers win (bench/import.bench.ts measures where).
 */
export function defaultThreads(): number {
  const cores = availableParallelism();
  return cores >= 4 ? Math.min(cores - 1, 8) : 1;
}

/**
 * Parses files on worker threads, reporting progress; runs on the current thread for
 * small batches, one thread, or when workers cannot start. Results keep job order.
 */
export async function parseAll(
  jobs: ParseJob[],
  onProgress?: (done: number, total: number) => void,
  threads = defaultThreads(),
): Promise<ParsedFile[]> {
  const results: ParsedFile[] = new Array(jobs.length);
  const entry = workerEntry('parse-worker', import.meta.url);
  if (jobs.length < MIN_FILES_FOR_WORKERS || threads < 2 || !entry) {
    jobs.forEach((j, i) => {
      results[i] = parseFile(j.path, j.bytes, j.sha);
      onProgress?.(i + 1, jobs.length);
    });
    return results;
  }
  let next = 0;
  let done = 0;
  const retry: number[] = [];
  const finish = (index: number, result: ParsedFile) => {
    results[index] = result;
    onProgress?.(++done, jobs.length);
  };
  const workers = Array.from({ length: threads }, () => new Worker(entry));
  try {
    await Promise.all(
      workers.map(
        (w) =>
          new Promise<void>((resolve) => {
            let current = -1;
            const feed = () => {
              if (next >= jobs.length) return resolve();
              current = next++;
              const job = jobs[current]!;
              w.postMessage({ index: current, path: job.path, bytes: job.bytes, sha: job.sha });
            };
            w.on('message', (msg: { index: number; result: ParsedFile }) => {
              finish(msg.index, msg.result);
              feed();
            });
            // A worker that dies (or cannot start) hands the file it held back to this thread.
            w.on('error', () => {
              if (current >= 0 && results[current] === undefined) retry.push(current);
              resolve();
            });
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  // Jobs handed back by dead workers, or left over if every worker died: parse them here.
  for (; next < jobs.length; next++) retry.push(next);
  for (const i of retry) finish(i, parseFile(jobs[i]!.path, jobs[i]!.bytes, jobs[i]!.sha));
  return results;
}
