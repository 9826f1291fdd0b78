import type { CliIo } from '../../src/main/cli/command';
import { main } from '../../src/main/cli/main';

/** What one in-process `dstudio` run printed and returned. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `dstudio <args>` in this process with captured output (the real command code, no child). */
export async function runCli(args: string[]): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIo = { out: (t) => stdout.push(t), err: (t) => stderr.push(t), isTty: false };
  const code = await main(args, io);
  return { code, out: stdout.join('\n'), err: stderr.join('\n') };
}
