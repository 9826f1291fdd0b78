#!/usr/bin/env node
// Builds better-sqlite3 for the installed Electron's ABI into build/native-electron/,
// leaving node_modules/better-sqlite3 (built by npm for Node: tests and the CLI use it)
// untouched. Run by `npm start` and `npm run dev` before Electron starts; it is not an
// install script, so `npm install` and `npm test` never depend on it. Skips in
// milliseconds when the stamp says the addon matches the installed versions.
//
// Usage: node build/scripts/prepare-electron-native.mjs [--force]
// (DSTUDIO_NATIVE_VERBOSE=1 shows the output of prebuild-install and node-gyp as they run.)
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import {
  buildEnv,
  isOfflineError,
  isUpToDate,
  nativePaths,
  nodeGypArgs,
  offlineMessage,
  prebuildArgs,
  shouldCopy,
  stampFor,
} from './electron-native-plan.mjs';

const root = resolve(import.meta.dirname, '../..');
const paths = nativePaths(root);
const force = process.argv.includes('--force');
const say = (line) => process.stderr.write(`[native] ${line}\n`);

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Runs a tool, echoing its output while keeping it for the offline check. */
function run(command, args, cwd, timeoutMs) {
  return new Promise((done) => {
    let output = '';
    const child = spawn(command, args, {
      cwd,
      env: buildEnv(process.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const timer = setTimeout(() => {
      output += `\n(timed out after ${timeoutMs / 1000} s)`;
      child.kill('SIGTERM');
    }, timeoutMs);
    const keep = (chunk) => {
      output += chunk;
      if (process.env.DSTUDIO_NATIVE_VERBOSE) process.stderr.write(chunk);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (e) => {
      output += `\n${e.message}`;
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ ok: code === 0, output });
    });
  });
}

/** node-gyp as npm ships it (npm sets npm_config_node_gyp for scripts), or from the registry via npx. */
function nodeGypCommand() {
  const candidates = [
    process.env.npm_config_node_gyp,
    join(
      dirname(process.execPath),
      '..',
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    ),
  ];
  const local = candidates.find((p) => p && existsSync(p));
  return local
    ? { command: process.execPath, prefix: [local] }
    : { command: 'npx', prefix: ['--yes', 'node-gyp'] };
}

async function main() {
  const electronPkg = readJson(paths.electronPackage);
  const sqlitePkg = readJson(join(paths.source, 'package.json'));
  if (!electronPkg || !sqlitePkg) {
    say('electron or better-sqlite3 is not installed: run `npm install` first.');
    return 1;
  }
  const target = stampFor({
    electron: electronPkg.version,
    betterSqlite3: sqlitePkg.version,
    platform: process.platform,
    arch: process.arch,
  });
  const stampText = existsSync(paths.stamp) ? readFileSync(paths.stamp, 'utf8') : null;
  if (!force && isUpToDate(target, stampText, existsSync(paths.addon))) {
    say(`better-sqlite3 ${target.betterSqlite3} for Electron ${target.electron} is up to date.`);
    return 0;
  }

  say(
    `Preparing better-sqlite3 ${target.betterSqlite3} for Electron ${target.electron} (${target.platform}-${target.arch}) in ${relative(root, paths.dir)}/ …`,
  );
  rmSync(paths.copy, { recursive: true, force: true });
  rmSync(paths.stamp, { force: true });
  mkdirSync(paths.dir, { recursive: true });
  cpSync(paths.source, paths.copy, {
    recursive: true,
    filter: (src) => shouldCopy(relative(paths.source, src)),
  });
  const built = join(paths.copy, 'build', 'Release', 'better_sqlite3.node');

  say('Trying a prebuilt addon for this Electron version …');
  const prebuilt = await run(
    process.execPath,
    [paths.prebuildInstall, ...prebuildArgs(target)],
    paths.copy,
    120_000,
  );
  let outputs = prebuilt.output;
  if (!prebuilt.ok || !existsSync(built)) {
    say('No prebuilt addon; compiling against Electron headers (needs a C++ toolchain; about a minute) …');
    const gyp = nodeGypCommand();
    const compiled = await run(gyp.command, [...gyp.prefix, ...nodeGypArgs(target)], paths.copy, 15 * 60_000);
    outputs += compiled.output;
    if (!compiled.ok || !existsSync(built)) {
      if (isOfflineError(outputs)) {
        say(offlineMessage(target.electron));
      } else {
        say(
          `Could not build better-sqlite3 for Electron ${target.electron}. Last output:\n${compiled.output.split('\n').slice(-25).join('\n')}`,
        );
        say(
          'On Linux install a compiler (build-essential, python3); on macOS the Xcode command line tools; on Windows the Visual Studio build tools.',
        );
      }
      return 1;
    }
  }
  copyFileSync(built, paths.addon);
  // The stamp is written last: an interrupted build is redone on the next start.
  writeFileSync(paths.stamp, `${JSON.stringify(target, null, 2)}\n`);
  say(`Ready: ${relative(root, paths.addon)}`);
  return 0;
}

process.exitCode = await main();
