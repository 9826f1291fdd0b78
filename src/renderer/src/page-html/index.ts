/** Page content for the UI: call mountPageHtml with the stored HTML of a page. */
import 'katex/dist/katex.min.css';
import './page-palette.css';
import './page-html.css';
import './page-blocks.css';
import './page-code.css';
import './page-diagrams.css';

export { mountPageHtml, type MountedPage, type MountOptions } from './mount';
export { findAnchor, openEnclosingTabs } from './enhance';
export { drawAllDiagrams } from './mermaid';
export { ID_PREFIX } from './sanitize';
