import { describe, expect, it } from 'vitest';
import type { Org } from '../http/types.ts';
import { buildOrgTree, filterOrgTree, isInSubtree, moveTargets, toTreeData } from './orgTree.ts';

function org(id: string, parentId: string | null, path: string, name: string, extra: Partial<Org> = {}): Org {
  return {
    id, parentId, path, name, kind: 'department', kindLabel: '处室/科室', code: null, sortOrder: 0, active: true,
    deactivatedAt: null, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', ...extra,
  };
}

const ORGS: Org[] = [
  org('b', 'root', '/root/b/', '宣传科', { sortOrder: 2 }),
  org('root', null, '/root/', '市文旅局党组', { kind: 'party_group' }),
  org('a', 'root', '/root/a/', '办公室', { sortOrder: 1, code: 'BGS' }),
  org('b1', 'b', '/root/b/b1/', '网络宣传组'),
  org('c', 'root', '/root/c/', '艺术科', { sortOrder: 2 }),
  org('x', 'old', '/old/x/', '已撤并单位', { active: false }),
];

const names = (nodes: ReturnType<typeof buildOrgTree>): unknown[] =>
  nodes.map((n) => (n.children.length ? [n.org.name, names(n.children)] : n.org.name));

describe('org tree builder', () => {
  it('nests the flat list and orders siblings by sort order, then by name', () => {
    // Equal sort orders fall back to the pinyin order of the name: 宣传科 (xuān) before 艺术科 (yì).
    expect(names(buildOrgTree(ORGS))).toEqual([['市文旅局党组', ['办公室', ['宣传科', ['网络宣传组']], '艺术科']], '已撤并单位']);
  });

  it('makes an org whose parent is out of scope a root', () => {
    const roots = buildOrgTree(ORGS.filter((o) => o.id !== 'root'));
    expect(roots.map((r) => r.org.id)).toEqual(['x', 'a', 'b', 'c']);
  });

  it('keeps search matches with the ancestors that lead to them, and expands those ancestors', () => {
    const { roots, expand } = filterOrgTree(buildOrgTree(ORGS), '网络');
    expect(names(roots)).toEqual([['市文旅局党组', [['宣传科', ['网络宣传组']]]]]);
    expect(expand.sort()).toEqual(['b', 'root']);
  });

  it('finds an org by its exact code', () => {
    expect(names(filterOrgTree(buildOrgTree(ORGS), 'bgs').roots)).toEqual([['市文旅局党组', ['办公室']]]);
  });

  it('offers as move targets only active orgs outside the moving subtree', () => {
    const b = ORGS.find((o) => o.id === 'b')!;
    expect(isInSubtree(ORGS.find((o) => o.id === 'b1')!, b)).toBe(true);
    expect(moveTargets(ORGS, b).map((o) => o.id).sort()).toEqual(['a', 'c', 'root']);
  });

  it('converts to antd tree data with disabled nodes', () => {
    const data = toTreeData(buildOrgTree(ORGS), (o) => !o.active);
    expect(data[1]).toMatchObject({ key: 'x', value: 'x', title: '已撤并单位', disabled: true });
    expect(data[0]!.disabled).toBeUndefined();
  });
});
