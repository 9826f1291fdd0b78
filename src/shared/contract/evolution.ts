import { z } from 'zod';
import type { PageId, Tier } from '../domain';
import { pageIdArg as pageId, type ArgSchemasOf } from './arg-schemas';

/** Where a timeline fact came from: a front-matter field, or the text of a page section. */
export type FactOrigin = 'front-matter' | 'section';

/** One year-bearing fact placed on the timeline, with the page it belongs to. */
export interface TimelineItem {
  id: PageId;
  title: string;
  tier: Tier | null;
  type: string | null;
  /** The timeline row: the page's category, or its folder when it names none. */
  category: string;
  status: string | null;
  year: number;
  month: number | null;
  /** The front-matter field (`introduced`, `year_implemented`) or `section`. */
  field: string;
  origin: FactOrigin;
  /** Human-readable source: `front matter: introduced`, or the heading of the section. */
  source: string;
  /** The section anchor the fact was read from (null for front matter). */
  anchor: string | null;
  /** The value or line of text the year was read from. */
  value: string;
  /** True when the page's origin years disagree; `conflictWith` lists the other sources. */
  conflict: boolean;
  conflictWith: string[];
}

export type EdgeKind = 'replaced-by' | 'moved-to' | 'used-by' | 'builds-on';
export const EDGE_KINDS: readonly EdgeKind[] = ['replaced-by', 'moved-to', 'used-by', 'builds-on'];

/** A page (or a redirect) in the lineage graph. */
export interface LineageNode {
  id: PageId;
  title: string;
  tier: Tier | null;
  type: string | null;
  status: string | null;
  /** The page's origin year (`introduced`, else `year_implemented`), when it has one. */
  year: number | null;
  /** True for a redirect (an alias), not a page. */
  redirect: boolean;
}

/** A directed relation between two pages, and where the corpus states it. */
export interface LineageEdge {
  from: PageId;
  to: PageId;
  kind: EdgeKind;
  /** The field, migration guide or redirect the edge came from (`modern_alternatives`, a guide's page id …). */
  via: string;
  /** For `used-by`: the tier the case study filed the pattern under. */
  tier?: Tier | null;
}

export interface LineageGraph {
  nodes: LineageNode[];
  edges: LineageEdge[];
}

/** Timelines and lineage of patterns (issue 14), read from content.db. */
export interface EvolutionApi {
  /** Every year-bearing fact of every page, ordered by year, with its source and conflicts. */
  getTimeline(): Promise<TimelineItem[]>;
  /**
   * The lineage graph. With no ids, the whole graph; otherwise the pages within `depth`
   * edges (either direction) of the given ids. Aliases among the ids resolve to their page.
   */
  getLineage(ids: PageId[], depth: number): Promise<LineageGraph>;
}

/** Run-time method names of EvolutionApi (checked complete in index.ts). */
export const EVOLUTION_METHODS = [
  'getTimeline',
  'getLineage',
] as const satisfies readonly (keyof EvolutionApi & string)[];

/** Argument schemas of EvolutionApi. */
export const EVOLUTION_ARGS: ArgSchemasOf<EvolutionApi> = {
  getTimeline: z.tuple([]),
  getLineage: z.tuple([z.array(pageId).max(1000), z.number().int().min(0).max(10)]),
};
