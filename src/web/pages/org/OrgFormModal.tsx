import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { ORG_CODE_MAX, ORG_CODE_MESSAGE, ORG_CODE_PATTERN, ORG_NAME_MAX, SORT_ORDER_MAX } from '../../../core/org/fields.ts';
import type { Org } from '../../http/types.ts';
import { ORG_KIND_OPTIONS } from '../../components/labels.ts';
import { useApiMutation } from '../../components/useApiMutation.ts';
import { createOrg, ORG_CHANGE_INVALIDATES, updateOrg, type OrgFields } from './api.ts';

export type OrgFormTarget = { mode: 'create'; parent: Org } | { mode: 'edit'; org: Org };

/** Creates a child org or edits one (name, kind, code, order). */
export function OrgFormModal({ target, onClose, onSaved }: { target: OrgFormTarget | null; onClose: () => void; onSaved: (org: Org) => void }) {
  const [form] = Form.useForm<OrgFields>();
  const save = useApiMutation(
    (fields: OrgFields) => (target?.mode === 'edit' ? updateOrg(target.org.id, fields) : createOrg((target as { parent: Org }).parent.id, fields)),
    {
      form,
      invalidate: ORG_CHANGE_INVALIDATES,
      success: (org) => (target?.mode === 'edit' ? `已保存“${org.name}”` : `已新建“${org.name}”`),
      onSuccess: (org) => onSaved(org),
    },
  );

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'edit') {
      const { name, kind, code, sortOrder } = target.org;
      form.setFieldsValue({ name, kind, code, sortOrder });
    } else {
      form.setFieldsValue({ kind: 'department' });
    }
  }, [target, form]);

  return (
    <Modal
      open={!!target}
      title={target?.mode === 'edit' ? `编辑组织：${target.org.name}` : `新建下级组织${target ? `（上级：${target.parent.name}）` : ''}`}
      okText="保存"
      cancelText="取消"
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(fields) => save.mutate(fields)} requiredMark="optional">
        <Form.Item name="name" label="组织名称" rules={[{ required: true, whitespace: true, message: '请输入组织名称' }, { max: ORG_NAME_MAX, message: `组织名称不能超过${ORG_NAME_MAX}个字` }]}>
          <Input placeholder="如：办公室、机关第一党支部" autoFocus />
        </Form.Item>
        <Form.Item name="kind" label="组织类型" rules={[{ required: true, message: '请选择组织类型' }]}>
          <Select options={ORG_KIND_OPTIONS} />
        </Form.Item>
        <Form.Item
          name="code"
          label="组织编码"
          extra="选填。Excel 批量导入时按编码匹配已有组织。"
          rules={[{ max: ORG_CODE_MAX, message: ORG_CODE_MESSAGE }, { pattern: ORG_CODE_PATTERN, message: ORG_CODE_MESSAGE }]}
        >
          <Input placeholder="如：BGS" />
        </Form.Item>
        <Form.Item name="sortOrder" label="排序" extra="同级组织按此从小到大排列；不填则排在最后。">
          <InputNumber min={0} max={SORT_ORDER_MAX} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
