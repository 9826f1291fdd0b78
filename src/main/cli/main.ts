import { commands } from './commands';
import { parseCommandArgs, processIo, UsageError, type CliIo } from './command';

function help(io: CliIo): void {
  io.out('Usage: dstudio <command> [options]\n\nCommands:');
  for (const c of commands) io.out(`  ${c.name.padEnd(8)} ${c.summary}`);
  io.out('\nRun `dstudio <command> --help` for the options of one command.');
}

/** Entry point of the `dstudio` CLI; returns the exit code. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    help(io);
    return name ? 0 : 2;
  }
  const cmd = commands.find((c) => c.name === name);
  if (!cmd) {
    io.err(`dstudio: unknown command "${name}"`);
    help(io);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`Usage: ${cmd.usage}\n\n${cmd.summary}`);
    return 0;
  }
  try {
    const { values, positionals } = parseCommandArgs(cmd, rest);
    return await cmd.run(values, positionals, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`dstudio ${name}: ${e.message}\nUsage: ${cmd.usage}`);
      return 2;
    }
    io.err(`dstudio ${name}: ${(e as Error).message}`);
    return 1;
  }
}
