import { Menu, type MenuProps } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { selectedEntry, type MenuSection } from './menu.ts';

type Item = Required<MenuProps>['items'][number];

function itemsOf(sections: readonly MenuSection[]): Item[] {
  return sections.flatMap((section): Item[] => {
    const entries = section.entries.map((e) => ({ key: e.path, icon: e.icon, label: e.label }));
    return section.group ? [{ type: 'group', key: section.group.key, label: section.group.label, children: entries }] : entries;
  });
}

export function SideMenu({ sections, onNavigate }: { sections: readonly MenuSection[]; onNavigate?: () => void }) {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const selected = selectedEntry(sections, pathname);
  return (
    <Menu
      mode="inline"
      items={itemsOf(sections)}
      selectedKeys={selected ? [selected] : []}
      onClick={({ key }) => {
        void navigate(key);
        onNavigate?.();
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}
