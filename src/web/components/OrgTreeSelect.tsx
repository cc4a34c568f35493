import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useOrgList } from '../http/orgs.ts';
import type { Org } from '../http/types.ts';
import { buildOrgTree, toTreeData } from './orgTree.ts';

interface CommonProps {
  placeholder?: string;
  allowClear?: boolean;
  /** Restrict the choice (e.g. no org inside the one being moved). */
  selectable?: (org: Org) => boolean;
  style?: React.CSSProperties;
  id?: string;
}

interface SingleProps extends CommonProps {
  multiple?: false;
  value?: string | null;
  onChange?: (value: string | undefined) => void;
}

interface MultipleProps extends CommonProps {
  multiple: true;
  value?: string[] | null;
  onChange?: (value: string[]) => void;
}

type OrgTreeSelectProps = SingleProps | MultipleProps;

/** Picks one active org from the user's scope (several with `multiple`), searchable by name. Works as an antd Form control. */
export function OrgTreeSelect(props: OrgTreeSelectProps) {
  const { placeholder = '选择组织', allowClear, selectable, style, id } = props;
  const { data, isPending } = useOrgList();
  const treeData = useMemo(
    () => toTreeData(buildOrgTree(data?.items ?? []), selectable ? (org) => !selectable(org) : undefined),
    [data, selectable],
  );
  const firstLevel = useMemo(() => treeData.map((node) => node.key), [treeData]);
  return (
    <TreeSelect
      id={id}
      multiple={props.multiple}
      value={props.value ?? undefined}
      onChange={(next: string | string[] | undefined) => {
        if (props.multiple) props.onChange?.(next === undefined ? [] : [next].flat());
        else props.onChange?.(next as string | undefined);
      }}
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
