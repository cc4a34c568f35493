import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Col, Divider, Form, Input, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { DEFAULT_POLICY } from '../../../core/auth/passwordPolicy.ts';
import { isApiError } from '../../http/client.ts';
import { SESSION_KEY } from '../../auth/session.ts';
import { AuthFrame } from '../../components/AuthFrame.tsx';
import { ORG_KIND_OPTIONS } from '../../components/labels.ts';
import { PasswordField } from '../../components/password/PasswordField.tsx';
import { useApiMutation } from '../../components/useApiMutation.ts';
import { AdminCard, type AdminKey } from './AdminCard.tsx';
import { runSetup, type AdminAccountInput, type SetupInput, type SetupResult } from './api.ts';
import { SetupResultView } from './SetupResultView.tsx';

type Values = Omit<SetupInput, 'demo'> & { loadDemo: boolean; demo?: { password: string } };

const ADMINS: AdminKey[] = ['sysadmin', 'secadmin', 'auditor'];

const INITIAL: Partial<Values> = {
  org: { name: '', kind: 'party_group' },
  sysadmin: { username: 'sysadmin', displayName: '系统管理员', password: '' },
  secadmin: { username: 'secadmin', displayName: '安全管理员', password: '' },
  auditor: { username: 'auditor', displayName: '审计管理员', password: '' },
  loadDemo: false,
};

const account = (a: AdminAccountInput): AdminAccountInput => ({ username: a.username.trim(), displayName: a.displayName.trim(), password: a.password });

/** First run: the top organization, the three administrators, and optionally the demo bureau. */
export default function SetupPage() {
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const [needToken, setNeedToken] = useState(false);
  const [result, setResult] = useState<{ result: SetupResult; admins: string[] } | null>(null);
  const loadDemo = Form.useWatch('loadDemo', form) as boolean | undefined;

  const setup = useApiMutation(runSetup, {
    form,
    onSuccess: (created, input) => setResult({ result: created, admins: ADMINS.map((k) => input[k].username) }),
    onError: (error) => {
      if (isApiError(error) && error.code === 'SETUP_TOKEN') setNeedToken(true);
      // Someone else finished setup meanwhile: the refreshed session leads to the login page.
      if (isApiError(error) && error.code === 'SETUP_DONE') void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
    },
  });

  const submit = (values: Values) =>
    setup.mutate({
      org: { name: values.org.name.trim(), kind: values.org.kind },
      sysadmin: account(values.sysadmin),
      secadmin: account(values.secadmin),
      auditor: account(values.auditor),
      demo: values.loadDemo && values.demo ? { password: values.demo.password } : null,
      setupToken: values.setupToken?.trim() || undefined,
    });

  if (result) {
    return (
      <AuthFrame title="首次运行" wide>
        <SetupResultView result={result.result} admins={result.admins} onContinue={() => void queryClient.invalidateQueries({ queryKey: SESSION_KEY })} />
      </AuthFrame>
    );
  }

  return (
    <AuthFrame title="首次运行：建立组织和管理员账号" wide>
      <Form<Values> form={form} layout="vertical" initialValues={INITIAL} onFinish={submit} requiredMark={false} scrollToFirstError>
        <Typography.Title level={5}>一、顶级组织</Typography.Title>
        <Row gutter={16}>
          <Col xs={24} md={16}>
            <Form.Item name={['org', 'name']} label="组织全称" rules={[{ required: true, whitespace: true, min: 2, message: '请输入组织全称（至少2个字）' }]}>
              <Input placeholder="如：XX市XX局党组" maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name={['org', 'kind']} label="组织类型" rules={[{ required: true, message: '请选择组织类型' }]}>
              <Select options={ORG_KIND_OPTIONS} />
            </Form.Item>
          </Col>
        </Row>

        <Divider />
        <Typography.Title level={5}>二、三员账号</Typography.Title>
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="三员分立"
          description="按照网络安全等级保护的要求，系统管理、安全管理和安全审计分别由三个不同的账号负责，任何账号不能兼任，也不能同时拥有业务角色。请为三者分别设置账号，并将安全管理员、审计管理员的初始密码分别交给对应负责人。"
        />
        <Row gutter={[16, 16]}>
          {ADMINS.map((kind) => (
            <Col xs={24} lg={8} key={kind}>
              <AdminCard kind={kind} policy={DEFAULT_POLICY} />
            </Col>
          ))}
        </Row>

        <Divider />
        <Typography.Title level={5}>三、演示数据（可选）</Typography.Title>
        <Form.Item name="loadDemo" valuePropName="checked" extra="一个局机关：党组、8个处室、3个直属单位、约40名人员及本年度责任分工，去年和今年以来的台账记录（有几项要求有意未完成，便于看到提醒和问题），并创建若干演示业务账号，便于试用。正式使用时请勿勾选。">
          <Checkbox>加载演示数据</Checkbox>
        </Form.Item>
        {loadDemo ? <PasswordField name={['demo', 'password']} label="演示账号密码（所有演示账号共用）" policy={DEFAULT_POLICY} /> : null}

        {needToken ? (
          <Form.Item
            name="setupToken"
            label="初始化令牌"
            extra="从其他计算机访问时，须输入服务器启动日志中打印的初始化令牌。"
            rules={[{ required: true, whitespace: true, message: '请输入初始化令牌' }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        ) : null}

        <Button type="primary" htmlType="submit" size="large" block loading={setup.isPending}>
          {setup.isPending && loadDemo ? '正在初始化并加载演示数据…' : '完成初始化'}
        </Button>
      </Form>
    </AuthFrame>
  );
}
