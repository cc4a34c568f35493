import { DatePicker, Input, InputNumber, Select, Space, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { FIELD_LIMITS } from '../../../core/ledger/fields.ts';
import type { FieldDef } from '../../../core/pack/schema.ts';
import { EvidenceUpload } from '../../components/evidence/EvidenceUpload.tsx';
import type { AttachmentRef } from '../../components/evidence/types.ts';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { PersonSelect } from '../../components/PersonSelect.tsx';
import type { NamedRef } from './api.ts';
import { DATE_FORMAT, type FormFieldValue } from './fieldForm.ts';

export interface FieldInputProps {
  def: FieldDef;
  /** Set by Form.Item. */
  value?: FormFieldValue;
  onChange?: (value: FormFieldValue) => void;
  id?: string;
  /** Names of the people or orgs already in the value (from the record being edited). */
  known?: readonly NamedRef[];
  /** The record's org, which uploaded evidence belongs to. */
  orgId?: string;
  /** Upload limit in MB, when the server says. */
  maxUploadMb?: number;
  onBusyChange?: (busy: boolean) => void;
}

const full = { width: '100%' };

/** One pack-defined field's control, chosen by its type; a Form.Item child. */
export function FieldInput({ def, value, onChange, id, known, orgId, maxUploadMb, onBusyChange }: FieldInputProps) {
  const text = typeof value === 'string' ? value : undefined;
  const ids = Array.isArray(value) ? (value as string[]) : typeof value === 'string' ? [value] : [];
  switch (def.type) {
    case 'text':
      return (
        <Input id={id} value={text} onChange={(e) => onChange?.(e.target.value)} maxLength={def.maxLength ?? FIELD_LIMITS.text} showCount={def.maxLength !== undefined} allowClear />
      );
    case 'longtext':
      return (
        <Input.TextArea
          id={id}
          value={text}
          onChange={(e) => onChange?.(e.target.value)}
          maxLength={def.maxLength ?? FIELD_LIMITS.longtext}
          showCount={def.maxLength !== undefined}
          autoSize={{ minRows: 3, maxRows: 12 }}
        />
      );
    case 'url':
      return <Input id={id} type="url" inputMode="url" value={text} onChange={(e) => onChange?.(e.target.value)} placeholder="https://" allowClear />;
    case 'date':
      return (
        <DatePicker id={id} value={(value as Dayjs | null | undefined) ?? null} onChange={(day) => onChange?.(day)} format={DATE_FORMAT} style={full} />
      );
    case 'number': {
      const input = (
        <InputNumber
          id={id}
          value={typeof value === 'number' ? value : null}
          onChange={(n) => onChange?.(n)}
          min={def.min}
          max={def.max}
          placeholder={def.min !== undefined && def.max !== undefined ? `${def.min}–${def.max}` : undefined}
          style={full}
        />
      );
      return def.unit ? (
        <Space.Compact style={full}>
          {input}
          <Space.Addon>{def.unit}</Space.Addon>
        </Space.Compact>
      ) : (
        input
      );
    }
    case 'choice':
      return (
        <Select
          id={id}
          mode={def.multiple ? 'multiple' : undefined}
          value={def.multiple ? ids : (text ?? undefined)}
          onChange={(next: string | string[] | undefined) => onChange?.(next)}
          options={def.options ?? []}
          placeholder="请选择"
          allowClear={!def.required || def.multiple}
          style={full}
        />
      );
    case 'boolean':
      return <Switch id={id} checked={value === true} onChange={(checked) => onChange?.(checked)} checkedChildren="是" unCheckedChildren="否" />;
    case 'people':
      return def.multiple ? (
        <PersonSelect id={id} multiple value={ids} onChange={onChange} known={known} />
      ) : (
        <PersonSelect id={id} value={text} onChange={onChange} known={known} allowClear={!def.required} />
      );
    case 'org':
      return def.multiple ? (
        <OrgTreeSelect id={id} multiple value={ids} onChange={onChange} style={full} />
      ) : (
        <OrgTreeSelect id={id} value={text} onChange={onChange} allowClear={!def.required} style={full} />
      );
    case 'attachments':
      return (
        <EvidenceUpload
          id={id}
          value={Array.isArray(value) ? (value as AttachmentRef[]) : []}
          onChange={onChange}
          multiple={def.multiple}
          orgId={orgId}
          maxMb={maxUploadMb}
          onBusyChange={onBusyChange}
        />
      );
  }
}
