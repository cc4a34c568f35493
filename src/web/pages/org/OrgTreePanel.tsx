import { Empty, Flex, Input, Switch, Tag, Tree, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Org } from '../../http/types.ts';
import { buildOrgTree, filterOrgTree, type OrgNode } from '../../components/orgTree.ts';

interface TreeItem {
  key: string;
  title: React.ReactNode;
  children: TreeItem[];
}

function toItems(nodes: readonly OrgNode[]): TreeItem[] {
  return nodes.map(({ org, children }) => ({
    key: org.id,
    title: (
      <span className={org.active ? undefined : 'lz-inactive'}>
        {org.name}
        <Tag variant="filled" style={{ marginInlineStart: 6, fontSize: 11, lineHeight: '16px', paddingInline: 4 }}>
          {org.kindLabel}
        </Tag>
        {org.active ? null : <span>（已停用）</span>}
      </span>
    ),
    children: toItems(children),
  }));
}

interface OrgTreePanelProps {
  orgs: readonly Org[];
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  showInactive: boolean;
  onShowInactiveChange: (show: boolean) => void;
}

/** The searchable org tree; deactivated orgs only when asked for, and greyed. */
export function OrgTreePanel({ orgs, selectedId, onSelect, showInactive, onShowInactiveChange }: OrgTreePanelProps) {
  const [keyword, setKeyword] = useState('');
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const roots = useMemo(() => buildOrgTree(orgs), [orgs]);
  const filtered = useMemo(() => filterOrgTree(roots, keyword), [roots, keyword]);
  const items = useMemo(() => toItems(filtered.roots), [filtered]);
  // Until the user expands or collapses by hand: the first two levels, or every search match.
  const expandedKeys = keyword ? filtered.expand : (expanded ?? roots.map((r) => r.org.id));

  return (
    <Flex vertical gap={12}>
      <Input.Search placeholder="按名称或编码搜索" allowClear value={keyword} onChange={(e) => setKeyword(e.target.value)} />
      <Flex align="center" gap={8}>
        <Switch size="small" checked={showInactive} onChange={onShowInactiveChange} id="show-inactive" />
        <label htmlFor="show-inactive">
          <Typography.Text type="secondary">显示已停用的组织</Typography.Text>
        </label>
      </Flex>
      {items.length === 0 ? (
        <Empty description={keyword ? '没有名称匹配的组织' : '暂无组织'} />
      ) : (
        <Tree
          treeData={items}
          selectedKeys={selectedId ? [selectedId] : []}
          expandedKeys={expandedKeys}
          onExpand={(keys) => {
            if (!keyword) setExpanded(keys.map(String));
          }}
          onSelect={(keys) => {
            if (keys[0] !== undefined) onSelect(String(keys[0]));
          }}
          blockNode
        />
      )}
    </Flex>
  );
}
