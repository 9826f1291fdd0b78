import { parentPort } from 'node:worker_threads';
import { parseFile } from './parse-file';

/** Worker-thread entry: parses the files it is sent and posts each result back. */
parentPort?.on('message', (msg: { index: number; path: string; bytes: Uint8Array; sha: string }) => {
  const result = parseFile(msg.path, msg.bytes, msg.sha);
  parentPort!.postMessage({ index: msg.index, result });
});
