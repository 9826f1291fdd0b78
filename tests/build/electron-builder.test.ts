import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { appPaths, NATIVE_ADDON_FILE } from '../../src/main/electron/paths';
import { icnsFile, icoFile } from '../../build/scripts/icon-containers.mjs';

/**
 * The packaging configuration itself (electron-builder cannot download Electron here to build
 * an installer): every file the app loads at run time is packed or shipped beside it, the
 * native module is unpacked, and the fuses are the ones the issue lists.
 */
const REPO = resolve(import.meta.dirname, '../..');
const config = parse(readFileSync(join(REPO, 'electron-builder.yml'), 'utf8')) as {
  appId: string;
  productName: string;
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
  extraResources: { from: string; to: string }[];
  electronFuses: Record<string, boolean>;
  protocols: { schemes: string[] }[];
  linux: { target: string[]; icon: string; mimeTypes: string[] };
  mac: { target: { target: string }[]; icon: string };
  win: { target: { target: string }[]; icon: string };
};
const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
  main: string;
  productName: string;
  scripts: Record<string, string>;
};

/** Whether a path inside the app matches one of electron-builder's `files` globs. */
function packed(path: string): boolean {
  const included = config.files.filter((g) => !g.startsWith('!')).some((g) => path.match(globToRegExp(g)));
  const excluded = config.files
    .filter((g) => g.startsWith('!'))
    .some((g) => path.match(globToRegExp(g.slice(1))));
  return included && !excluded;
}
function globToRegExp(glob: string): RegExp {
  const re = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .split('**/')
    .map((part) =>
      part
        .split('**')
        .map((p) => p.replace(/\*/g, '[^/]*'))
        .join('.*'),
    )
    .join('(?:.*/)?');
  return new RegExp(`^${re}$`);
}

describe('electron-builder.yml', () => {
  it('names the app as package.json does and builds every installer the issue asks for', () => {
    expect(config.productName).toBe(pkg.productName);
    expect(config.appId).toMatch(/^[a-z0-9.-]+$/);
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.mac.target.map((t) => t.target)).toContain('dmg');
    expect(config.win.target.map((t) => t.target)).toContain('nsis');
    expect(pkg.scripts.dist).toMatch(/electron-builder$/);
    // No shell-only syntax: runs the same under cmd.exe, PowerShell and sh.
    for (const script of Object.values(pkg.scripts))
      expect(script).not.toMatch(/(^|\s)[A-Z_]+=|\$\(|`|;|\|\|/);
  });

  it('packs every file the app loads from itself at run time', () => {
    const packaged = appPaths({ isPackaged: true, appPath: '', resourcesPath: '/res', userData: '/u' });
    expect(packed(pkg.main)).toBe(true);
    expect(packed(packaged.preload.replace(/^\//, ''))).toBe(true);
    expect(packed('package.json')).toBe(true);
    // The renderer and the main bundle, as built (electron-vite build) when out/ exists.
    const out = join(REPO, 'out');
    if (existsSync(out)) {
      const built = readdirSync(out, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && !e.name.endsWith('.map'))
        .map((e) =>
          join(e.parentPath, e.name)
            .slice(REPO.length + 1)
            .replaceAll('\\', '/'),
        );
      expect(built.length).toBeGreaterThan(5);
      expect(built.filter((f) => !packed(f))).toEqual([]);
      expect(built).toContain('out/renderer/index.html');
    }
    expect(packed(`${packaged.rendererRoot.replace(/^\//, '')}/index.html`)).toBe(true);
    expect(packed('src/main/index.ts')).toBe(false);
  });

  it('ships the starter content and the Electron-ABI SQLite module where the packaged app looks', () => {
    const packaged = appPaths({
      isPackaged: true,
      appPath: '/app.asar',
      resourcesPath: '/res',
      userData: '/u',
    });
    const shipped = config.extraResources.map((r) => ({ from: r.from, to: `/res/${r.to}` }));
    expect(shipped).toContainEqual({ from: 'content', to: packaged.starterCorpus });
    expect(shipped).toContainEqual({
      from: `build/native-electron/${NATIVE_ADDON_FILE}`,
      to: packaged.nativeBinding,
    });
    expect(existsSync(join(REPO, 'content/mkdocs.yml'))).toBe(true);
    // prepare-electron-native.mjs writes the addon there (npm run dist runs it first).
    expect(pkg.scripts.dist).toMatch(/^node build\/scripts\/prepare-electron-native\.mjs && /);
    expect(config.npmRebuild).toBe(false);
  });

  it('unpacks the native module from the asar archive', () => {
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining(['**/*.node', 'node_modules/better-sqlite3/**']),
    );
  });

  it('sets the fuses: no RunAsNode, NODE_OPTIONS or --inspect; cookie encryption, asar integrity, app only from asar', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('registers the dstudio: scheme for deep links', () => {
    expect(config.protocols.flatMap((p) => p.schemes)).toEqual(['dstudio']);
    expect(config.linux.mimeTypes).toContain('x-scheme-handler/dstudio');
  });

  it('has an icon in every size each platform needs', () => {
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
      const png = readFileSync(join(REPO, config.linux.icon, `${size}x${size}.png`));
      expect(png.readUInt32BE(16), `${size}px width`).toBe(size);
      expect(png.readUInt32BE(20), `${size}px height`).toBe(size);
    }
    const ico = readFileSync(join(REPO, config.win.icon));
    expect(ico.readUInt16LE(2)).toBe(1);
    const icoSizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico.readUInt8(6 + 16 * i) || 256);
    expect(icoSizes).toEqual(expect.arrayContaining([16, 32, 48, 256]));
    const icns = readFileSync(join(REPO, config.mac.icon));
    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    expect(icns.includes(Buffer.from('ic10'))).toBe(true); // 1024 px (512@2x)
  });
});

describe('icon containers', () => {
  const png = (n: number) => Buffer.alloc(n, n);
  it('write an .ico directory whose offsets point at each image', () => {
    const ico = icoFile([
      [16, png(5)],
      [256, png(9)],
    ]);
    expect(ico.readUInt16LE(4)).toBe(2);
    expect(ico.readUInt8(6 + 16)).toBe(0); // 256 is written as 0
    const offset = ico.readUInt32LE(6 + 16 + 12);
    expect(ico.subarray(offset, offset + 9)).toEqual(png(9));
  });
  it('write an .icns whose lengths add up', () => {
    const icns = icnsFile([
      ['ic07', png(3)],
      ['ic10', png(4)],
    ]);
    expect(icns.length).toBe(8 + 11 + 12);
    expect(icns.toString('latin1', 8, 12)).toBe('ic07');
    expect(icns.readUInt32BE(12)).toBe(11);
  });
});
