import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The page id of the guide below. */
export const GUIDE_PAGE = 'migrations/queue-to-log';

/** A migration guide with seven checklist items: task lists in two sections and a yaml criteria fence. */
export const QUEUE_TO_LOG_GUIDE = `---
title: Queue to Log Migration
---
# Queue to Log Migration

## Readiness

- [ ] Consumers are idempotent
- [ ] Retention period agreed

\`\`\`yaml
criteria:
  technical:
    - [ ] Log cluster provisioned
  team:
    - [ ] On-call trained on the log
\`\`\`

## Cut-over

- [ ] Dual-write enabled
- [ ] Old queue drained
- [ ] Consumers switched to the log
`;

/** Writes a corpus root holding a home page and `guide` at GUIDE_PAGE into `dir`; returns `dir`. */
export function guideCorpus(dir: string, guide = QUEUE_TO_LOG_GUIDE): string {
  mkdirSync(join(dir, 'docs/migrations'), { recursive: true });
  writeFileSync(join(dir, 'mkdocs.yml'), 'site_name: T\n');
  writeFileSync(join(dir, 'docs/index.md'), '# Home\n');
  writeFileSync(join(dir, `docs/${GUIDE_PAGE}.md`), guide);
  return dir;
}
