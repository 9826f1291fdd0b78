// Child process of atomic-write.test.ts: writes one file under a file size limit the test
// sets (`ulimit -f`), which makes a write fail part way the way a full disk does. Prints the
// outcome as one JSON line. Modes: `write` (the atomic writer), `replace` (the same, allowed
// to replace the target), `export` (a contract call files.saveExport through the dispatcher,
// as the Electron app makes it after the save dialog chose `target`).
import type { DStudioApi } from '../../../src/shared/contract';
import { dispatch } from '../../../src/main/api-dispatch';
import { writeFileAtomic } from '../../../src/main/files/atomic-write';
import { FilesService } from '../../../src/main/files/files-service';

const [target, size, mode] = process.argv.slice(2);
const text = 'x'.repeat(Number(size));

async function run(): Promise<unknown> {
  if (mode === 'export') {
    const api = { files: new FilesService(async () => target!) } as unknown as DStudioApi;
    return dispatch(api, 'files', 'saveExport', [
      { suggestedName: 'report.md', mime: 'text/markdown', text },
    ]);
  }
  await writeFileAtomic(target!, text, { overwrite: mode === 'replace' });
  return { ok: true };
}

run().then(
  (result) => console.log(JSON.stringify(result)),
  (e: Error & { code?: string }) =>
    console.log(JSON.stringify({ ok: false, name: e.name, code: e.code, message: e.message })),
);
