import type { Database } from 'better-sqlite3';
import type {
  QuickSwitchData,
  QuickSwitchHit,
  QuickSwitchPage,
  SearchApi,
} from '../../shared/contract/search';
import { QuickSwitchIndex, type QuickSwitchSource } from '../../shared/quick-switch-matcher';
import { decodeQuickSwitchBlob } from './quick-switch-blob';
import { QUICK_SWITCH_BLOB, SearchRepository } from './search-repository';

export interface SwitcherServiceDeps {
  /** Recently read pages, most recent first (from user.db history, supplied by the composition root). */
  recentPageIds: () => string[];
}

/** The switcher's entries for one index generation; indexed only when main itself matches. */
interface SwitcherState {
  generation: string | null;
  source: QuickSwitchSource | null;
  index: QuickSwitchIndex | null;
}

/**
 * The quick switcher: fuzzy/prefix over titles, aliases, headings and tags, with the matcher
 * the renderer also runs. Its entries are loaded on first use (not at start-up) and dropped
 * whenever the index is rebuilt.
 */
export class SwitcherService implements Pick<SearchApi, 'quickSwitch' | 'quickSwitchData'> {
  private readonly repo: SearchRepository;
  private state: SwitcherState | null = null;

  constructor(
    db: Database,
    private readonly deps: SwitcherServiceDeps,
  ) {
    this.repo = new SearchRepository(db);
  }

  /** Fuzzy/prefix over titles, aliases, headings and tags; recent pages first when the text is empty. */
  async quickSwitch(text: string, limit = 10): Promise<QuickSwitchHit[]> {
    return this.quickSwitchSync(text, limit);
  }

  /** The synchronous core of quickSwitch: the shared matcher the renderer also runs. */
  quickSwitchSync(text: string, limit = 10): QuickSwitchHit[] {
    const s = this.fresh();
    if (!s.source) return [];
    s.index ??= new QuickSwitchIndex(s.source);
    return s.index.find(text, limit, this.deps.recentPageIds());
  }

  /** What quickSwitch matches against (every page, document and heading name), for the renderer to match locally. */
  async quickSwitchData(): Promise<QuickSwitchData> {
    const s = this.fresh();
    const source = s.source ?? { pages: [], docs: [], headings: [] };
    return { generation: s.generation, ...source, recent: this.deps.recentPageIds() };
  }

  /** The entries of the current index generation (none before the first import). */
  private fresh(): SwitcherState {
    const generation = this.repo.generation();
    if (this.state && this.state.generation === generation) return this.state;
    const blob = this.repo.blob(QUICK_SWITCH_BLOB);
    let source: QuickSwitchSource | null = null;
    if (blob) {
      const { facets } = this.repo.loadState();
      source = {
        pages: this.repo
          .findPageNames()
          .filter((p) => facets.has(p.no))
          .map((p): QuickSwitchPage => [p.no, p.pageId, p.title, facets.tier(p.no)]),
        ...decodeQuickSwitchBlob(blob),
      };
    }
    this.state = { generation, source, index: null };
    return this.state;
  }
}
