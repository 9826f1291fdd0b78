import { afterAll, beforeAll, it } from 'vitest';
import { corpusAvailable, SKIP_MESSAGE } from '../../helpers/corpus';
import { FakeGitHub } from '../../helpers/fake-github';

/**
 * The loopback GitHub serving the real snapshots, for the describe block that calls this:
 * started before its tests and stopped after them; where the corpus is absent, a skipped
 * test says why (the block itself is `describe.skipIf(!corpusAvailable())`).
 */
export function fakeGitHubSuite(): FakeGitHub {
  if (!corpusAvailable()) it.skip(SKIP_MESSAGE, () => {});
  const server = new FakeGitHub();
  beforeAll(() => server.start());
  afterAll(() => server.stop());
  return server;
}
