import { BellOutlined } from '@ant-design/icons';
import { Button, Flex, InputNumber, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useCan, useCurrentUser } from '../../auth/session.ts';
import { useApiMutation } from '../../components/useApiMutation.ts';
import { useOrgList } from '../../http/orgs.ts';
import { COMPLIANCE_KEY, putReminderDays } from './api.ts';

/**
 * How many days ahead reminders go out (and cells turn 即将到期). One setting for the whole system,
 * so the server lets only leaders and party-affairs staff of the top org change it; others see nothing.
 */
export function ReminderSettingsButton({ current }: { current: number | undefined }) {
  const user = useCurrentUser();
  const canEdit = useCan('rule.override');
  const orgs = useOrgList(false, canEdit);
  const topOrg = orgs.data?.items.find((o) => o.id === user.orgId)?.parentId === null;
  const [open, setOpen] = useState(false);
  const [days, setDays] = useState<number | null>(null);
  const save = useApiMutation((value: number) => putReminderDays(value), {
    invalidate: [COMPLIANCE_KEY],
    success: (r) => `已设置：到期前${r.daysBefore}天提醒`,
    onSuccess: () => setOpen(false),
  });
  if (!canEdit || !topOrg || current === undefined) return null;
  const value = days ?? current;
  return (
    <Popover
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setDays(null);
      }}
      trigger="click"
      title="到期提醒"
      content={
        <div style={{ maxWidth: 280 }}>
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            要求未完成时，在周期结束前几天提醒相关责任人（逾期时另行提醒）。对全系统生效。
          </Typography.Paragraph>
          <Flex gap={8} align="center">
            <span>到期前</span>
            <InputNumber min={0} max={90} precision={0} value={value} onChange={(v) => setDays(v ?? 0)} suffix="天" style={{ width: 110 }} aria-label="到期前天数" />
            <Button type="primary" loading={save.isPending} disabled={value === current} onClick={() => save.mutate(value)}>
              保存
            </Button>
          </Flex>
        </div>
      }
    >
      <Button icon={<BellOutlined />}>提醒设置（到期前{current}天）</Button>
    </Popover>
  );
}
