import { Empty, List, Tag, Typography } from 'antd';
import type { Pack } from '../../../core/pack/schema.ts';
import type { OmittedSentence } from './api.ts';
import { OMIT_REASONS } from './labels.ts';
import { readableParts } from './slotText.ts';

interface OmittedPanelProps {
  omitted: readonly OmittedSentence[];
  pack: Pack | undefined;
  /** Scrolls to the paragraph the sentence would have been in. */
  onLocate: (blockId: string) => void;
}

/**
 * The template's sentences the draft left out, and why: a zero or a missing figure is never printed
 * as a claim. Where the work was done, enter it in the ledger and regenerate; or write it in by hand.
 */
export function OmittedPanel({ omitted, pack, onLocate }: OmittedPanelProps) {
  if (omitted.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="模板中的句子都已写入，没有删去的。" />;
  }
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        以下句子因台账中数字为零或没有数据而未写入报告。确有其事的，请先补录台账再重新生成，或直接修改所在段落。
      </Typography.Paragraph>
      <List
        size="small"
        dataSource={[...omitted]}
        renderItem={(o) => (
          <List.Item style={{ display: 'block', cursor: 'pointer' }} onClick={() => onLocate(o.blockId)}>
            <div>
              {readableParts(o.text, pack).map((part, i) =>
                part.slot ? (
                  <span key={i} className={part.unbound ? 'lz-slot lz-slot-unbound' : 'lz-slot'}>
                    {part.text}
                  </span>
                ) : (
                  <span key={i}>{part.text}</span>
                ),
              )}
            </div>
            <Tag style={{ marginTop: 4 }}>{OMIT_REASONS[o.reason]}</Tag>
          </List.Item>
        )}
      />
    </>
  );
}
