import { Card } from 'antd';
import type { ReactNode } from 'react';
import '../layout/layout.css';

/** The frame of the pages outside the app: login, first run, forced password change. */
export function AuthFrame({ title, wide, children }: { title: ReactNode; wide?: boolean; children: ReactNode }) {
  return (
    <div className="lz-auth-page">
      <div className={wide ? 'lz-auth-card lz-wide' : 'lz-auth-card'}>
        <div className="lz-auth-title">
          <h1>履职</h1>
          <p>意识形态工作责任制管理系统</p>
        </div>
        <Card title={title}>{children}</Card>
      </div>
    </div>
  );
}
