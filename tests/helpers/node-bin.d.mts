export declare function binScript(repo: string, pkg: string, bin?: string): string;
export declare function runBin(
  repo: string,
  pkg: string,
  bin: string | undefined,
  args: string[],
  env?: NodeJS.ProcessEnv,
): number;
