import type { Database } from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openContentDb } from '../../../src/main/database/connection';
import { buildSearchIndex } from '../../../src/main/search/search-index';
import { sectionId } from '../../../src/main/database/section-keys';

/** A hand-written page for the seeded content.db: sections are [heading, body] pairs, the first with heading null. */
export interface SeedPage {
  id: string;
  title: string;
  tier?: 'gold' | 'silver' | 'bronze' | null;
  type?: string | null;
  category?: string | null;
  status?: string | null;
  relevance?: string | null;
  difficulty?: string | null;
  description?: string | null;
  tags?: string[];
  sections: [string | null, string][];
}

/** A few pages in the shape the importer writes, written by hand (no corpus text). */
export const SEED_PAGES: SeedPage[] = [
  {
    id: 'pattern-library/resilience/circuit-breaker',
    title: 'Circuit Breaker',
    tier: 'gold',
    type: 'pattern',
    category: 'resilience',
    status: 'recommended',
    relevance: 'mainstream',
    difficulty: 'intermediate',
    description: 'Stop calling a failing dependency for a while.',
    tags: ['fault-tolerance', 'resilience'],
    sections: [
      [null, 'A breaker trips after repeated failures so that callers fail fast instead of waiting.'],
      [
        'Half-open state',
        'After a cool-down the breaker lets one trial request through to probe the dependency.',
      ],
      [
        'Preventing cascading failures',
        'Failing fast keeps threads free and stops a slow service from dragging down its callers.',
      ],
    ],
  },
  {
    id: 'pattern-library/resilience/bulkhead',
    title: 'Bulkhead',
    tier: 'silver',
    type: 'pattern',
    category: 'resilience',
    status: 'recommended',
    relevance: 'growing',
    difficulty: 'intermediate',
    description: 'Isolate resources so one failure cannot sink the ship.',
    tags: ['isolation'],
    sections: [
      [null, 'Partition thread pools and connections per dependency.'],
      ['Cascading failures', 'Isolation limits how far one failing component can spread its failure.'],
    ],
  },
  {
    id: 'pattern-library/coordination/hybrid-logical-clocks',
    title: 'Hybrid Logical Clocks (HLC)',
    tier: 'silver',
    type: 'pattern',
    category: 'coordination',
    status: 'use-with-expertise',
    relevance: 'specialized',
    difficulty: 'advanced',
    description: 'Timestamps that combine physical time with a logical counter.',
    tags: ['time', 'ordering'],
    sections: [
      [null, 'An HLC timestamp stays close to wall-clock time while still capturing causality.'],
      [
        'Algorithm',
        'On every send or receive the node takes the maximum of its physical clock and the highest seen timestamp.',
      ],
    ],
  },
  {
    id: 'pattern-library/coordination/two-phase-commit',
    title: 'Two-Phase Commit (2PC)',
    tier: 'bronze',
    type: 'pattern',
    category: 'coordination',
    status: 'legacy',
    relevance: 'declining',
    difficulty: 'advanced',
    description: 'Atomic commitment across participants with a coordinator.',
    tags: ['transactions', 'consensus'],
    sections: [
      [null, 'A coordinator asks every participant to prepare, then tells all of them to commit or abort.'],
      [
        'Blocking problem',
        'If the coordinator crashes after prepare, participants hold their locks and wait.',
      ],
    ],
  },
  {
    id: 'pattern-library/communication/idempotent-receiver',
    title: 'Idempotent Receiver',
    tier: 'gold',
    type: 'pattern',
    category: 'communication',
    status: 'recommended',
    relevance: 'mainstream',
    difficulty: 'beginner',
    description: 'Handle duplicate messages safely.',
    tags: ['idempotency', 'messaging'],
    sections: [
      [
        null,
        'Idempotency means that applying the same request twice has the same effect as applying it once.',
      ],
      [
        'Idempotency keys',
        'Clients attach a unique key; the server remembers keys it has already processed.',
      ],
    ],
  },
  {
    id: 'case-studies/payments/payment-system',
    title: 'Payment System',
    tier: null,
    type: 'case-study',
    category: 'payments',
    status: null,
    relevance: null,
    difficulty: 'advanced',
    description: null,
    tags: [],
    sections: [
      [null, 'A payment platform must never charge twice: it uses idempotency keys and a ledger.'],
      [
        'Ledger <design> & "quotes"',
        'Double-entry bookkeeping with an append-only ledger; a circuit breaker guards the bank gateway.',
      ],
    ],
  },
];

/** Aliases (redirect stubs) of the seed: alias id → target id. */
export const SEED_ALIASES: [string, string][] = [
  ['patterns/circuit-breaker', 'pattern-library/resilience/circuit-breaker'],
  ['patterns/2pc', 'pattern-library/coordination/two-phase-commit'],
];

/** Writes pages, headings, sections and aliases the way the importer does, then builds the search index. */
export function seedContent(
  db: Database,
  pages: SeedPage[] = SEED_PAGES,
  aliases: [string, string][] = SEED_ALIASES,
): void {
  // Only the columns search reads are given; any other NOT NULL column of the (evolving)
  // pages table gets a neutral value, so the seed follows schema changes by the importer.
  const given = [
    'id',
    'path',
    'title',
    'description',
    'tier',
    'status',
    'relevance',
    'type',
    'category',
    'difficulty',
    'meta_json',
  ];
  const fillers = (
    db.prepare('PRAGMA table_info(pages)').all() as {
      name: string;
      type: string;
      notnull: number;
      dflt_value: unknown;
    }[]
  )
    .filter((c) => c.notnull && c.dflt_value === null && !given.includes(c.name))
    .map((c) => ({ name: c.name, value: /INT|REAL/i.test(c.type) ? 0 : '' }));
  const columns = [...given, ...fillers.map((f) => f.name)];
  const insertPageRow = db.prepare(
    `INSERT INTO pages (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  const insertPage = {
    run: (...values: unknown[]) => insertPageRow.run(...values, ...fillers.map((f) => f.value)),
  };
  const insertSection = db.prepare(
    'INSERT INTO sections (id, anchor, heading, level, body) VALUES (?, ?, ?, ?, ?)',
  );
  const insertAlias = db.prepare(
    'INSERT INTO aliases (id, path, target_id, target_anchor, redirect_to) VALUES (?, ?, ?, NULL, ?)',
  );
  const anchorOf = (h: string): string =>
    h
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  db.transaction(() => {
    for (const p of pages) {
      const no = Number(
        insertPage.run(
          p.id,
          `${p.id}.md`,
          p.title,
          p.description ?? null,
          p.tier ?? null,
          p.status ?? null,
          p.relevance ?? null,
          p.type ?? null,
          p.category ?? null,
          p.difficulty ?? null,
          JSON.stringify({ tags: p.tags ?? [] }),
        ).lastInsertRowid,
      );
      p.sections.forEach(([heading, body], i) => {
        const anchor = heading ? anchorOf(heading) : null;
        insertSection.run(sectionId(no, i), anchor, heading, heading ? 2 : 0, body);
      });
    }
    for (const [id, target] of aliases) insertAlias.run(id, `${id}.md`, target, `../${target}.md`);
    buildSearchIndex(db);
  })();
}

/** A fresh content.db file in a temp folder, migrated and seeded; call cleanup() when done. */
export function seededContentDb(): { db: Database; file: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'dstudio-search-'));
  const file = join(dir, 'content.db');
  const db = openContentDb(file);
  seedContent(db);
  return {
    db,
    file,
    cleanup: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
