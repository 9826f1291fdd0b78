import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SYNC_ARGS } from '../../../src/shared/contract/sync';
import { openContentDb } from '../../../src/main/database/connection';
import { SyncService } from '../../../src/main/sync/sync-service';
import { tmp } from './sync-helpers';

describe('the GitHub token through the sync service (as `dstudio serve` holds it)', () => {
  it('is set, replaced and removed; the status hints at its end only and says it is not stored', async () => {
    const dir = tmp();
    const sync = new SyncService(openContentDb(join(dir, 'content.db')), { cacheDir: join(dir, 'cache') });
    expect(await sync.getStatus()).toMatchObject({ hasToken: false, tokenHint: null, tokenKept: 'session' });

    const first = `ghp_${'a'.repeat(32)}WXYZ`;
    await sync.setToken(first);
    const status = await sync.getStatus();
    expect(status).toMatchObject({ hasToken: true, tokenHint: 'WXYZ', tokenKept: 'session' });
    expect(JSON.stringify(status)).not.toContain(first.slice(0, 12));

    await sync.setToken('short');
    expect(await sync.getStatus()).toMatchObject({ hasToken: true, tokenHint: null });

    await sync.setToken(null);
    expect(await sync.getStatus()).toMatchObject({ hasToken: false, tokenHint: null });
  });

  it('refuses a token with spaces or control characters at the contract', () => {
    expect(SYNC_ARGS.setToken.safeParse(['ghp_abc def']).success).toBe(false);
    expect(SYNC_ARGS.setToken.safeParse(['ghp_abc\n']).success).toBe(false);
    expect(SYNC_ARGS.setToken.safeParse(['ghp_abcdef']).success).toBe(true);
    expect(SYNC_ARGS.setToken.safeParse([null]).success).toBe(true);
  });
});
