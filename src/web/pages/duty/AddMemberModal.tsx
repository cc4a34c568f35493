import { Form, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { PersonSelect } from '../../components/PersonSelect.tsx';

export interface AddMemberValues<R extends string> {
  personId: string;
  role: R;
}

interface AddMemberModalProps<R extends string> {
  open: boolean;
  title: string;
  /** Whose people may be picked (the org and its subtree). */
  orgId: string;
  roleLabel: string;
  roleOptions: { value: R; label: string }[];
  initialRole?: R;
  pending: boolean;
  onSubmit: (values: AddMemberValues<R>) => void;
  onClose: () => void;
}

/** Picks a person and a role for them: used for duty roles and for leading-group members. */
export function AddMemberModal<R extends string>({ open, title, orgId, roleLabel, roleOptions, initialRole, pending, onSubmit, onClose }: AddMemberModalProps<R>) {
  const [form] = Form.useForm<AddMemberValues<R>>();
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (initialRole) form.setFieldsValue({ role: initialRole } as Partial<AddMemberValues<R>>);
  }, [open, initialRole, form]);

  return (
    <Modal open={open} title={title} okText="添加" cancelText="取消" confirmLoading={pending} onOk={() => form.submit()} onCancel={onClose} forceRender>
      <Form form={form} layout="vertical" onFinish={onSubmit}>
        <Form.Item name="personId" label="人员" rules={[{ required: true, message: '请选择人员' }]} extra="可选择本组织及其下级组织的人员；找不到时请先在“人员”中添加。">
          <PersonSelect orgId={orgId} />
        </Form.Item>
        <Form.Item name="role" label={roleLabel} rules={[{ required: true, message: `请选择${roleLabel}` }]}>
          <Select options={roleOptions} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
