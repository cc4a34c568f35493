import { Tag, Tooltip } from 'antd';
import { formatDateTime } from '../../components/format.ts';
import type { Account } from './api.ts';

export function AccountStatus({ account }: { account: Account }) {
  if (account.disabled) return <Tag>已停用</Tag>;
  const tags = [];
  if (account.locked) {
    tags.push(
      <Tooltip key="locked" title={`连续登录失败，锁定至 ${formatDateTime(account.lockedUntil)}`}>
        <Tag color="orange">已锁定</Tag>
      </Tooltip>,
    );
  }
  if (account.mustChangePassword) tags.push(<Tag key="pw" color="gold">待修改初始密码</Tag>);
  if (account.mfaEnrolled) tags.push(<Tag key="mfa" color="blue">已绑定动态验证码</Tag>);
  if (account.roles.length === 0) tags.push(<Tag key="roles" color="default">未授予角色</Tag>);
  return tags.length > 0 ? <>{tags}</> : <Tag color="green">正常</Tag>;
}
