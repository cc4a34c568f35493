import { Flex, Input, Segmented, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import type { MetricDef } from '../../../core/pack/schema.ts';
import type { ImportedPlaceholder, SlotBinding } from './api.ts';
import { type Choice, choiceOf, choiceValue, initialChoice, KEEP, SLOT_LABELS, SLOT_PREFIX, TEXT } from './bindings.ts';

interface PlaceholderTableProps {
  placeholders: readonly ImportedPlaceholder[];
  choices: ReadonlyMap<number, Choice>;
  onChange: (index: number, choice: Choice) => void;
  metrics: readonly MetricDef[];
}

/** The sentence with its placeholder picked out. */
function Context({ p }: { p: ImportedPlaceholder }) {
  const needle = `${p.text}${p.unit ?? ''}`;
  const at = p.context.indexOf(needle);
  if (at < 0) return <>{p.context}</>;
  return (
    <>
      {p.context.slice(0, at)}
      <Typography.Text mark strong>
        {needle}
      </Typography.Text>
      {p.context.slice(at + needle.length)}
    </>
  );
}

/**
 * Every placeholder of the old report in document order: a figure or a name, its measure word, the
 * sentence around it, and what it becomes — a pack metric (searchable by name), fixed text, the
 * org's name or the period, or kept for the user to fill in each draft.
 */
export function PlaceholderTable({ placeholders, choices, onChange, metrics }: PlaceholderTableProps) {
  const open = useMemo(() => placeholders.filter((p) => initialChoice(p).mode === 'keep'), [placeholders]);
  const [show, setShow] = useState<'open' | 'all'>(open.length > 0 ? 'open' : 'all');
  const options = useMemo(
    () => [
      {
        label: '不用台账数字',
        title: '不用台账数字',
        options: [
          { value: KEEP, label: '保留原样，起草时标记待补充' },
          { value: TEXT, label: '填写固定文字…' },
          ...(Object.keys(SLOT_LABELS) as SlotBinding[]).map((slot) => ({ value: `${SLOT_PREFIX}${slot}`, label: SLOT_LABELS[slot] })),
        ],
      },
      { label: '台账指标', title: '台账指标', options: metrics.map((m) => ({ value: m.id, label: `${m.name}${m.unit ? `（${m.unit}）` : ''}` })) },
    ],
    [metrics],
  );

  const columns: TableColumnsType<ImportedPlaceholder> = [
    { title: '序号', key: 'n', width: 56, render: (_, p) => p.index + 1 },
    {
      title: '占位符',
      key: 'text',
      width: 110,
      render: (_, p) => (
        <Flex vertical gap={4} align="flex-start">
          <Typography.Text code>{`${p.text}${p.unit ?? ''}`}</Typography.Text>
          <Tag color={p.kind === 'number' ? 'blue' : 'default'}>{p.kind === 'number' ? '数字' : '名称'}</Tag>
        </Flex>
      ),
    },
    { title: '所在句子', key: 'context', render: (_, p) => <div style={{ minWidth: 220, maxWidth: 420 }}><Context p={p} /></div> },
    {
      title: '起草时写作',
      key: 'binding',
      width: 320,
      render: (_, p) => {
        const choice = choices.get(p.index) ?? initialChoice(p);
        return (
          <Flex vertical gap={6} style={{ minWidth: 240 }}>
            <Select
              aria-label={`占位符${p.index + 1}的绑定`}
              value={choiceValue(choice)}
              options={options}
              showSearch={{ optionFilterProp: 'label' }}
              onChange={(value: string) => onChange(p.index, choiceOf(value, choice))}
              popupMatchSelectWidth={false}
              style={{ width: '100%' }}
              status={choice.mode === 'keep' && p.kind === 'number' ? 'warning' : undefined}
            />
            {choice.mode === 'text' ? (
              <Input
                aria-label={`占位符${p.index + 1}的文字`}
                value={choice.text}
                onChange={(e) => onChange(p.index, { mode: 'text', text: e.target.value })}
                suffix={p.unit ?? undefined}
                placeholder={p.kind === 'number' ? '如：30' : '如：本单位名称'}
                maxLength={200}
              />
            ) : null}
          </Flex>
        );
      },
    },
  ];

  return (
    <>
      <Segmented
        value={show}
        onChange={(value) => setShow(value as 'open' | 'all')}
        options={[
          { value: 'open', label: `未自动绑定的（${open.length}）` },
          { value: 'all', label: `全部（${placeholders.length}）` },
        ]}
        style={{ marginBottom: 12 }}
      />
      <Table
        size="small"
        rowKey="index"
        columns={columns}
        dataSource={show === 'open' ? open : [...placeholders]}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: show === 'open' ? '每个占位符都已自动绑定到台账指标。' : '这份报告里没有占位符。' }}
      />
    </>
  );
}
