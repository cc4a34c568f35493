import { Table } from 'antd';

/** One refused cell of an Excel import, as the server lists it in a 422's details. */
export interface ImportRowError {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

export const isImportRowErrors = (details: unknown): details is ImportRowError[] =>
  Array.isArray(details) && details.length > 0 && details.every((d) => d && typeof d === 'object' && 'row' in d && 'message' in d);

/** The rows an import refused, by sheet, row and column, so that the user can fix the file and try again. */
export function ImportErrorsTable({ rows }: { rows: readonly ImportRowError[] }) {
  if (rows.length === 0) return null;
  return (
    <Table
      size="small"
      rowKey={(r) => `${r.sheet}-${r.row}-${r.column}-${r.message}`}
      dataSource={[...rows]}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      scroll={{ y: 260 }}
      style={{ marginBottom: 12 }}
      columns={[
        { title: '工作表', dataIndex: 'sheet', width: 100 },
        { title: '行', dataIndex: 'row', width: 60 },
        { title: '列', dataIndex: 'column', width: 120 },
        { title: '错误原因', dataIndex: 'message' },
      ]}
    />
  );
}
