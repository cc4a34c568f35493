import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Table, Typography } from 'antd';
import { useState } from 'react';
import { DUTY_ROLE_LABELS, DUTY_ROLES, type DutyRole } from '../../../core/org/kinds.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useApiMutation } from '../../components/useApiMutation.ts';
import { AddMemberModal, type AddMemberValues } from './AddMemberModal.tsx';
import { assignDuty, DUTY_KEY, removeDuty, useDutyAssignments, type DutyAssignment } from './api.ts';

const ROLE_HINTS: Record<DutyRole, string> = {
  primary: '党委（党组）领导班子集体承担',
  first_responsible: '党委（党组）书记',
  direct: '分管意识形态工作的领导',
  dual_duty: '其他班子成员，抓好分管领域的意识形态工作',
};

const ROLE_OPTIONS = DUTY_ROLES.map((role) => ({ value: role, label: DUTY_ROLE_LABELS[role] }));

/** The four duty roles of an org in a year, one small table each. */
export function DutyRolesSection({ orgId, year, canManage }: { orgId: string; year: number; canManage: boolean }) {
  const assignments = useDutyAssignments(orgId, year);
  const [adding, setAdding] = useState<DutyRole | null>(null);
  const add = useApiMutation((v: AddMemberValues<DutyRole>) => assignDuty(orgId, { personId: v.personId, year, role: v.role }), {
    invalidate: [DUTY_KEY],
    success: (a) => `已将${a.personName}设为${a.roleLabel}`,
    onSuccess: () => setAdding(null),
  });
  const remove = useApiMutation((a: DutyAssignment) => removeDuty(a.id), { invalidate: [DUTY_KEY], success: '已移除' });

  if (assignments.error) return <QueryError error={assignments.error} onRetry={() => void assignments.refetch()} />;
  const items = assignments.data?.items ?? [];

  return (
    <>
      <Row gutter={[16, 16]}>
        {DUTY_ROLES.map((role) => (
          <Col xs={24} lg={12} key={role}>
            <Card
              size="small"
              title={DUTY_ROLE_LABELS[role]}
              extra={
                canManage ? (
                  <Button size="small" type="link" icon={<PlusOutlined />} onClick={() => setAdding(role)}>
                    添加
                  </Button>
                ) : null
              }
              style={{ height: '100%' }}
            >
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
                {ROLE_HINTS[role]}
              </Typography.Paragraph>
              <Table<DutyAssignment>
                size="small"
                rowKey="id"
                loading={assignments.isPending}
                pagination={false}
                dataSource={items.filter((a) => a.role === role)}
                locale={{ emptyText: canManage ? `尚未指定${DUTY_ROLE_LABELS[role]}，点击“添加”` : `尚未指定${DUTY_ROLE_LABELS[role]}` }}
                columns={[
                  { title: '姓名', dataIndex: 'personName' },
                  { title: '职务', dataIndex: 'position', render: (v: string | null) => v ?? '—' },
                  ...(canManage
                    ? [
                        {
                          title: '操作',
                          key: 'actions',
                          width: 72,
                          render: (_: unknown, a: DutyAssignment) => (
                            <ConfirmButton type="link" size="small" confirm={`移除${a.personName}的“${a.roleLabel}”？`} okText="移除" onConfirm={() => remove.mutateAsync(a)}>
                              移除
                            </ConfirmButton>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <AddMemberModal<DutyRole>
        open={adding !== null}
        title={`${year}年度 · 添加责任人`}
        orgId={orgId}
        roleLabel="责任角色"
        roleOptions={ROLE_OPTIONS}
        initialRole={adding ?? undefined}
        pending={add.isPending}
        onSubmit={(v) => add.mutate(v)}
        onClose={() => setAdding(null)}
      />
    </>
  );
}
