/** Materialized paths: "/rootId/childId/". A subtree is every path starting with its root's path. */
export function childPath(parentPath: string | null, id: string): string {
  return `${parentPath ?? '/'}${id}/`;
}

export function isWithin(path: string, ancestorPath: string): boolean {
  return path.startsWith(ancestorPath);
}

/** Ids on the path from the root down to the org itself. */
export function pathIds(path: string): string[] {
  return path.split('/').filter((s) => s.length > 0);
}

export function depth(path: string): number {
  return pathIds(path).length - 1;
}

export interface TreeNode<T> {
  item: T;
  children: TreeNode<T>[];
}

/** Builds a forest from flat rows, ordered by sort order then name. Orphans become roots. */
export function buildTree<T extends { id: string; parent_id: string | null; sort_order: number; name: string }>(
  rows: readonly T[],
): TreeNode<T>[] {
  const nodes = new Map(rows.map((r) => [r.id, { item: r, children: [] as TreeNode<T>[] }]));
  const roots: TreeNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.item.parent_id ? nodes.get(node.item.parent_id) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: TreeNode<T>[]) => {
    list.sort((a, b) => a.item.sort_order - b.item.sort_order || a.item.name.localeCompare(b.item.name, 'zh-CN'));
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}
