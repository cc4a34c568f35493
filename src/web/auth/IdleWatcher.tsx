import { useQueryClient } from '@tanstack/react-query';
import { Button, Modal, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api, lastServerContact } from '../http/client.ts';
import { idlePhase, needsKeepAlive, readSharedActivity, writeSharedActivity, type IdlePhase } from './idle.ts';
import { setLoginNotice } from './loginNotice.ts';
import { dropSession, refreshSession } from './session.ts';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'mousemove'] as const;

/**
 * Ends the session after `timeoutMinutes` without user activity, with a warning shortly before.
 * The server enforces the same timeout; this side makes it visible instead of a surprise.
 */
export function IdleWatcher({ timeoutMinutes }: { timeoutMinutes: number }) {
  const queryClient = useQueryClient();
  const lastActivity = useRef(Date.now());
  const [phase, setPhase] = useState<IdlePhase>('active');
  // While the warning shows, only its button (or work in another tab) counts as coming back.
  const warning = useRef(false);
  warning.current = phase === 'warning';
  const [secondsLeft, setSecondsLeft] = useState(0);
  const timeoutMs = timeoutMinutes * 60_000;

  useEffect(() => {
    let lastShared = 0;
    const onActivity = () => {
      if (warning.current) return;
      const now = Date.now();
      lastActivity.current = now;
      if (now - lastShared > 5_000) {
        lastShared = now;
        writeSharedActivity(now);
      }
    };
    ACTIVITY_EVENTS.forEach((name) => window.addEventListener(name, onActivity, { passive: true }));
    return () => ACTIVITY_EVENTS.forEach((name) => window.removeEventListener(name, onActivity));
  }, []);

  useEffect(() => {
    let ending = false;
    const tick = () => {
      const now = Date.now();
      const last = Math.max(lastActivity.current, readSharedActivity());
      const next = idlePhase(now, last, timeoutMs);
      setPhase(next);
      setSecondsLeft(Math.max(0, Math.ceil((last + timeoutMs - now) / 1000)));
      if (next === 'active' && needsKeepAlive(now, last, lastServerContact(), timeoutMs)) {
        void refreshSession(queryClient).catch(() => {});
      }
      if (next === 'expired' && !ending) {
        ending = true;
        // Best effort: the server may already have ended the session on its own.
        void api.post('/api/auth/logout').catch(() => {}).finally(() => {
          setLoginNotice('expired');
          dropSession(queryClient);
        });
      }
    };
    const timer = window.setInterval(tick, 1_000);
    return () => window.clearInterval(timer);
  }, [queryClient, timeoutMs]);

  const keepWorking = () => {
    lastActivity.current = Date.now();
    writeSharedActivity(lastActivity.current);
    setPhase('active');
    void refreshSession(queryClient).catch(() => {});
  };

  return (
    <Modal
      open={phase === 'warning'}
      title="即将自动退出登录"
      closable={false}
      mask={{ closable: false }}
      footer={<Button type="primary" onClick={keepWorking}>继续使用</Button>}
    >
      <Typography.Paragraph>
        您已较长时间未操作。为保护账号安全，系统将在 <Typography.Text strong>{secondsLeft}</Typography.Text> 秒后自动退出登录。
      </Typography.Paragraph>
    </Modal>
  );
}
