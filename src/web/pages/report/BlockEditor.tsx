import { Button, Flex, Input, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useApiMutation } from '../../components/useApiMutation.ts';
import { editBlock, REPORTS_KEY, type ReportDetail } from './api.ts';
import type { DisplayBlock } from './documentView.ts';

export const TITLE_BLOCK = 'title';

interface BlockEditorProps {
  reportId: string;
  block: DisplayBlock;
  onClose: () => void;
  /** Told whether the text differs from what the block says (false again when the editor closes). */
  onDirtyChange?: (dirty: boolean) => void;
}

/**
 * One paragraph in a textarea (a heading's own text above its body; the title alone). Saving writes
 * a new version whose text regeneration keeps; 恢复生成的文字 drops the edit; 取消 drops unsaved text
 * (anything else that would drop it asks first: useUnsavedGuard.ts).
 */
export function BlockEditor({ reportId, block, onClose, onDirtyChange }: BlockEditorProps) {
  const queryClient = useQueryClient();
  const isTitle = block.id === TITLE_BLOCK;
  const [heading, setHeading] = useState(block.editHeading ?? '');
  const [text, setText] = useState(block.editText);
  const save = useApiMutation((body: { text: string | null; heading?: string | null }) => editBlock(reportId, block.id, body), {
    invalidate: [[...REPORTS_KEY, 'list']],
    success: (_r, body) => (body.text === null ? '已恢复生成的文字' : '已保存这一段'),
    onSuccess: (report: ReportDetail) => {
      queryClient.setQueryData([...REPORTS_KEY, 'one', reportId], report);
      onClose();
    },
  });
  const submit = () => save.mutate(block.kind === 'heading' ? { text, heading } : { text });
  const dirty = text !== block.editText || heading !== (block.editHeading ?? '');
  const unchanged = !dirty && !block.stale;
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);
  useEffect(() => () => onDirtyChange?.(false), [onDirtyChange]);

  return (
    <div className="lz-block-editor" onClick={(event) => event.stopPropagation()}>
      {block.kind === 'heading' ? (
        <Input
          aria-label="标题文字"
          addonBefore={block.marker}
          value={heading}
          onChange={(e) => setHeading(e.target.value)}
          style={{ marginBottom: 8 }}
          maxLength={200}
        />
      ) : null}
      <Input.TextArea
        aria-label={isTitle ? '报告标题' : block.kind === 'heading' ? '标题后的正文' : '段落正文'}
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: isTitle ? 1 : 3, maxRows: 16 }}
        autoFocus
        maxLength={20_000}
        placeholder={block.kind === 'heading' ? '与标题同段的正文（可不填）' : undefined}
      />
      {block.stale ? (
        <Typography.Paragraph type="warning" style={{ margin: '8px 0 0' }}>
          这一段改写后，台账中的数字有了变化。请核对数字后保存，或恢复生成的文字。
        </Typography.Paragraph>
      ) : null}
      <Flex wrap gap={8} justify="space-between" style={{ marginTop: 8 }}>
        <Flex gap={8}>
          <Button type="primary" size="small" onClick={submit} loading={save.isPending && save.variables?.text !== null} disabled={unchanged || (isTitle && text.trim() === '')}>
            保存
          </Button>
          <Button size="small" onClick={onClose}>
            取消
          </Button>
        </Flex>
        {block.edited ? (
          <Button size="small" type="link" onClick={() => save.mutate({ text: null })} loading={save.isPending && save.variables?.text === null}>
            恢复生成的文字
          </Button>
        ) : null}
      </Flex>
    </div>
  );
}
