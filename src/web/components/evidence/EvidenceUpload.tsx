import { CloseOutlined, DeleteOutlined, InboxOutlined } from '@ant-design/icons';
import { Button, Flex, Progress, Typography, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { upload, withQuery } from '../../http/client.ts';
import { errorMessage } from '../../http/formErrors.ts';
import { EvidenceName } from './EvidenceName.tsx';
import './evidence.css';
import { DEFAULT_MAX_UPLOAD_MB, EVIDENCE_ACCEPT, EVIDENCE_HINT, formatSize, hasEvidenceExtension, type AttachmentRef } from './types.ts';

interface EvidenceUploadProps {
  /** The files already attached, in order. */
  value?: AttachmentRef[] | null;
  onChange?: (value: AttachmentRef[]) => void;
  /** Several files; otherwise a new upload replaces the one there. */
  multiple?: boolean;
  /** The org the files belong to (the record's); the server defaults to the user's own. */
  orgId?: string;
  /** The size limit to check before sending, when known; the server checks it anyway. */
  maxMb?: number;
  /** Told when uploads start and end, so that a form can wait before it saves. */
  onBusyChange?: (busy: boolean) => void;
  id?: string;
}

interface Pending {
  key: number;
  name: string;
  percent: number;
  /** Set when the upload failed: the reason, in Chinese. */
  error?: string;
}

let nextKey = 1;

/**
 * Evidence files for a form field: drag and drop or pick, each file sent on its own to
 * /api/attachments with a progress bar, the refused ones kept in the list with the server's reason.
 * The value is the list of uploaded files; the form sends their ids.
 */
export function EvidenceUpload({ value, onChange, multiple = false, orgId, maxMb, onBusyChange, id }: EvidenceUploadProps) {
  const [pending, setPending] = useState<Pending[]>([]);
  // Uploads finish in any order, possibly several before the next render: each adds to the latest list.
  const latest = useRef<AttachmentRef[]>(value ?? []);
  latest.current = value ?? [];
  const busy = pending.some((p) => p.error === undefined);
  useEffect(() => onBusyChange?.(busy), [busy, onBusyChange]);

  const change = (next: AttachmentRef[]) => {
    latest.current = next;
    onChange?.(next);
  };
  const patch = (key: number, changes: Partial<Pending>) => setPending((list) => list.map((p) => (p.key === key ? { ...p, ...changes } : p)));
  const drop = (key: number) => setPending((list) => list.filter((p) => p.key !== key));

  const send = async (file: File) => {
    const key = nextKey++;
    const refused = !hasEvidenceExtension(file.name)
      ? `不支持的文件类型，只能上传 ${EVIDENCE_HINT} 文件`
      : maxMb !== undefined && file.size > maxMb * 1024 * 1024
        ? `文件过大：附件不能超过 ${maxMb} MB`
        : undefined;
    setPending((list) => [...list, { key, name: file.name, percent: 0, error: refused }]);
    if (refused) return;
    try {
      const uploaded = await upload<AttachmentRef>(withQuery('/api/attachments', { orgId }), file, (percent) => patch(key, { percent }));
      const ref: AttachmentRef = { id: uploaded.id, name: uploaded.name, size: uploaded.size, mime: uploaded.mime };
      change(multiple ? [...latest.current.filter((f) => f.id !== ref.id), ref] : [ref]);
      drop(key);
    } catch (error) {
      patch(key, { error: errorMessage(error) });
    }
  };

  const files = value ?? [];
  return (
    <div id={id}>
      <Upload.Dragger
        className="lz-evidence-drop"
        accept={EVIDENCE_ACCEPT}
        multiple={multiple}
        showUploadList={false}
        beforeUpload={(file) => {
          void send(file);
          return Upload.LIST_IGNORE;
        }}
      >
        <p style={{ margin: 0 }}>
          <InboxOutlined className="lz-evidence-drop-icon" /> 点击或拖入文件上传{multiple ? '（可多选）' : ''}
        </p>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          支持 {EVIDENCE_HINT}，单个文件不超过 {maxMb ?? DEFAULT_MAX_UPLOAD_MB} MB
        </Typography.Text>
      </Upload.Dragger>
      {files.length > 0 || pending.length > 0 ? (
        <Flex vertical gap={4} style={{ marginTop: 8 }}>
          {files.map((file) => (
            <Flex key={file.id} align="center" gap={8} justify="space-between">
              <EvidenceName file={file} />
              <Flex align="center" gap={4} style={{ flex: 'none' }}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatSize(file.size)}
                </Typography.Text>
                <Button
                  type="text"
                  size="small"
                  icon={<DeleteOutlined />}
                  aria-label={`移除“${file.name}”`}
                  onClick={() => change(latest.current.filter((f) => f.id !== file.id))}
                />
              </Flex>
            </Flex>
          ))}
          {pending.map((p) => (
            <div key={p.key}>
              <Flex align="center" gap={8} justify="space-between">
                <Typography.Text ellipsis type={p.error ? 'danger' : undefined} style={{ minWidth: 0 }}>
                  {p.name}
                </Typography.Text>
                {p.error ? <Button type="text" size="small" icon={<CloseOutlined />} aria-label={`不再显示“${p.name}”`} onClick={() => drop(p.key)} /> : null}
              </Flex>
              {p.error ? (
                <Typography.Text type="danger" style={{ fontSize: 12 }}>
                  {p.error}
                </Typography.Text>
              ) : (
                <Progress percent={p.percent} size="small" status="active" format={(percent) => (percent === 100 ? '检查中' : `${percent}%`)} />
              )}
            </div>
          ))}
        </Flex>
      ) : null}
    </div>
  );
}
