import { Alert, Form, Modal } from 'antd';
import { useCallback, useEffect } from 'react';
import type { Org } from '../../http/types.ts';
import { isInSubtree } from '../../components/orgTree.ts';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { useApiMutation } from '../../components/useApiMutation.ts';
import { moveOrg, ORG_CHANGE_INVALIDATES } from './api.ts';

/** Moves an org, with its whole subtree, under another org (never under itself or its own subtree). */
export function MoveOrgModal({ org, onClose }: { org: Org | null; onClose: () => void }) {
  const [form] = Form.useForm<{ parentId: string }>();
  const move = useApiMutation((parentId: string) => moveOrg(org!.id, parentId), {
    form,
    invalidate: ORG_CHANGE_INVALIDATES,
    success: '已移动',
    onSuccess: onClose,
  });
  const selectable = useCallback((target: Org) => !!org && !isInSubtree(target, org) && target.id !== org.parentId, [org]);

  useEffect(() => {
    if (org) form.resetFields();
  }, [org, form]);

  return (
    <Modal
      open={!!org}
      title={`移动组织：${org?.name ?? ''}`}
      okText="移动"
      cancelText="取消"
      confirmLoading={move.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Alert type="info" showIcon title="连同其全部下级组织、人员一起移动到新的上级组织下。" style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={({ parentId }) => move.mutate(parentId)}>
        <Form.Item name="parentId" label="新的上级组织" rules={[{ required: true, message: '请选择新的上级组织' }]}>
          <OrgTreeSelect selectable={selectable} placeholder="选择新的上级组织（不能是其自身或下级）" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
