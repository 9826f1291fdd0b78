import { normaliseMetadata } from '../../../src/main/corpus/normalise-metadata';
import type { EvolutionPageRow } from '../../../src/main/evolution/evolution-repository';

/** A page row as the repository returns it, from front matter run through the real normaliser. */
export function pageRow(
  id: string,
  title: string,
  frontMatter: Record<string, unknown> = {},
): EvolutionPageRow {
  const meta = normaliseMetadata(frontMatter);
  return { id, title, tier: meta.tier, type: meta.type, category: meta.category, status: meta.status, meta };
}
