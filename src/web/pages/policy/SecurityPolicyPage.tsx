import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Flex, Form, InputNumber, Popconfirm, Row, Select, Skeleton, Switch } from 'antd';
import { useEffect } from 'react';
import { DEFAULT_POLICY, NUMERIC_POLICY_KEYS, POLICY_BOUNDS, type SecurityPolicy } from '../../../core/auth/passwordPolicy.ts';
import { api } from '../../http/client.ts';
import { SESSION_KEY, useCan } from '../../auth/session.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { POLICY_KEY, useSecurityPolicy } from '../../components/password/usePasswordPolicy.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { useApiMutation } from '../../components/useApiMutation.ts';
import { ADMIN_ACCESS_HELP, POLICY_SECTIONS } from './policyFields.ts';
import { PolicyView } from './PolicyView.tsx';

/** The password, lockout and session policy: edited by the security administrator, read by the system administrator. */
export default function SecurityPolicyPage() {
  const canEdit = useCan('policy.manage');
  const policy = useSecurityPolicy();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SecurityPolicy>();
  const save = useApiMutation((values: SecurityPolicy) => api.put<SecurityPolicy>('/api/settings/security-policy', values), {
    form,
    invalidate: [POLICY_KEY],
    success: '安全策略已保存，新的规则立即生效',
    // The session carries the idle timeout the page counts down from.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: SESSION_KEY }),
  });

  useEffect(() => {
    if (policy.data && canEdit) form.setFieldsValue(policy.data);
  }, [policy.data, canEdit, form]);

  if (policy.error) return <QueryError error={policy.error} onRetry={() => void policy.refetch()} />;

  return (
    <>
      <PageHeader title="安全策略" description="密码、登录锁定、会话超时、审计日志保存期限和管理员访问的规则。默认值符合网络安全等级保护第三级的要求，只能调严或在允许范围内调整。" />
      {canEdit ? null : <Alert type="info" showIcon title="安全策略由安全管理员设置，此处仅供查看。" style={{ marginBottom: 16 }} />}
      {!policy.data ? (
        <Card>
          <Skeleton active />
        </Card>
      ) : !canEdit ? (
        <PolicyView policy={policy.data} />
      ) : (
        <Form form={form} layout="vertical" requiredMark={false} onFinish={(values) => save.mutate(values)}>
          <Row gutter={[16, 16]}>
            {POLICY_SECTIONS.map((section) => (
              <Col xs={24} lg={12} key={section.title}>
                <Card title={section.title} size="small" style={{ height: '100%' }}>
                  {section.fields.map((field) => {
                    const [min, max] = POLICY_BOUNDS[field.key];
                    return (
                      <Form.Item
                        key={field.key}
                        name={field.key}
                        label={field.label}
                        extra={`${field.help}可设 ${min}～${max}，默认 ${DEFAULT_POLICY[field.key]}。`}
                        rules={[
                          { required: true, message: `请填写${field.label}` },
                          { type: 'number', min, max, message: `${field.label}须在 ${min}～${max} 之间` },
                        ]}
                      >
                        <InputNumber min={min} max={max} precision={0} suffix={field.unit} style={{ width: 200 }} />
                      </Form.Item>
                    );
                  })}
                </Card>
              </Col>
            ))}
            <Col xs={24} lg={12}>
              <Card title="管理员访问" size="small" style={{ height: '100%' }}>
                <Form.Item name="adminIpAllowlist" label="允许三员登录的地址或网段" extra={ADMIN_ACCESS_HELP.adminIpAllowlist}>
                  <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={[',', '，', ' ', ';']} placeholder="输入后按回车，例如 10.0.0.0/8" style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item name="requireAdminMfa" label="三员必须使用双因素认证" valuePropName="checked" extra={ADMIN_ACCESS_HELP.requireAdminMfa}>
                  <Switch checkedChildren="开启" unCheckedChildren="关闭" />
                </Form.Item>
              </Card>
            </Col>
          </Row>
          <Flex wrap gap={8} style={{ marginTop: 16 }}>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              保存
            </Button>
            <Popconfirm
              title="恢复为等保三级默认值？"
              description="数值类规则将填入默认值（管理员访问设置保持不变），点击“保存”后生效。"
              okText="恢复"
              cancelText="取消"
              onConfirm={() => form.setFieldsValue(Object.fromEntries(NUMERIC_POLICY_KEYS.map((k) => [k, DEFAULT_POLICY[k]])))}
            >
              <Button>等保三级默认值</Button>
            </Popconfirm>
          </Flex>
        </Form>
      )}
    </>
  );
}
