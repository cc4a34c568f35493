import { Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { FieldDef } from '../../../core/pack/schema.ts';
import type { FieldDisplayValue, NamedRef } from './api.ts';

const isNamed = (value: unknown): value is NamedRef => value !== null && typeof value === 'object' && 'name' in value && !('mime' in value);
const EMPTY = <Typography.Text type="secondary">未填写</Typography.Text>;

/** Only web addresses become links; anything else shows as text. */
const isWebAddress = (text: string): boolean => {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
};

/** A field's value for reading: choice labels, people and org names, dates, links, 是/否. Attachments are shown elsewhere. */
export function FieldValueView({ def, value }: { def: FieldDef | undefined; value: FieldDisplayValue | undefined }): ReactNode {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return EMPTY;
  switch (def?.type) {
    case 'boolean':
      return value === true ? '是' : '否';
    case 'number':
      return `${String(value)}${def.unit ? ` ${def.unit}` : ''}`;
    case 'choice': {
      const labels = [value].flat().map((v) => def.options?.find((o) => o.value === v)?.label ?? String(v));
      return def.multiple ? labels.map((label) => <Tag key={label}>{label}</Tag>) : labels[0];
    }
    case 'people':
    case 'org':
      return [value].flat().filter(isNamed).map((ref) => ref.name).join('、') || EMPTY;
    case 'url':
      return typeof value === 'string' && isWebAddress(value) ? (
        <Typography.Link href={value} target="_blank" rel="noopener noreferrer" style={{ wordBreak: 'break-all' }}>
          {value}
        </Typography.Link>
      ) : (
        String(value)
      );
    case 'longtext':
      return <div className="lz-field-longtext">{String(value)}</div>;
    default:
      if (Array.isArray(value)) return value.map((v) => (isNamed(v) ? v.name : String(v))).join('、');
      return isNamed(value) ? value.name : String(value);
  }
}
