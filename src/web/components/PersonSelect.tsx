import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useDeferredValue, useState } from 'react';
import { api } from '../http/client.ts';
import type { ListResult, Person } from '../http/types.ts';

interface PersonSelectProps {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  /** Only people of this org and its subtree. */
  orgId?: string;
  placeholder?: string;
  allowClear?: boolean;
  id?: string;
}

interface PersonOption {
  value: string;
  label: string;
  title: string;
}

const optionOf = (p: Person): PersonOption => ({ value: p.id, label: `${p.name}${p.position ? `（${p.position}）` : ''}`, title: p.orgName });

/** Finds a person by name or position on the server (lists can be long) and picks one. */
export function PersonSelect({ value, onChange, orgId, placeholder = '输入姓名搜索', allowClear, id }: PersonSelectProps) {
  const [search, setSearch] = useState('');
  // The picked person stays labelled when a later search no longer lists them.
  const [picked, setPicked] = useState<PersonOption | null>(null);
  // Nothing is fetched until the list is opened: forms mount this long before anyone picks.
  const [opened, setOpened] = useState(false);
  const q = useDeferredValue(search.trim());
  const people = useQuery({
    queryKey: ['people', 'pick', orgId, q],
    queryFn: () => api.get<ListResult<Person>>('/api/people', { orgId, subtree: 'true', q: q || undefined, pageSize: 30, sort: 'name' }),
    enabled: opened,
  });
  const options = (people.data?.items ?? []).map(optionOf);
  const listed = !value || picked?.value === value || options.some((o) => o.value === value);
  // A value set from outside (editing a record) that no search has found yet: look it up.
  const outside = useQuery({
    queryKey: ['people', 'one', value],
    queryFn: () => api.get<Person>(`/api/people/${encodeURIComponent(value!)}`),
    enabled: !listed,
  });
  const current = picked?.value === value ? picked : outside.data ? optionOf(outside.data) : null;
  if (current && !options.some((o) => o.value === current.value)) options.unshift(current);
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(next: string | undefined) => {
        setPicked(options.find((o) => o.value === next) ?? null);
        onChange?.(next);
      }}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onOpenChange={(open) => open && setOpened(true)}
      options={options}
      loading={people.isFetching}
      placeholder={placeholder}
      allowClear={allowClear}
      notFoundContent={people.isFetching ? '正在查找…' : '没有找到，请换个关键词'}
      optionRender={(option) => (
        <div>
          <div>{option.label}</div>
          <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>{option.data.title}</div>
        </div>
      )}
    />
  );
}
