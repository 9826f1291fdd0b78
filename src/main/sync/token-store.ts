import { readFileSync, rmSync } from 'node:fs';
import { writeFileAtomic } from '../files/atomic-write';

/** Where the optional GitHub token lives. */
export interface TokenStore {
  /** Encrypted on disk across restarts, or held in memory for this process only. */
  readonly kept: 'encrypted' | 'session';
  get(): string | null;
  set(token: string | null): Promise<void>;
}

/** The part of Electron's `safeStorage` the store needs (the OS keychain's encryption). */
export interface StringCipher {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/**
 * A token kept in one file, encrypted with the OS keychain (Electron's safeStorage). Where
 * the platform offers no encryption the token is not stored at all: it would sit on disk in
 * clear text. A file that no longer decrypts (another machine, a new keychain) reads as none.
 */
export function encryptedTokenStore(file: string, cipher: StringCipher): TokenStore {
  return {
    kept: 'encrypted',
    get() {
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch {
        return null;
      }
      try {
        return cipher.decryptString(bytes) || null;
      } catch {
        return null;
      }
    },
    async set(token) {
      if (token === null) {
        rmSync(file, { force: true });
        return;
      }
      if (!cipher.isEncryptionAvailable())
        throw new Error('This system offers no encrypted storage, so the token is not saved.');
      await writeFileAtomic(file, cipher.encryptString(token), { overwrite: true });
    },
  };
}

/** A token held for this process only (the HTTP transport, tests). */
export function memoryTokenStore(initial: string | null = null): TokenStore {
  let token = initial;
  return {
    kept: 'session',
    get: () => token,
    set: async (t) => {
      token = t;
    },
  };
}
