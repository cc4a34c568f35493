import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Drawer, Flex, Form, Grid, Input, Select, Spin, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useApiMutation } from '../../components/useApiMutation.ts';
import { errorMessage } from '../../http/formErrors.ts';
import { usePack } from '../ledger/api.ts';
import { type ImportPreview, importTemplate, saveTemplate, type TemplateKind, type TemplatePeriodKind, TEMPLATES_KEY } from './api.ts';
import { bindingsOf, type Choice, keptCount } from './bindings.ts';
import { kindOptions, periodKindOptions } from './labels.ts';
import { OutlineTree } from './OutlineTree.tsx';
import { templatePath } from './paths.ts';
import { PlaceholderTable } from './PlaceholderTable.tsx';

interface SaveFields {
  name: string;
  kind: TemplateKind;
  periodKind: TemplatePeriodKind;
}

/**
 * 导入旧报告: upload last year's report (.txt or .docx); lvzhi reads its outline and placeholders and
 * binds the figures it can; the user binds the rest (or leaves them for each draft), names the
 * template and saves it. Nothing is stored before 保存模板.
 */
export function ImportTemplateDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const phone = !(Grid.useBreakpoint().md ?? true);
  const [form] = Form.useForm<SaveFields>();
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [reading, setReading] = useState(false);
  const [choices, setChoices] = useState<Map<number, Choice>>(new Map());
  const pack = usePack('ideology');

  const read = (file: File) => {
    setReading(true);
    importTemplate(file)
      .then((result) => {
        setPreview(result);
        setChoices(new Map());
        form.setFieldsValue({ name: result.suggestion.name, kind: result.suggestion.kind, periodKind: result.suggestion.periodKind });
      })
      .catch((error: unknown) => void message.error(errorMessage(error)))
      .finally(() => setReading(false));
  };

  const save = useApiMutation(
    (fields: SaveFields) =>
      saveTemplate({ ...fields, text: preview!.text, sourceName: preview!.fileName, bindings: bindingsOf(preview!.placeholders, choices) }),
    {
      form,
      invalidate: [TEMPLATES_KEY],
      success: (saved) => `已保存模板“${saved.name}”`,
      onSuccess: (saved) => {
        close();
        void navigate(templatePath(saved.id));
      },
    },
  );

  const close = () => {
    setPreview(null);
    setChoices(new Map());
    onClose();
  };

  const placeholders = preview?.placeholders ?? [];
  const numbers = placeholders.filter((p) => p.kind === 'number');
  const auto = placeholders.filter((p) => p.becomes === 'metric').length;
  const kept = keptCount(placeholders, choices);

  return (
    <Drawer
      open={open}
      onClose={close}
      size={phone ? '100%' : 1000}
      title={preview ? `导入旧报告：${preview.fileName}` : '导入旧报告'}
      destroyOnHidden
      extra={
        preview ? (
          <Flex gap={8}>
            <Button onClick={() => setPreview(null)}>重新选择文件</Button>
            <Button type="primary" onClick={() => form.submit()} loading={save.isPending}>
              保存模板
            </Button>
          </Flex>
        ) : null
      }
    >
      {!preview ? (
        <Spin spinning={reading} description="正在读取报告…">
          <Typography.Paragraph>
            上传往年的工作总结或情况报告（.txt 或 .docx）。系统会读出它的提纲和其中的占位符（如“召开中心组学习会**次”中的 **），把能对应台账指标的数字自动绑定，其余的由您绑定或保留。
          </Typography.Paragraph>
          <Upload.Dragger
            accept=".txt,.docx"
            multiple={false}
            showUploadList={false}
            beforeUpload={(file) => {
              read(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">点击或拖入旧报告文件</p>
            <p className="ant-upload-hint">支持 .txt（UTF-8 或 GB18030）和 .docx；只读取，不会保存原文件。</p>
          </Upload.Dragger>
        </Spin>
      ) : (
        <Flex vertical gap={16}>
          <Alert
            type={kept > 0 ? 'warning' : 'success'}
            showIcon
            title={`读出${placeholders.length}个占位符（数字${numbers.length}个），其中${auto}个已自动绑定台账指标。`}
            description={
              kept > 0
                ? `还有${kept}个保留原样：每次起草时会标为待补充，需要手工填写。请在下表中为它们选择台账指标或填写文字。`
                : '每个占位符都有了着落，起草时不会留下待补充的内容。'
            }
          />
          <Form form={form} layout={phone ? 'vertical' : 'inline'} onFinish={(fields) => save.mutate(fields)} requiredMark="optional">
            <Form.Item name="name" label="模板名称" rules={[{ required: true, whitespace: true, message: '请填写模板名称' }, { max: 100, message: '模板名称不能超过100个字' }]} style={{ minWidth: 320 }}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="kind" label="类别" rules={[{ required: true }]}>
              <Select options={kindOptions} style={{ width: 170 }} />
            </Form.Item>
            <Form.Item name="periodKind" label="适用周期" rules={[{ required: true }]}>
              <Select options={periodKindOptions} style={{ width: 120 }} />
            </Form.Item>
          </Form>
          <Card size="small" title="占位符">
            <PlaceholderTable
              placeholders={placeholders}
              choices={choices}
              metrics={pack.data?.metrics ?? []}
              onChange={(index, choice) => setChoices((previous) => new Map(previous).set(index, choice))}
            />
          </Card>
          <Card size="small" title="读出的提纲">
            {preview.title ? <Typography.Paragraph strong>标题：{preview.title}</Typography.Paragraph> : null}
            {preview.sections.length > 0 ? <OutlineTree nodes={preview.sections} /> : <Typography.Text type="secondary">没有读出分级标题。</Typography.Text>}
            {preview.signature.org || preview.signature.date ? (
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                落款：{[preview.signature.org, preview.signature.date].filter(Boolean).join(' ')}
              </Typography.Paragraph>
            ) : null}
          </Card>
        </Flex>
      )}
    </Drawer>
  );
}
