import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Modal, Skeleton, Typography } from 'antd';
import type { Person } from '../../http/types.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { fetchContact } from './api.ts';

/** The full phone and e-mail of one person; each look is written to the audit log by the server. */
export function ContactModal({ person, onClose }: { person: Person | null; onClose: () => void }) {
  const contact = useQuery({
    queryKey: ['people', 'contact', person?.id],
    queryFn: () => fetchContact(person!.id),
    enabled: !!person,
    // Never kept: each look is a deliberate, audited act.
    gcTime: 0,
    staleTime: 0,
  });
  return (
    <Modal open={!!person} title={`联系方式：${person?.name ?? ''}`} footer={null} onCancel={onClose} destroyOnHidden>
      <Alert type="info" showIcon title="查看完整联系方式的操作已记入审计日志。请仅在工作需要时查看，勿外传。" style={{ marginBottom: 16 }} />
      {contact.error ? (
        <QueryError error={contact.error} />
      ) : contact.data ? (
        <Descriptions
          column={1}
          bordered
          size="small"
          items={[
            { key: 'phone', label: '电话', children: contact.data.phone ? <Typography.Text copyable>{contact.data.phone}</Typography.Text> : '未填写' },
            { key: 'email', label: '邮箱', children: contact.data.email ? <Typography.Text copyable>{contact.data.email}</Typography.Text> : '未填写' },
          ]}
        />
      ) : (
        <Skeleton active paragraph={{ rows: 2 }} />
      )}
    </Modal>
  );
}
