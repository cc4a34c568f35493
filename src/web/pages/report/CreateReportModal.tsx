import { Alert, DatePicker, Form, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { useCurrentUser } from '../../auth/session.ts';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { useApiMutation } from '../../components/useApiMutation.ts';
import { createReport, REPORTS_KEY, type TemplateSummary, useTemplates } from './api.ts';
import { PERIOD_KIND_LABELS } from './labels.ts';
import { checkPeriod, defaultPeriod, periodRequest, type PeriodValue } from './period.ts';
import { PeriodPicker } from './PeriodPicker.tsx';
import { reportPath } from './paths.ts';

interface DraftFields {
  templateId?: string;
  orgId?: string;
  period?: PeriodValue;
  issueDate?: Dayjs;
}

/** The template choices: the pack's first, then those imported from old reports. */
export function templateOptions(templates: readonly TemplateSummary[]) {
  const option = (t: TemplateSummary) => ({
    value: t.id,
    label: `${t.name}（${PERIOD_KIND_LABELS[t.periodKind]}）`,
  });
  const pack = templates.filter((t) => t.source === 'pack');
  const stored = templates.filter((t) => t.source === 'stored');
  return [
    ...(pack.length ? [{ label: '制度包模板', title: '制度包模板', options: pack.map(option) }] : []),
    ...(stored.length ? [{ label: '由旧报告导入的模板', title: '由旧报告导入的模板', options: stored.map(option) }] : []),
  ];
}

/**
 * 起草报告: a template, the reporting org (its subtree's records count), the period the template is
 * for and the date of issue; the draft opens in the editor.
 */
export function CreateReportModal({ open, onClose, templateId }: { open: boolean; onClose: () => void; templateId?: string }) {
  const [form] = Form.useForm<DraftFields>();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const templates = useTemplates();
  const today = dayjs().format('YYYY-MM-DD');
  const chosenId = Form.useWatch('templateId', form);
  const chosen = templates.data?.find((t) => t.id === chosenId);
  const period = checkPeriod(Form.useWatch('period', form));

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ orgId: user.orgId, issueDate: dayjs(), templateId });
  }, [open, form, user.orgId, templateId]);

  // A template sets the period's kind: start from the period the clerk most likely means (again
  // each time the form opens, after the reset above).
  const periodKind = chosen?.periodKind;
  useEffect(() => {
    if (open && periodKind) form.setFieldsValue({ period: defaultPeriod(periodKind === 'range' ? 'year' : periodKind, today) });
  }, [open, chosenId, periodKind, form, today]);

  const create = useApiMutation(
    (fields: DraftFields) =>
      createReport({
        templateId: fields.templateId!,
        orgId: fields.orgId,
        period: periodRequest(fields.period!),
        issueDate: fields.issueDate?.format('YYYY-MM-DD'),
      }),
    {
      form,
      formErrors: { rename: { 'period.kind': 'period' } },
      invalidate: [REPORTS_KEY],
      success: (report) => `已起草“${report.title}”`,
      // The list (and this form with it) gives way to the editor.
      onSuccess: (report) => void navigate(reportPath(report.id)),
    },
  );

  return (
    <Modal
      open={open}
      title="起草报告"
      okText="起草"
      cancelText="取消"
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      forceRender
      destroyOnHidden={false}
    >
      <Typography.Paragraph type="secondary">按模板从台账生成初稿：数字取自所选单位及其下级的台账记录，每个数字都可以点开查看依据的记录。</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(fields) => create.mutate(fields)} requiredMark="optional">
        <Form.Item name="templateId" label="模板" rules={[{ required: true, message: '请选择模板' }]}>
          <Select
            options={templateOptions(templates.data ?? [])}
            loading={templates.isPending}
            placeholder="选择报告模板"
            showSearch={{ optionFilterProp: 'label' }}
            notFoundContent="还没有模板"
          />
        </Form.Item>
        {chosen && chosen.unboundCount > 0 ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={`该模板有${chosen.unboundCount}处占位符未绑定台账数据，起草后需在编辑器中补充。`}
          />
        ) : null}
        <Form.Item name="orgId" label="报告单位" extra="该单位及其全部下级的台账计入报告。" rules={[{ required: true, message: '请选择报告单位' }]}>
          <OrgTreeSelect />
        </Form.Item>
        {chosen ? (
          <Form.Item
            name="period"
            label="报告期"
            extra={'label' in period ? `报告期为${period.label}，数字按这一期间的台账记录统计。` : undefined}
            rules={[
              {
                validator: (_, value?: PeriodValue) => {
                  const checked = checkPeriod(value);
                  return 'error' in checked ? Promise.reject(new Error(checked.error)) : Promise.resolve();
                },
              },
            ]}
          >
            <PeriodPicker templateKind={chosen.periodKind} today={today} />
          </Form.Item>
        ) : (
          <Form.Item label="报告期">
            <Typography.Text type="secondary">先选择模板：年度、半年和季度报告各有其报告期。</Typography.Text>
          </Form.Item>
        )}
        <Form.Item name="issueDate" label="成文日期" extra="落款处的日期。">
          <DatePicker style={{ width: '100%' }} allowClear={false} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
