import { useQueries, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useDeferredValue, useState } from 'react';
import { api } from '../http/client.ts';
import type { ListResult, Person } from '../http/types.ts';

interface CommonProps {
  /** Only people of this org and its subtree. */
  orgId?: string;
  placeholder?: string;
  allowClear?: boolean;
  id?: string;
  /**
   * Names the caller already knows for ids it passes in (a record's resolved people), so that
   * they show without a look-up each.
   */
  known?: readonly { id: string; name: string }[];
}

interface SingleProps extends CommonProps {
  multiple?: false;
  value?: string | null;
  onChange?: (value: string | undefined) => void;
}

interface MultipleProps extends CommonProps {
  multiple: true;
  value?: string[] | null;
  onChange?: (value: string[]) => void;
}

type PersonSelectProps = SingleProps | MultipleProps;

interface PersonOption {
  value: string;
  label: string;
  title: string;
}

const optionOf = (p: Person): PersonOption => ({ value: p.id, label: `${p.name}${p.position ? `（${p.position}）` : ''}`, title: p.orgName });

const idsOf = (value: string | string[] | null | undefined): string[] => (value == null ? [] : Array.isArray(value) ? value : [value]);

/** Finds people by name or position on the server (lists can be long) and picks one, or several with `multiple`. */
export function PersonSelect(props: PersonSelectProps) {
  const { orgId, placeholder = '输入姓名搜索', allowClear, id, known } = props;
  const [search, setSearch] = useState('');
  // Picked people stay labelled when a later search no longer lists them.
  const [picked, setPicked] = useState<ReadonlyMap<string, PersonOption>>(new Map());
  // Nothing is fetched until the list is opened: forms mount this long before anyone picks.
  const [opened, setOpened] = useState(false);
  const q = useDeferredValue(search.trim());
  const people = useQuery({
    queryKey: ['people', 'pick', orgId, q],
    queryFn: () => api.get<ListResult<Person>>('/api/people', { orgId, subtree: 'true', q: q || undefined, pageSize: 30, sort: 'name' }),
    enabled: opened,
  });
  const options = (people.data?.items ?? []).map(optionOf);
  const ids = idsOf(props.value);
  const labelOf = (personId: string): PersonOption | undefined => {
    const found = picked.get(personId) ?? options.find((o) => o.value === personId);
    if (found) return found;
    const name = known?.find((k) => k.id === personId)?.name;
    return name === undefined ? undefined : { value: personId, label: name, title: '' };
  };
  // Values set from outside (editing a record) that no search has found and nobody named: look them up.
  const unnamed = ids.filter((personId) => !labelOf(personId));
  const outside = useQueries({
    queries: unnamed.map((personId) => ({
      queryKey: ['people', 'one', personId],
      queryFn: () => api.get<Person>(`/api/people/${encodeURIComponent(personId)}`),
    })),
  });
  for (const personId of [...ids].reverse()) {
    if (options.some((o) => o.value === personId)) continue;
    const fetched = outside.find((result) => result.data?.id === personId)?.data;
    const current = labelOf(personId) ?? (fetched ? optionOf(fetched) : null);
    if (current) options.unshift(current);
  }

  const remember = (values: string[]) => {
    setPicked((previous) => {
      const next = new Map(previous);
      for (const personId of values) {
        const option = options.find((o) => o.value === personId);
        if (option) next.set(personId, option);
      }
      return next;
    });
  };

  return (
    <Select
      id={id}
      mode={props.multiple ? 'multiple' : undefined}
      value={props.multiple ? ids : (props.value ?? undefined)}
      onChange={(next: string | string[] | undefined) => {
        remember(idsOf(next));
        if (props.multiple) props.onChange?.(idsOf(next));
        else props.onChange?.(next as string | undefined);
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
