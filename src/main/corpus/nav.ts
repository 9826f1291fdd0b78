import { posix } from 'node:path';
import type { NavNode, PageId } from '../../shared/domain';
import { pageIdOf } from './link-resolver';

export interface NavBuild {
  tree: NavNode[];
  /** nav entries that name files which do not exist */
  missing: string[];
  /** pages not listed in nav (placed under their folders) */
  unlisted: PageId[];
}

function titleFromFolder(folder: string): string {
  const name = posix.basename(folder) || 'Other pages';
  return name.replace(/[-_]+/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());
}

/**
 * Builds the navigation tree: the order and sections of mkdocs.yml `nav`, then every page
 * not listed there placed under the nav section that holds its folder (or a folder node).
 */
export function buildNav(
  navSpec: unknown,
  pages: ReadonlyMap<PageId, string>,
  aliases: ReadonlyMap<PageId, PageId | null>,
): NavBuild {
  const missing: string[] = [];
  const listed = new Set<PageId>();
  /** folder → deepest section node that lists a page of that folder */
  const folderHome = new Map<string, NavNode>();

  const toNode = (title: string | null, value: unknown): NavNode | null => {
    if (typeof value === 'string') {
      if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return null; // external link in nav: not a page
      const path = value.replace(/^\/+/, '');
      let id = pageIdOf(path);
      if (!pages.has(id) && aliases.get(id)) id = aliases.get(id)!;
      if (!pages.has(id)) {
        missing.push(value);
        return { title: title ?? path, pageId: null, missing: true, children: [] };
      }
      listed.add(id);
      return { title: title ?? pages.get(id)!, pageId: id, children: [] };
    }
    if (Array.isArray(value)) {
      const children = value.map((v) => fromItem(v)).filter((n): n is NavNode => n !== null);
      const node: NavNode = { title: title ?? '', pageId: null, children };
      // MkDocs' navigation.indexes: a section's first child that is its folder's index page is the section page.
      const first = children[0];
      if (first?.pageId && /(^|\/)index$/.test(first.pageId)) node.pageId = first.pageId;
      for (const c of children) {
        if (c.pageId) {
          const folder = posix.dirname(c.pageId);
          if (!folderHome.has(folder)) folderHome.set(folder, node); // inner sections are built first: deepest wins
        }
      }
      return node;
    }
    return null;
  };

  const fromItem = (item: unknown): NavNode | null => {
    if (typeof item === 'string') return toNode(null, item);
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      const [title, value] = Object.entries(item as Record<string, unknown>)[0] ?? [];
      return title === undefined ? null : toNode(String(title), value);
    }
    return null;
  };

  const tree = Array.isArray(navSpec)
    ? navSpec.map((i) => fromItem(i)).filter((n): n is NavNode => n !== null)
    : [];

  const unlisted = [...pages.keys()].filter((id) => !listed.has(id)).sort();
  const folderNodes = new Map<string, NavNode>();
  const folderNode = (folder: string): NavNode => {
    const home = folderHome.get(folder);
    if (home) return home;
    let node = folderNodes.get(folder);
    if (!node) {
      node = {
        title: titleFromFolder(folder === '.' ? '' : folder),
        pageId: null,
        unlisted: true,
        children: [],
      };
      folderNodes.set(folder, node);
      if (folder === '.' || folder === '') tree.push(node);
      else folderNode(posix.dirname(folder)).children.push(node);
    }
    return node;
  };
  for (const id of unlisted) {
    folderNode(posix.dirname(id)).children.push({
      title: pages.get(id)!,
      pageId: id,
      unlisted: true,
      children: [],
    });
  }
  return { tree, missing, unlisted };
}
