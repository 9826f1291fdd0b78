import type { Heading } from '../../shared/domain';

/** A task-list item as written (`- [ ] text`), with the section it sits in. */
export interface RenderedTask {
  text: string;
  checked: boolean;
  line: number;
  sectionSlug: string;
  sectionTitle: string;
}

/** A fenced code block, with the section it sits in (yaml fences can hold checklists). */
export interface RenderedFence {
  lang: string;
  content: string;
  line: number;
  sectionSlug: string;
  sectionTitle: string;
}

/** A link as written in the page; its index n is the `data-link="n"` attribute in the HTML. */
export interface RenderedLink {
  href: string;
  line: number;
}

/** Plain text of one heading section (the search unit). The lead section has no heading. */
export interface RenderedSection {
  anchor: string | null;
  heading: string | null;
  level: number;
  text: string;
}

export interface RenderedPage {
  /**
   * HTML, not yet sanitised (the renderer sanitises as the last step). Links that may
   * be internal are emitted as `<a href="…" data-link="n">`, to be resolved by the importer.
   */
  html: string;
  headings: Heading[];
  sections: RenderedSection[];
  links: RenderedLink[];
  tasks: RenderedTask[];
  fences: RenderedFence[];
  /** Title of the first H1, if any. */
  firstH1: string | null;
  wordCount: number;
  /** Problems met while rendering (unclosed fence, over the size cap…). */
  problems: string[];
  /** Counts of the parts the renderer treats specially (math is typeset, diagrams are placeholders). */
  features: RenderedFeatures;
}

export interface RenderedFeatures {
  /** Typeset formulas (inline and display). */
  math: number;
  /** Mermaid diagram placeholders. */
  diagrams: number;
  /** Raw `<script>` elements (never run; the page gets an "interactive part unavailable" notice). */
  scripts: number;
}

export interface RenderOptions {
  /** Page id, for messages and keys. */
  pageId: string;
  /** Time budget in ms (default RENDER_BUDGET_MS); past it, the rest of the page is shown as plain text. */
  budgetMs?: number;
}
