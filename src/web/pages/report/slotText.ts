import type { Pack } from '../../../core/pack/schema.ts';
import { type Slot, splitSlots, type TextSlotName } from '../../../core/report/templateSlots.ts';

// Template text for people: each {{slot}} shown as what it stands for, in words from the pack
// (【党组会专题研究意识形态工作次数】 rather than {{metric:topic_meeting.dedicated.count}}).

export interface TextPart {
  text: string;
  /** A slot, shown as a tag. */
  slot?: boolean;
  /** An imported report's placeholder still waiting for the user. */
  unbound?: boolean;
}

const TEXT_SLOT_WORDS: Record<TextSlotName, string> = {
  'org.name': '单位名称',
  'period.label': '报告期',
  'period.year': '年度',
  'period.next_year': '下一年度',
  'period.next_label': '下一报告期',
  'date.issue': '成文日期',
};

const DUTY_WORDS: Record<string, string> = {
  primary: '主体责任',
  first_responsible: '第一责任人',
  direct: '直接责任人',
  dual_duty: '一岗双责',
};

type Names = Pick<Pack, 'metrics' | 'recordTypes' | 'rules'>;

/** What a slot stands for, in words; ids where the pack is not at hand. */
export function slotWords(slot: Slot, pack: Names | undefined): string {
  switch (slot.kind) {
    case 'metric':
      return pack?.metrics.find((m) => m.id === slot.metricId)?.name ?? slot.metricId;
    case 'records':
      return `${pack?.recordTypes.find((t) => t.id === slot.recordType)?.name ?? slot.recordType}（列举名称）`;
    case 'rule':
      return `${pack?.rules.find((r) => r.id === slot.ruleId)?.name ?? slot.ruleId}落实情况`;
    case 'problems':
      return '未落实的要求和未整改的问题';
    case 'plans':
      return '下一阶段的计划条目';
    case 'text':
      return TEXT_SLOT_WORDS[slot.name];
    case 'duty':
      return `${DUTY_WORDS[slot.role] ?? slot.role}姓名`;
    case 'unbound':
      return '待补充';
  }
}

/** Text split into literal parts and slots in words. */
export function readableParts(text: string, pack: Names | undefined): TextPart[] {
  return splitSlots(text).map((piece) => {
    if (typeof piece === 'string') return { text: piece };
    if (!piece.slot) return { text: piece.raw };
    return { text: `【${slotWords(piece.slot, pack)}】`, slot: true, ...(piece.slot.kind === 'unbound' ? { unbound: true } : {}) };
  });
}

export const readableText = (text: string, pack: Names | undefined): string =>
  readableParts(text, pack)
    .map((p) => p.text)
    .join('');
