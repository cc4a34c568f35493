import { Menu, type MenuProps } from 'antd';
import { useState } from 'react';
import type { RecordTypeDef } from '../../../core/pack/schema.ts';
import { typesByCategory } from './packTypes.ts';

const ALL = '__all__';

/**
 * The record types of a pack as a menu: "全部类型", then one folding group per category. Picking a
 * type filters the list; the group of the current type starts open.
 */
export function TypeNav({ types, value, onChange }: { types: readonly RecordTypeDef[]; value: string | undefined; onChange: (typeId: string | undefined) => void }) {
  const categories = typesByCategory(types);
  const current = value ? types.find((t) => t.id === value)?.category : undefined;
  const [open, setOpen] = useState<string[]>(current ? [`c:${current}`] : []);
  const items: MenuProps['items'] = [
    { key: ALL, label: '全部类型' },
    ...categories.map((category) => ({
      key: `c:${category.name}`,
      label: `${category.name}（${category.types.length}）`,
      children: category.types.map((type) => ({ key: type.id, label: type.name, title: type.name })),
    })),
  ];
  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={[value ?? ALL]}
      openKeys={open}
      onOpenChange={setOpen}
      onClick={({ key }) => onChange(key === ALL ? undefined : key)}
      style={{ borderInlineEnd: 'none' }}
      className="lz-type-nav"
    />
  );
}
