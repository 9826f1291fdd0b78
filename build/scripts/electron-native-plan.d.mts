// Types of electron-native-plan.mjs for the TypeScript tests.
export interface NativePaths {
  dir: string;
  copy: string;
  addon: string;
  stamp: string;
  source: string;
  electronPackage: string;
  prebuildInstall: string;
}
export interface NativeTarget {
  electron: string;
  betterSqlite3: string;
  platform: string;
  arch: string;
}
export function nativePaths(projectRoot: string): NativePaths;
export function stampFor(target: NativeTarget): NativeTarget;
export function isUpToDate(wanted: NativeTarget, stampText: string | null, addonExists: boolean): boolean;
export function shouldCopy(relativePath: string): boolean;
export function buildEnv(env: Record<string, string | undefined>): Record<string, string | undefined>;
export function prebuildArgs(target: Pick<NativeTarget, 'electron' | 'platform' | 'arch'>): string[];
export function nodeGypArgs(target: Pick<NativeTarget, 'electron' | 'arch'>): string[];
export function isOfflineError(output: string): boolean;
export function offlineMessage(electron: string): string;
