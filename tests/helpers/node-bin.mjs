// Runs a package's command-line tool with the current Node, the same way on Linux, macOS
// and Windows: spawning `npx` needs `npx.cmd` and a shell on Windows (Node refuses to spawn
// .cmd files without one since 20.12), and a shell brings quoting differences.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The JavaScript file behind `bin` of the installed package `pkg` under `repo`.
 * @param {string} repo
 * @param {string} pkg
 * @param {string} [bin] defaults to the package's only (or same-named) command
 */
export function binScript(repo, pkg, bin) {
  const manifest = join(repo, 'node_modules', pkg, 'package.json');
  const field = JSON.parse(readFileSync(manifest, 'utf8')).bin;
  const rel = typeof field === 'string' ? field : field?.[bin ?? pkg.split('/').pop()];
  if (!rel) throw new Error(`${pkg} has no command ${bin ?? ''} (${manifest})`);
  return join(dirname(manifest), rel);
}

/**
 * Runs the tool with inherited output; returns its exit status (1 when it died of a signal).
 * @param {string} repo
 * @param {string} pkg
 * @param {string | undefined} bin
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} [env]
 */
export function runBin(repo, pkg, bin, args, env = process.env) {
  const r = spawnSync(process.execPath, [binScript(repo, pkg, bin), ...args], {
    cwd: repo,
    stdio: 'inherit',
    env,
  });
  return r.status ?? 1;
}
