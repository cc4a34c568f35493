import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Table, type TableColumnsType, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { errorMessage } from '../http/formErrors.ts';
import type { ListResult } from '../http/types.ts';
import type { ListParams } from './useListParams.ts';

interface ServerTableProps<T> {
  query: UseQueryResult<ListResult<T>>;
  columns: TableColumnsType<T>;
  params: ListParams;
  onParamsChange: (changes: Partial<ListParams>) => void;
  rowKey: keyof T & string;
  /** What to say when the list is empty: best a hint at what to do. */
  empty?: ReactNode;
  size?: TableProps<T>['size'];
}

/**
 * A table over a paged server list. Columns with `sorter: true` sort on the server by their `key`;
 * the table scrolls sideways on narrow screens instead of squeezing its columns.
 */
export function ServerTable<T extends object>({ query, columns, params, onParamsChange, rowKey, empty, size = 'middle' }: ServerTableProps<T>) {
  const sortedColumns = columns.map((column) =>
    column.sorter && column.key
      ? { ...column, sortOrder: column.key === params.sort ? (params.order === 'desc' ? 'descend' : 'ascend') : null }
      : column,
  ) as TableColumnsType<T>;

  const onChange: TableProps<T>['onChange'] = (pagination, _filters, sorter) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    const sortKey = one?.order ? String(one.columnKey) : undefined;
    onParamsChange({
      page: pagination.current ?? 1,
      pageSize: pagination.pageSize ?? params.pageSize,
      sort: sortKey,
      order: one?.order === 'descend' ? 'desc' : one?.order === 'ascend' ? 'asc' : undefined,
    });
  };

  return (
    <>
      {query.error ? <Alert type="error" showIcon title={errorMessage(query.error)} style={{ marginBottom: 12 }} /> : null}
      <Table<T>
        rowKey={rowKey}
        size={size}
        columns={sortedColumns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        onChange={onChange}
        scroll={{ x: 'max-content' }}
        locale={empty ? { emptyText: empty } : undefined}
        pagination={{
          current: params.page,
          pageSize: params.pageSize,
          total: query.data?.total ?? 0,
          showSizeChanger: true,
          // A list that stops counting says so ("超过 10000 条"); its pager ends at the count.
          showTotal: (total) => (query.data?.totalCapped ? `超过 ${total} 条` : `共 ${total} 条`),
          responsive: true,
        }}
      />
    </>
  );
}
