/** The built files whose age is checked: the CLI and the UI. */
export const BUILT_FILES: readonly string[];
/** True when each of `built` (relative to `repo`) exists and is newer than every source file. */
export function isBuildCurrent(repo: string, built?: readonly string[]): boolean;
