import { DatePicker, Flex, Select } from 'antd';
import dayjs from 'dayjs';
import type { TemplatePeriodKind } from './api.ts';
import { periodKindOptions } from './labels.ts';
import { defaultPeriod, type PeriodValue, yearOptions } from './period.ts';

const HALF_OPTIONS = [
  { value: 1, label: '上半年' },
  { value: 2, label: '下半年' },
];
const QUARTER_OPTIONS = [1, 2, 3, 4].map((value) => ({ value, label: `第${'一二三四'[value - 1]}季度` }));

interface PeriodPickerProps {
  value?: PeriodValue;
  onChange?: (value: PeriodValue) => void;
  /** The template's period kind: fixed, unless the template takes any range (then the user picks the kind). */
  templateKind: TemplatePeriodKind;
  today: string;
  id?: string;
}

/** The report's period as the template wants it: a year, a half-year, a quarter or two dates. An antd Form control. */
export function PeriodPicker({ value, onChange, templateKind, today, id }: PeriodPickerProps) {
  const current = value ?? defaultPeriod(templateKind === 'range' ? 'year' : templateKind, today);
  const set = (changes: Partial<PeriodValue>) => onChange?.({ ...current, ...changes });
  const years = yearOptions(today).map((y) => ({ value: y, label: `${y}年` }));
  return (
    <Flex wrap gap={8} id={id}>
      {templateKind === 'range' ? (
        <Select
          aria-label="报告期类型"
          value={current.kind}
          options={periodKindOptions}
          onChange={(kind: TemplatePeriodKind) => onChange?.(defaultPeriod(kind, today))}
          style={{ width: 120 }}
        />
      ) : null}
      {current.kind === 'range' ? (
        <DatePicker.RangePicker
          aria-label="起止日期"
          value={current.range ? [dayjs(current.range[0]), dayjs(current.range[1])] : null}
          onChange={(days) => set({ range: days?.[0] && days[1] ? [days[0].format('YYYY-MM-DD'), days[1].format('YYYY-MM-DD')] : undefined })}
          placeholder={['开始日期', '结束日期']}
        />
      ) : (
        <Select aria-label="年度" value={current.year} options={years} onChange={(year: number) => set({ year })} style={{ width: 110 }} />
      )}
      {current.kind === 'half_year' ? (
        <Select aria-label="半年" value={current.half} options={HALF_OPTIONS} onChange={(half: number) => set({ half })} style={{ width: 110 }} />
      ) : null}
      {current.kind === 'quarter' ? (
        <Select aria-label="季度" value={current.quarter} options={QUARTER_OPTIONS} onChange={(quarter: number) => set({ quarter })} style={{ width: 120 }} />
      ) : null}
    </Flex>
  );
}
