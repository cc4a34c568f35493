import { DownOutlined, KeyOutlined, LaptopOutlined, LogoutOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Avatar, Button, Dropdown, Space, Typography, type MenuProps } from 'antd';
import { useNavigate } from 'react-router';
import { api } from '../http/client.ts';
import { errorMessage } from '../http/formErrors.ts';
import { setLoginNotice } from '../auth/loginNotice.ts';
import { dropSession, useCurrentUser } from '../auth/session.ts';
import { isAdminRole } from '../../core/auth/roles.ts';
import { roleLabel } from '../components/labels.ts';

export function UserMenu({ compact }: { compact: boolean }) {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();

  const logout = async () => {
    try {
      await api.post('/api/auth/logout');
    } catch (error) {
      void message.error(errorMessage(error));
      return;
    }
    setLoginNotice('loggedOut');
    dropSession(queryClient);
    void navigate('/login', { replace: true });
  };

  const items: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      label: (
        <div style={{ maxWidth: 240 }}>
          <div>{user.displayName}（{user.username}）</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {user.orgName} · {user.roles.map(roleLabel).join('、') || '未授予角色'}
          </Typography.Text>
        </div>
      ),
    },
    { type: 'divider' },
    { key: '/account/password', icon: <KeyOutlined />, label: '修改密码' },
    { key: '/account/sessions', icon: <LaptopOutlined />, label: '我的会话' },
    ...(user.roles.some(isAdminRole) ? [{ key: '/account/mfa', icon: <SafetyOutlined />, label: '双因素认证' }] : []),
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', danger: true },
  ];

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items,
        onClick: ({ key }) => {
          if (key === 'logout') void logout();
          else void navigate(key);
        },
      }}
    >
      <Button type="text" className="lz-header-button" aria-label="用户菜单" style={{ paddingInline: 6 }}>
        <Space size={6}>
          <Avatar size="small" icon={<UserOutlined />} style={{ background: 'rgba(255,255,255,0.25)' }} />
          {compact ? null : <span>{user.displayName}</span>}
          <DownOutlined style={{ fontSize: 10 }} />
        </Space>
      </Button>
    </Dropdown>
  );
}
