// Types of electron-binary.mjs for the TypeScript spec.
export const SKIP_MESSAGE: string;
export function findElectronBinary(
  projectRoot: string,
  env?: Record<string, string | undefined>,
): { path: string; reason?: undefined } | { path?: undefined; reason: string };
