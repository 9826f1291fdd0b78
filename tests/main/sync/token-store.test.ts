import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encryptedTokenStore, type StringCipher } from '../../../src/main/sync/token-store';

/** A reversible stand-in for the OS keychain: the store must never write the plain token. */
const cipher = (available = true): StringCipher => ({
  isEncryptionAvailable: () => available,
  encryptString: (s) => Buffer.from(Buffer.from(s, 'utf8').map((b) => b ^ 0x5a)),
  decryptString: (b) => Buffer.from(b.map((x) => x ^ 0x5a)).toString('utf8'),
});

describe('encryptedTokenStore', () => {
  it('stores the token encrypted, reads it back, and forgets it', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dstudio-token-')), 'token.bin');
    const store = encryptedTokenStore(file, cipher());
    expect(store.get()).toBeNull();
    await store.set('ghp_secret123');
    expect(readFileSync(file).toString('utf8')).not.toContain('ghp_secret123');
    expect(encryptedTokenStore(file, cipher()).get()).toBe('ghp_secret123');
    await store.set(null);
    expect(store.get()).toBeNull();
  });

  it('refuses to store in clear text where the platform cannot encrypt', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dstudio-token-')), 'token.bin');
    await expect(encryptedTokenStore(file, cipher(false)).set('t')).rejects.toThrow(/no encrypted storage/);
    expect(encryptedTokenStore(file, cipher()).get()).toBeNull();
  });

  it('reads a file that no longer decrypts as no token', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dstudio-token-')), 'token.bin');
    await encryptedTokenStore(file, cipher()).set('t');
    const broken: StringCipher = {
      ...cipher(),
      decryptString: () => {
        throw new Error('bad key');
      },
    };
    expect(encryptedTokenStore(file, broken).get()).toBeNull();
  });
});
