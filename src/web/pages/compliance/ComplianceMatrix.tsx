import { InfoCircleOutlined, SettingOutlined } from '@ant-design/icons';
import { Button, Empty, Tag, Tooltip } from 'antd';
import { useEffect, useRef } from 'react';
import { DUTY_ROLE_LABELS } from '../../../core/org/kinds.ts';
import type { AppliedOverride, Matrix, MatrixCell, MatrixRule } from './api.ts';
import { cellColumns, MONTHS } from './matrixLayout.ts';
import { cellSentence, cellText, overrideText, shortPeriodLabel, thresholdText, TONE_ORDER, TONES, toneOf } from './status.ts';
import './compliance.css';

export interface CellPick {
  rule: MatrixRule;
  cell: MatrixCell;
}

interface MatrixProps {
  matrix: Matrix;
  rows: MatrixRule[];
  /** The cell whose drawer is open (or a reminder pointed at), highlighted and scrolled to. */
  selected?: { ruleId: string; period: string } | null;
  onPick: (pick: CellPick) => void;
  /** Present when the user may adjust rules (rule.override). */
  onOverride?: (rule: MatrixRule) => void;
  /** Phones get one card per rule instead of the twelve-month grid. */
  compact: boolean;
  empty: React.ReactNode;
  /** Days before its end a running period counts as 即将到期. */
  dueSoonDays?: number;
}

const dutyLabel = (role: string) => DUTY_ROLE_LABELS[role as keyof typeof DUTY_ROLE_LABELS] ?? role;

/** The override in force, as a tag beside the threshold; the reason in its tooltip. */
export function OverrideTag({ override, rule, orgId }: { override: AppliedOverride; rule: Pick<MatrixRule, 'period' | 'min'>; orgId: string }) {
  const text = overrideText(override, rule.period, rule.min, orgId);
  return (
    <Tooltip title={`理由：${override.reason}（制度包规定${thresholdText(rule.period, rule.min)}）`}>
      <Tag color={override.enabled ? 'gold' : 'default'}>
        {text}（理由：{override.reason.length > 14 ? `${override.reason.slice(0, 14)}…` : override.reason}）
      </Tag>
    </Tooltip>
  );
}

function RuleHeader({ rule, orgId, onOverride }: { rule: MatrixRule; orgId: string; onOverride?: (rule: MatrixRule) => void }) {
  return (
    <>
      <div className="lz-mx-name">
        <Tooltip title={<>依据：{rule.basis}</>} placement="topLeft">
          <span>
            {rule.name} <InfoCircleOutlined style={{ color: 'rgba(0,0,0,0.35)', fontSize: 12 }} aria-label={`依据：${rule.basis}`} />
          </span>
        </Tooltip>
      </div>
      <div className="lz-mx-meta">
        <span>{rule.enabled ? thresholdText(rule.period, rule.effectiveMin) : '本单位不适用'}</span>
        <span> · {dutyLabel(rule.dutyRole)}</span>
        {onOverride ? (
          <Button type="text" size="small" className="lz-mx-adjust" icon={<SettingOutlined />} onClick={() => onOverride(rule)} aria-label={`调整要求：${rule.name}`}>
            调整
          </Button>
        ) : null}
        {rule.override ? (
          <div>
            <OverrideTag override={rule.override} rule={rule} orgId={orgId} />
          </div>
        ) : null}
      </div>
    </>
  );
}

function CellButton({
  rule, cell, today, dueSoonDays, selected, onPick, style, withPeriod,
}: {
  rule: MatrixRule;
  cell: MatrixCell;
  today: string;
  dueSoonDays?: number;
  selected: boolean;
  onPick: (pick: CellPick) => void;
  style?: React.CSSProperties;
  /** Show the period's name in the cell (wide cells and phone chips). */
  withPeriod: boolean;
}) {
  const tone = toneOf(cell, today, dueSoonDays);
  const look = TONES[tone];
  const sentence = cellSentence(cell, rule.effectiveMin, today, dueSoonDays);
  const text = cellText(cell, rule.effectiveMin);
  return (
    <Tooltip title={sentence} mouseEnterDelay={0.3}>
      <button
        type="button"
        className={`lz-mx-cell lz-tone-${tone}${selected ? ' lz-mx-selected' : ''}`}
        style={{ background: look.background, borderColor: look.border, color: look.color, ...style }}
        aria-label={`${rule.name}，${sentence}`}
        data-cell={`${rule.ruleId}|${cell.period}`}
        onClick={() => onPick({ rule, cell })}
      >
        {withPeriod ? <span className="lz-mx-period">{shortPeriodLabel(cell.period)}</span> : null}
        <span>{text}</span>
      </button>
    </Tooltip>
  );
}

/** The colours' meaning, in the order of what needs action. */
export function StatusLegend() {
  return (
    <div className="lz-legend" aria-label="图例">
      {TONE_ORDER.map((tone) => (
        <span key={tone}>
          <span className="lz-legend-swatch" style={{ background: TONES[tone].background, borderColor: TONES[tone].border }} />
          {TONES[tone].label}
        </span>
      ))}
      <span>格中数字：已记录次数 / 要求次数</span>
    </div>
  );
}

/** Rules × periods of one org and year. Every cell opens the records it counts. */
export function ComplianceMatrix({ matrix, rows, selected, onPick, onOverride, compact, empty, dueSoonDays }: MatrixProps) {
  const scrolled = useRef<string | null>(null);
  const selectedKey = selected ? `${selected.ruleId}|${selected.period}` : null;
  // Scroll once to the cell a reminder or a shared link points at.
  useEffect(() => {
    if (!selectedKey || scrolled.current === selectedKey) return;
    const element = document.querySelector(`[data-cell="${CSS.escape(selectedKey)}"]`);
    if (element) {
      scrolled.current = selectedKey;
      element.scrollIntoView?.({ block: 'center', inline: 'center' });
    }
  }, [selectedKey, rows]);

  if (rows.length === 0) return <Empty description={empty} />;
  const isSelected = (rule: MatrixRule, cell: MatrixCell) => selected?.ruleId === rule.ruleId && selected.period === cell.period;
  const nowMonth = matrix.today.startsWith(String(matrix.year)) ? Number(matrix.today.slice(5, 7)) : null;

  if (compact) {
    return (
      <div role="list">
        {rows.map((rule) => (
          <div key={rule.ruleId} role="listitem" className={`lz-mx-card${selected?.ruleId === rule.ruleId ? ' lz-mx-highlight' : ''}${rule.enabled ? '' : ' lz-mx-off'}`}>
            <RuleHeader rule={rule} orgId={matrix.org.id} onOverride={onOverride} />
            <div className="lz-mx-chips">
              {rule.cells.map((cell) => (
                <CellButton key={cell.period} rule={rule} cell={cell} today={matrix.today} dueSoonDays={dueSoonDays} selected={isSelected(rule, cell)} onPick={onPick} withPeriod />
              ))}
            </div>
          </div>
        ))}
      </div>
    );
  }

  return (
    <div className="lz-matrix" role="table" aria-label={`${matrix.org.name}${matrix.year}年落实情况`}>
      <div className="lz-mx-row lz-mx-head" role="row">
        <div className="lz-mx-rule" role="columnheader">
          要求（逾期多的在前）
        </div>
        {MONTHS.map((m) => (
          <div key={m} role="columnheader" className={`lz-mx-month${m === nowMonth ? ' lz-mx-now' : ''}`}>
            {m}月
          </div>
        ))}
      </div>
      {rows.map((rule) => (
        <div
          key={rule.ruleId}
          role="row"
          className={`lz-mx-row${selected?.ruleId === rule.ruleId ? ' lz-mx-highlight' : ''}${rule.enabled ? '' : ' lz-mx-off'}`}
        >
          <div className="lz-mx-rule" role="rowheader">
            <RuleHeader rule={rule} orgId={matrix.org.id} onOverride={onOverride} />
          </div>
          {rule.period === 'week' ? (
            <div className="lz-mx-weeks" role="cell">
              {rule.cells.map((cell) => (
                <CellButton key={cell.period} rule={rule} cell={cell} today={matrix.today} dueSoonDays={dueSoonDays} selected={isSelected(rule, cell)} onPick={onPick} withPeriod={false} />
              ))}
            </div>
          ) : (
            rule.cells.map((cell) => {
              const at = cellColumns(cell.period);
              if (!at) return null;
              return (
                <div key={cell.period} role="cell" style={{ gridColumn: `${at.start + 1} / span ${at.span}`, display: 'grid' }}>
                  <CellButton rule={rule} cell={cell} today={matrix.today} dueSoonDays={dueSoonDays} selected={isSelected(rule, cell)} onPick={onPick} withPeriod={at.span >= 3} />
                </div>
              );
            })
          )}
        </div>
      ))}
    </div>
  );
}
