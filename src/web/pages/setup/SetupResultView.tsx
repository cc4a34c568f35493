import { Button, Result, Table, Typography } from 'antd';
import { roleLabel } from '../../components/labels.ts';
import type { SetupResult } from './api.ts';

/** What setup created, and the way to the login page. */
export function SetupResultView({ result, admins, onContinue }: { result: SetupResult; admins: string[]; onContinue: () => void }) {
  return (
    <Result
      status="success"
      title="初始化完成"
      subTitle={`已创建三员账号：${admins.join('、')}。请将安全管理员和审计管理员的初始密码分别交给对应负责人，他们首次登录时须修改密码。`}
      extra={
        <Button type="primary" onClick={onContinue}>
          前往登录
        </Button>
      }
    >
      {result.demoAccounts.length > 0 ? (
        <>
          <Typography.Paragraph>已加载演示数据。以下演示账号的密码均为您设置的演示账号密码：</Typography.Paragraph>
          <Table
            size="small"
            rowKey="username"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={result.demoAccounts}
            columns={[
              { title: '用户名', dataIndex: 'username' },
              { title: '姓名', dataIndex: 'displayName' },
              { title: '角色', dataIndex: 'roles', render: (roles: string[]) => roles.map(roleLabel).join('、') },
            ]}
          />
        </>
      ) : null}
    </Result>
  );
}
