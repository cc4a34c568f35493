import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout } from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { Link, Outlet } from 'react-router';
import type { ModulePage } from '../app/moduleTypes.ts';
import { IdleWatcher } from '../auth/IdleWatcher.tsx';
import { useCurrentUser, useSession } from '../auth/session.ts';
import { FullPageSpin } from '../components/FullPageSpin.tsx';
import { buildMenu } from './menu.ts';
import { NotificationBell } from './NotificationBell.tsx';
import { SideMenu } from './SideMenu.tsx';
import { UserMenu } from './UserMenu.tsx';
import './layout.css';

/** The signed-in frame: module menu (a drawer on phones), header with the org and user menu, the page. */
export function AppLayout({ pages }: { pages: readonly ModulePage[] }) {
  const user = useCurrentUser();
  const { data: session } = useSession();
  const screens = Grid.useBreakpoint();
  const isPhone = !screens.md;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const sections = useMemo(() => buildMenu(pages, user.roles), [pages, user.roles]);

  return (
    <Layout className="lz-shell">
      <Layout.Header className="lz-header">
        {isPhone ? (
          <Button type="text" className="lz-header-button" icon={<MenuOutlined />} aria-label="打开菜单" onClick={() => setDrawerOpen(true)} />
        ) : (
          <Button
            type="text"
            className="lz-header-button"
            icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            aria-label={collapsed ? '展开菜单' : '收起菜单'}
            onClick={() => setCollapsed(!collapsed)}
          />
        )}
        <Link to="/" className="lz-brand">
          履职
        </Link>
        <span className="lz-org" title={user.orgName}>
          {user.orgName}
        </span>
        <NotificationBell compact={isPhone} />
        <UserMenu compact={isPhone} />
      </Layout.Header>
      <Layout>
        {isPhone ? (
          <Drawer placement="left" size={260} open={drawerOpen} onClose={() => setDrawerOpen(false)} title="功能菜单" styles={{ body: { padding: 0 } }}>
            <SideMenu sections={sections} onNavigate={() => setDrawerOpen(false)} />
          </Drawer>
        ) : (
          <Layout.Sider theme="light" width={208} collapsed={collapsed} collapsedWidth={64} className="lz-sider">
            <SideMenu sections={sections} />
          </Layout.Sider>
        )}
        <Layout.Content className="lz-content">
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      {session ? <IdleWatcher timeoutMinutes={session.idleTimeoutMinutes} /> : null}
    </Layout>
  );
}
