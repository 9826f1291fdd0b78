import type { NavNode, PageId } from '../../shared/domain';

/** Key of a node: its index path from the root, e.g. `2.0.5`. */
export type NavKey = string;

/** Keys of the nodes that must be open to reveal `id` (its ancestors, not itself), or null when absent. */
export function ancestorKeysOf(nodes: readonly NavNode[], id: PageId, prefix = ''): NavKey[] | null {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const key = prefix ? `${prefix}.${i}` : String(i);
    if (node.pageId === id) return [];
    const below = ancestorKeysOf(node.children, id, key);
    if (below) return [key, ...below];
  }
  return null;
}

/** Titles from the root to the node of `id`, for breadcrumbs; null when the page is not in the tree. */
export function trailOf(
  nodes: readonly NavNode[],
  id: PageId,
): { title: string; pageId: PageId | null }[] | null {
  for (const node of nodes) {
    if (node.pageId === id) return [{ title: node.title, pageId: node.pageId }];
    const below = trailOf(node.children, id);
    if (below) return [{ title: node.title, pageId: node.pageId }, ...below];
  }
  return null;
}
