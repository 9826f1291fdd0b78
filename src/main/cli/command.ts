import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { DStudioApi, Domain, MethodOf } from '../../shared/contract';
import type { ZodType } from 'zod';
import { API_ARGS } from '../../shared/contract/args';

/** One `dstudio` sub-command. Each lives in its own file under commands/. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Returns the process exit code. */
  run(
    values: Record<string, string | boolean | (string | boolean)[] | undefined>,
    positionals: string[],
    io: CliIo,
  ): Promise<number>;
}

/** Where a command writes; tests pass their own. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is an interactive terminal (progress bars). */
  isTty: boolean;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
  isTty: Boolean(process.stderr.isTTY),
};

/** A user mistake on the command line: printed with the usage, exit code 2. */
export class UsageError extends Error {}

export function parseCommandArgs(cmd: Command, argv: string[]) {
  try {
    return parseArgs({ args: argv, options: cmd.options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** Reads a required string option or throws a UsageError naming it. */
export function requireString(values: Record<string, unknown>, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v === '') throw new UsageError(`--${name} is required`);
  return v;
}

/**
 * Checks the arguments of the contract call a command makes against the contract's own
 * schema, so the command line takes exactly what the app takes (limits, tiers) with no
 * second copy of the rules. A failure is a UsageError naming the option: `optionOf`
 * turns the path of the first problem (`[0, 'limit']`) into the option's name.
 */
export function checkContractArgs<D extends Domain, M extends MethodOf<D>>(
  domain: D,
  method: M,
  args: DStudioApi[D][M] extends (...a: infer A) => unknown ? A : never,
  optionOf: (path: PropertyKey[]) => string,
): void {
  const schema: ZodType = API_ARGS[domain][method];
  const issue = schema.safeParse(args).error?.issues[0];
  if (issue) throw new UsageError(`${optionOf(issue.path)}: ${issue.message}`);
}
