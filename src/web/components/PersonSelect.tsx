import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useDeferredValue, useState } from 'react';
import { api } from '../api/client.ts';
import type { ListResult, Person } from '../api/types.ts';

interface PersonSelectProps {
  value?: string | null;
  onChange?: (value: string | undefined) => void;
  /** Only people of this org and its subtree. */
  orgId?: string;
  placeholder?: string;
  allowClear?: boolean;
  id?: string;
  /** How to show a value set from outside before any search has found it ("张三（科长）"). */
  valueLabel?: string;
}

interface PersonOption {
  value: string;
  label: string;
  title: string;
}

/** Finds a person by name or position on the server (lists can be long) and picks one. */
export function PersonSelect({ value, onChange, orgId, placeholder = '输入姓名搜索', allowClear, id, valueLabel }: PersonSelectProps) {
  const [search, setSearch] = useState('');
  // The picked person stays labelled when a later search no longer lists them.
  const [picked, setPicked] = useState<PersonOption | null>(null);
  const q = useDeferredValue(search.trim());
  const people = useQuery({
    queryKey: ['people', 'pick', orgId, q],
    queryFn: () => api.get<ListResult<Person>>('/api/people', { orgId, subtree: 'true', q: q || undefined, pageSize: 30, sort: 'name' }),
  });
  const options: PersonOption[] = (people.data?.items ?? []).map((p) => ({
    value: p.id,
    label: `${p.name}${p.position ? `（${p.position}）` : ''}`,
    title: p.orgName,
  }));
  const current = picked?.value === value ? picked : value && valueLabel ? { value, label: valueLabel, title: '' } : null;
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
