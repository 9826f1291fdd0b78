export declare const DEBIAN_CHROMIUM: string;
export declare const NO_CHROMIUM_MESSAGE: string;
export type ChromiumFound =
  { path: string; source: 'CHROMIUM_PATH' | 'debian' | 'playwright' } | { path: null; message: string };
export declare function findChromium(options?: {
  env?: Record<string, string | undefined>;
  exists?: (path: string) => boolean;
  managedPath?: () => string;
}): ChromiumFound;
