import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Modal, Progress, Result, Select, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { RecordTypeDef } from '../../../core/pack/schema.ts';
import { download, isApiError, upload, withQuery } from '../../http/client.ts';
import { errorMessage } from '../../http/formErrors.ts';
import { ImportErrorsTable, isImportRowErrors, type ImportRowError } from '../../components/ImportErrorsTable.tsx';
import { EXCEL_PATHS, RECORD_CHANGE_INVALIDATES } from './api.ts';
import { typeOptions } from './packTypes.ts';

type State =
  | { step: 'choose' }
  | { step: 'uploading'; name: string; percent: number }
  | { step: 'done'; count: number | null }
  | { step: 'failed'; message: string; rows: ImportRowError[] };

/** The number of records an import wrote, whichever name the server gives it. */
export function importedCount(result: unknown): number | null {
  if (result === null || typeof result !== 'object') return null;
  for (const key of ['created', 'imported', 'count', 'total']) {
    const value = (result as Record<string, unknown>)[key];
    if (typeof value === 'number') return value;
  }
  return null;
}

export const downloadRecordTemplate = (packId: string, type: Pick<RecordTypeDef, 'id' | 'name'>) =>
  download(EXCEL_PATHS.template, { packId, typeId: type.id }, `${type.name}-导入模板.xlsx`);

interface RecordImportModalProps {
  open: boolean;
  onClose: () => void;
  packId: string;
  /** The types the user may import. */
  types: readonly RecordTypeDef[];
  /** The type the list shows, if one: preselected. */
  typeId?: string;
}

/**
 * Imports records of one type from its Excel template. The server takes all rows or none; when it
 * refuses, every bad cell is listed by sheet, row and column.
 */
export function RecordImportModal({ open, onClose, packId, types, typeId }: RecordImportModalProps) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [state, setState] = useState<State>({ step: 'choose' });
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const type = types.find((t) => t.id === (picked ?? typeId));

  const send = async (file: File) => {
    if (!type) return;
    setState({ step: 'uploading', name: file.name, percent: 0 });
    try {
      const path = withQuery(EXCEL_PATHS.import, { packId, typeId: type.id });
      const result = await upload<unknown>(path, file, (percent) => setState({ step: 'uploading', name: file.name, percent }));
      setState({ step: 'done', count: importedCount(result) });
      await Promise.all(RECORD_CHANGE_INVALIDATES.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    } catch (error) {
      setState({ step: 'failed', message: errorMessage(error), rows: isApiError(error) && isImportRowErrors(error.details) ? error.details : [] });
    }
  };

  const close = () => {
    if (state.step === 'uploading') return;
    setState({ step: 'choose' });
    setPicked(undefined);
    onClose();
  };

  return (
    <Modal
      open={open}
      title={type ? `Excel导入：${type.name}` : 'Excel导入台账记录'}
      onCancel={close}
      width={720}
      footer={<Button onClick={close}>{state.step === 'done' ? '完成' : '关闭'}</Button>}
    >
      {state.step === 'choose' || state.step === 'failed' ? (
        <>
          <Form layout="vertical">
            <Form.Item label="台账类型" required extra="每种台账的栏目不同，请先选择类型，再下载该类型的模板。">
              <Select
                value={type?.id}
                onChange={(id: string) => {
                  setPicked(id);
                  setState({ step: 'choose' });
                }}
                options={typeOptions(types)}
                showSearch={{ optionFilterProp: 'label' }}
                placeholder="选择台账类型"
              />
            </Form.Item>
          </Form>
          {type ? (
            <>
              <Typography.Paragraph>
                请先
                <Button
                  type="link"
                  size="small"
                  icon={<DownloadOutlined />}
                  onClick={() => void downloadRecordTemplate(packId, type).catch((e: unknown) => void message.error(errorMessage(e)))}
                >
                  下载“{type.name}”导入模板
                </Button>
                ，按表头逐行填写后上传。全部检查通过才会写入；有任何错误则不写入任何记录，并列出出错的行和列。佐证材料请在导入后到记录详情中上传。
              </Typography.Paragraph>
              {state.step === 'failed' ? <Alert type="error" showIcon title={state.message} style={{ marginBottom: 12 }} /> : null}
              {state.step === 'failed' ? <ImportErrorsTable rows={state.rows} /> : null}
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
        <Result status="success" title="导入完成" subTitle={state.count === null ? '记录已全部导入。' : `已导入 ${state.count} 条“${type?.name ?? ''}”记录。`} />
      ) : null}
    </Modal>
  );
}
