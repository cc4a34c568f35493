import { ApartmentOutlined, EditOutlined, PlusOutlined, SwapOutlined, TeamOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Descriptions, Empty, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { Org } from '../../http/types.ts';
import { useCan } from '../../auth/session.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { formatDateTime } from '../../components/format.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { useApiMutation } from '../../components/useApiMutation.ts';
import { ORG_CHANGE_INVALIDATES, setOrgActive, useOrgDetail } from './api.ts';

interface OrgDetailPanelProps {
  id: string;
  /** Direct children, from the tree the page already holds. */
  childOrgs: readonly Org[];
  onSelect: (id: string) => void;
  onCreateChild: (parent: Org) => void;
  onEdit: (org: Org) => void;
  onMove: (org: Org) => void;
}

/** One org: what it is, where it sits, what is below it, and (for the system administrator) what to do with it. */
export function OrgDetailPanel({ id, childOrgs, onSelect, onCreateChild, onEdit, onMove }: OrgDetailPanelProps) {
  const detail = useOrgDetail(id);
  const canManage = useCan('org.manage');
  const toggle = useApiMutation((active: boolean) => setOrgActive(id, active), {
    invalidate: ORG_CHANGE_INVALIDATES,
    success: (_org, active) => (active ? '已启用' : '已停用'),
  });

  if (detail.error) return <QueryError error={detail.error} onRetry={() => void detail.refetch()} />;
  const org = detail.data;
  if (!org) return <Skeleton active />;
  const isTop = org.parentId === null || org.ancestors.length === 0;

  return (
    <Flex vertical gap={16}>
      <div>
        {org.ancestors.length > 0 ? (
          <Breadcrumb
            items={org.ancestors.map((a) => ({ key: a.id, title: <a onClick={() => onSelect(a.id)}>{a.name}</a> }))}
            style={{ marginBottom: 4 }}
          />
        ) : null}
        <Typography.Title level={4} style={{ margin: 0 }} className={org.active ? undefined : 'lz-inactive'}>
          {org.name} {org.active ? null : <Tag>已停用</Tag>}
        </Typography.Title>
      </div>

      {canManage ? (
        <Flex wrap gap={8}>
          {org.active ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => onCreateChild(org)}>
              新建下级组织
            </Button>
          ) : null}
          <Button icon={<EditOutlined />} onClick={() => onEdit(org)}>
            编辑
          </Button>
          {isTop ? null : (
            <Button icon={<SwapOutlined />} onClick={() => onMove(org)} disabled={!org.active}>
              移动
            </Button>
          )}
          {isTop ? null : org.active ? (
            <ConfirmButton
              confirm={`停用“${org.name}”？`}
              detail="其全部下级组织将一并停用。停用后数据仍保留，可随时重新启用。"
              okText="停用"
              loading={toggle.isPending}
              onConfirm={() => toggle.mutateAsync(false)}
            >
              停用
            </ConfirmButton>
          ) : (
            <ConfirmButton danger={false} confirm={`重新启用“${org.name}”？`} okText="启用" loading={toggle.isPending} onConfirm={() => toggle.mutateAsync(true)}>
              启用
            </ConfirmButton>
          )}
        </Flex>
      ) : null}

      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 1, md: 2 }}
        items={[
          { key: 'kind', label: '组织类型', children: org.kindLabel },
          { key: 'code', label: '组织编码', children: org.code ?? '—' },
          { key: 'children', label: '直属下级组织', children: `${org.childCount} 个` },
          {
            key: 'people',
            label: '直属人员',
            children: <Link to={`/people?orgId=${org.id}&subtree=false`}>{org.peopleCount} 人</Link>,
          },
          { key: 'order', label: '排序', children: org.sortOrder },
          { key: 'status', label: '状态', children: org.active ? '启用' : `已停用（${formatDateTime(org.deactivatedAt)}）` },
          { key: 'created', label: '创建时间', children: formatDateTime(org.createdAt) },
          { key: 'updated', label: '更新时间', children: formatDateTime(org.updatedAt) },
        ]}
      />

      <Flex wrap gap={16}>
        <Link to={`/people?orgId=${org.id}`}>
          <TeamOutlined /> 本组织及下级的人员
        </Link>
        <Link to={`/duty?orgId=${org.id}`}>
          <ApartmentOutlined /> 责任分工与领导小组
        </Link>
      </Flex>

      <div>
        <Typography.Title level={5}>下级组织</Typography.Title>
        {childOrgs.length === 0 ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={canManage && org.active ? '还没有下级组织，点击“新建下级组织”开始' : '没有下级组织'}
          />
        ) : (
          <Table<Org>
            size="small"
            rowKey="id"
            dataSource={[...childOrgs]}
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            showHeader={false}
            columns={[
              {
                key: 'name',
                render: (_, child) => (
                  <a onClick={() => onSelect(child.id)} className={child.active ? undefined : 'lz-inactive'}>
                    {child.name}
                    {child.active ? '' : '（已停用）'}
                  </a>
                ),
              },
              { key: 'kind', align: 'right', render: (_, child) => <Tag variant="filled">{child.kindLabel}</Tag> },
            ]}
          />
        )}
      </div>
    </Flex>
  );
}
