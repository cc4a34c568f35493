import type { Org } from '../http/types.ts';

export interface OrgNode {
  org: Org;
  children: OrgNode[];
}

const byOrder = (a: OrgNode, b: OrgNode) =>
  a.org.sortOrder - b.org.sortOrder || a.org.name.localeCompare(b.org.name, 'zh-CN');

/**
 * Builds the org forest from the flat list the server returns. An org whose parent is not in the
 * list (the top of a user's scope, below the real root) becomes a root. Siblings sort by their
 * sort order, then by name.
 */
export function buildOrgTree(orgs: readonly Org[]): OrgNode[] {
  const nodes = new Map(orgs.map((org) => [org.id, { org, children: [] as OrgNode[] }]));
  const roots: OrgNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.org.parentId ? nodes.get(node.org.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: OrgNode[]) => {
    list.sort(byOrder);
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

/**
 * The part of the forest whose names contain `keyword`, with the ancestors that lead to them, and
 * the ids to expand so every match is visible. An empty keyword keeps everything.
 */
export function filterOrgTree(roots: readonly OrgNode[], keyword: string): { roots: OrgNode[]; expand: string[] } {
  const text = keyword.trim().toLowerCase();
  if (!text) return { roots: [...roots], expand: [] };
  const expand: string[] = [];
  const visit = (node: OrgNode): OrgNode | null => {
    const children = node.children.map(visit).filter((n): n is OrgNode => n !== null);
    const matches = node.org.name.toLowerCase().includes(text) || (node.org.code ?? '').toLowerCase() === text;
    if (children.length > 0) expand.push(node.org.id);
    return matches || children.length > 0 ? { org: node.org, children } : null;
  };
  return { roots: roots.map(visit).filter((n): n is OrgNode => n !== null), expand };
}

/** True when `org` is `ancestor` itself or lies below it. */
export const isInSubtree = (org: Pick<Org, 'path'>, ancestor: Pick<Org, 'path'>): boolean => org.path.startsWith(ancestor.path);

/** Orgs an org may move under: active ones outside its own subtree. */
export function moveTargets(orgs: readonly Org[], moving: Org): Org[] {
  return orgs.filter((org) => org.active && !isInSubtree(org, moving));
}

export interface OrgTreeData {
  key: string;
  value: string;
  title: string;
  disabled?: boolean;
  children: OrgTreeData[];
}

/** The forest in the shape antd's Tree and TreeSelect take. */
export function toTreeData(roots: readonly OrgNode[], disabled?: (org: Org) => boolean): OrgTreeData[] {
  return roots.map((node) => ({
    key: node.org.id,
    value: node.org.id,
    title: node.org.name,
    disabled: disabled?.(node.org) || undefined,
    children: toTreeData(node.children, disabled),
  }));
}
