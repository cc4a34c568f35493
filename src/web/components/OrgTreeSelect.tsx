import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useOrgList } from '../http/orgs.ts';
import type { Org } from '../http/types.ts';
import { buildOrgTree, toTreeData } from './orgTree.ts';

interface OrgTreeSelectProps {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  /** Restrict the choice (e.g. no org inside the one being moved). */
  selectable?: (org: Org) => boolean;
  style?: React.CSSProperties;
  id?: string;
}

/** Picks one active org from the user's scope, searchable by name. Works as an antd Form control. */
export function OrgTreeSelect({ value, onChange, placeholder = '选择组织', allowClear, selectable, style, id }: OrgTreeSelectProps) {
  const { data, isPending } = useOrgList();
  const treeData = useMemo(
    () => toTreeData(buildOrgTree(data?.items ?? []), selectable ? (org) => !selectable(org) : undefined),
    [data, selectable],
  );
  const firstLevel = useMemo(() => treeData.map((node) => node.key), [treeData]);
  return (
    <TreeSelect
      id={id}
      value={value ?? undefined}
      onChange={(next: string | undefined) => onChange?.(next)}
      treeData={treeData}
      loading={isPending}
      placeholder={placeholder}
      allowClear={allowClear}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandedKeys={firstLevel}
      popupMatchSelectWidth={false}
      style={{ minWidth: 200, ...style }}
    />
  );
}
