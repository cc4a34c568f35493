import { InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Modal, Progress, Result, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { download, isApiError, upload } from '../../http/client.ts';
import { errorMessage } from '../../http/formErrors.ts';

export interface ImportResult {
  orgsCreated: number;
  orgsUpdated: number;
  peopleCreated: number;
  peopleUpdated: number;
}

interface RowError {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

type State =
  | { step: 'choose' }
  | { step: 'uploading'; name: string; percent: number }
  | { step: 'done'; result: ImportResult }
  | { step: 'failed'; message: string; rows: RowError[] };

const isRowErrors = (details: unknown): details is RowError[] =>
  Array.isArray(details) && details.every((d) => d && typeof d === 'object' && 'row' in d && 'message' in d);

export const downloadTemplate = () => download('/api/org-excel/template', undefined, '组织人员导入模板.xlsx');

/**
 * Imports orgs and people from the Excel template. The server takes all rows or none; when it
 * refuses, every bad cell is listed by sheet, row and column.
 */
export function ImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<State>({ step: 'choose' });

  const send = async (file: File) => {
    setState({ step: 'uploading', name: file.name, percent: 0 });
    try {
      const result = await upload<ImportResult>('/api/org-excel/import', file, (percent) => setState({ step: 'uploading', name: file.name, percent }));
      setState({ step: 'done', result });
      await Promise.all([queryClient.invalidateQueries({ queryKey: ['people'] }), queryClient.invalidateQueries({ queryKey: ['orgs'] })]);
    } catch (error) {
      setState({ step: 'failed', message: errorMessage(error), rows: isApiError(error) && isRowErrors(error.details) ? error.details : [] });
    }
  };

  const close = () => {
    if (state.step === 'uploading') return;
    setState({ step: 'choose' });
    onClose();
  };

  return (
    <Modal open={open} title="从Excel导入组织和人员" onCancel={close} width={720} footer={<Button onClick={close}>{state.step === 'done' ? '完成' : '关闭'}</Button>}>
      {state.step === 'choose' || state.step === 'failed' ? (
        <>
          <Typography.Paragraph>
            请先<a onClick={() => void downloadTemplate()}>下载导入模板</a>，在“组织”和“人员”两个工作表中按表头填写后上传。导入时全部检查通过才会写入；有任何错误则不写入任何数据，并列出出错的行和列。
          </Typography.Paragraph>
          {state.step === 'failed' ? (
            <Alert type="error" showIcon title={state.message} style={{ marginBottom: 12 }} />
          ) : null}
          {state.step === 'failed' && state.rows.length > 0 ? (
            <Table
              size="small"
              rowKey={(r) => `${r.sheet}-${r.row}-${r.column}-${r.message}`}
              dataSource={state.rows}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              scroll={{ y: 260 }}
              style={{ marginBottom: 12 }}
              columns={[
                { title: '工作表', dataIndex: 'sheet', width: 80 },
                { title: '行', dataIndex: 'row', width: 60 },
                { title: '列', dataIndex: 'column', width: 100 },
                { title: '错误原因', dataIndex: 'message' },
              ]}
            />
          ) : null}
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            showUploadList={false}
            beforeUpload={(file) => {
              void send(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p>{state.step === 'failed' ? '修改后重新选择文件' : '点击或拖入 .xlsx 文件'}</p>
          </Upload.Dragger>
        </>
      ) : null}
      {state.step === 'uploading' ? (
        <div style={{ padding: '24px 0' }}>
          <Typography.Paragraph>
            正在{state.percent < 100 ? '上传' : '检查并导入'}“{state.name}”…
          </Typography.Paragraph>
          <Progress percent={state.percent} status="active" />
        </div>
      ) : null}
      {state.step === 'done' ? (
        <Result
          status="success"
          title="导入完成"
          subTitle={`新建组织 ${state.result.orgsCreated} 个，更新组织 ${state.result.orgsUpdated} 个；新增人员 ${state.result.peopleCreated} 人，更新人员 ${state.result.peopleUpdated} 人。`}
        />
      ) : null}
    </Modal>
  );
}
