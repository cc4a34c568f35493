import { Button, Drawer, Flex, Form, Input } from 'antd';
import { useEffect } from 'react';
import { emailError, phoneError } from '../../../core/org/contact.ts';
import { PERSON_NAME_MAX, POSITION_MAX } from '../../../core/org/fields.ts';
import type { Person } from '../../http/types.ts';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { useApiMutation } from '../../components/useApiMutation.ts';
import { createPerson, PEOPLE_KEY, updatePerson, type PersonInput } from './api.ts';
import { ContactInput } from './ContactInput.tsx';

export type PersonDrawerTarget = { mode: 'create'; orgId?: string } | { mode: 'edit'; person: Person };

const contactRule = (check: (value: string) => string | null) => ({
  validator: async (_rule: unknown, value: string | null | undefined) => {
    const problem = value ? check(value) : null;
    if (problem) throw new Error(problem);
  },
});

function toInput(values: PersonInput): PersonInput {
  return {
    orgId: values.orgId,
    name: values.name.trim(),
    position: values.position?.trim() || null,
    // Undefined keys vanish from the JSON body: the server keeps those values.
    phone: typeof values.phone === 'string' ? values.phone.trim() : values.phone,
    email: typeof values.email === 'string' ? values.email.trim() : values.email,
  };
}

/** Adds or edits a person: org, name, position and optional contact details. */
export function PersonDrawer({ target, onClose }: { target: PersonDrawerTarget | null; onClose: () => void }) {
  const [form] = Form.useForm<PersonInput>();
  const editing = target?.mode === 'edit' ? target.person : null;
  const save = useApiMutation((values: PersonInput) => (editing ? updatePerson(editing.id, toInput(values)) : createPerson(toInput(values))), {
    form,
    invalidate: [PEOPLE_KEY, ['orgs']],
    success: (person) => (editing ? `已保存“${person.name}”` : `已添加“${person.name}”`),
    onSuccess: onClose,
  });

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'edit') {
      const { orgId, name, position } = target.person;
      form.setFieldsValue({ orgId, name, position });
    } else if (target.orgId) {
      form.setFieldsValue({ orgId: target.orgId });
    }
  }, [target, form]);

  return (
    <Drawer
      open={!!target}
      title={editing ? `编辑人员：${editing.name}` : '新增人员'}
      size={440}
      onClose={onClose}
      forceRender
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            保存
          </Button>
        </Flex>
      }
    >
      <Form form={form} layout="vertical" onFinish={(values) => save.mutate(values)} requiredMark="optional">
        <Form.Item name="orgId" label="所属组织" rules={[{ required: true, message: '请选择所属组织' }]}>
          <OrgTreeSelect style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="name" label="姓名" rules={[{ required: true, whitespace: true, message: '请输入姓名' }, { max: PERSON_NAME_MAX, message: `姓名不能超过${PERSON_NAME_MAX}个字` }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="position" label="职务" rules={[{ max: POSITION_MAX, message: `职务不能超过${POSITION_MAX}个字` }]}>
          <Input placeholder="如：党组书记、局长" autoComplete="off" />
        </Form.Item>
        <Form.Item name="phone" label="电话" rules={[contactRule(phoneError)]} extra="选填。仅用于工作联系，列表中脱敏显示。">
          <ContactInput current={editing?.phone ?? null} placeholder="手机号或固话，如 13912345678" />
        </Form.Item>
        <Form.Item name="email" label="邮箱" rules={[contactRule(emailError)]}>
          <ContactInput current={editing?.email ?? null} placeholder="如 name@example.com" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
