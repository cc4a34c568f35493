import { Button, Input, Space } from 'antd';

interface ContactInputProps {
  /** Undefined: keep what is stored; null: clear it; text: the new value. */
  value?: string | null;
  onChange?: (value: string | null | undefined) => void;
  /** The stored value, masked, when editing an existing person. */
  current: string | null;
  placeholder: string;
  id?: string;
}

/**
 * A phone or e-mail field that never shows the stored value in full: editing starts empty (keep
 * as is), typing replaces it, and "清除" removes it.
 */
export function ContactInput({ value, onChange, current, placeholder, id }: ContactInputProps) {
  if (value === null) {
    return (
      <Space.Compact style={{ width: '100%' }}>
        <Input id={id} disabled placeholder="保存后将清除" />
        <Button onClick={() => onChange?.(undefined)}>撤销</Button>
      </Space.Compact>
    );
  }
  const input = (
    <Input
      id={id}
      value={value ?? ''}
      onChange={(e) => onChange?.(e.target.value === '' ? undefined : e.target.value)}
      placeholder={current ? `不修改（当前：${current}）` : placeholder}
      allowClear
    />
  );
  if (!current) return input;
  return (
    <Space.Compact style={{ width: '100%' }}>
      {input}
      <Button onClick={() => onChange?.(null)}>清除</Button>
    </Space.Compact>
  );
}
