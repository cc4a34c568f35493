import { Alert, Button, Form, Input, InputNumber, Modal, Radio, Space, Typography } from 'antd';
import type { PeriodKind } from '../../../core/compliance/period.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { useApiMutation } from '../../components/useApiMutation.ts';
import { COMPLIANCE_KEY, deleteOverride, putOverride, type AppliedOverride } from './api.ts';
import { overrideText, thresholdText } from './status.ts';

/** The rule an override is about, from a matrix row or from the pack's list. */
export interface OverrideSubject {
  ruleId: string;
  name: string;
  basis: string;
  period: PeriodKind;
  /** The pack's threshold. */
  min: number;
  /** Whether the pack ships the rule switched on (variants ship off). */
  packEnabled: boolean;
  /** The override in force for the org now (its own or a superior's). */
  override: AppliedOverride | null;
}

type Mode = 'min' | 'off' | 'pack';

interface Values {
  mode: Mode;
  min?: number | null;
  reason: string;
}

function initialValues(subject: OverrideSubject, orgId: string): Values {
  const own = subject.override?.orgId === orgId ? subject.override : null;
  if (!own) return { mode: subject.override?.enabled === false || !subject.packEnabled ? 'pack' : 'min', min: null, reason: '' };
  if (!own.enabled) return { mode: 'off', min: null, reason: own.reason };
  return own.min === null ? { mode: 'pack', min: null, reason: own.reason } : { mode: 'min', min: own.min, reason: own.reason };
}

interface OverrideModalProps {
  org: { id: string; name: string };
  packId: string;
  subject: OverrideSubject | null;
  onClose: () => void;
}

/**
 * Adjusts a rule for an org and everything below it: another threshold, or switched off, always
 * with a reason (the local 实施细则); the change is audited and shown beside the status. An override
 * the org set itself can be withdrawn; one set above it can only be overridden again here.
 */
export function OverrideModal({ org, packId, subject, onClose }: OverrideModalProps) {
  const [form] = Form.useForm<Values>();
  const mode = Form.useWatch('mode', form);
  const own = subject?.override && subject.override.orgId === org.id ? subject.override : null;
  const inherited = subject?.override && !own ? subject.override : null;

  const save = useApiMutation(
    (values: Values) =>
      putOverride(org.id, subject!.ruleId, {
        packId,
        enabled: values.mode !== 'off',
        min: values.mode === 'min' ? (values.min ?? null) : null,
        reason: values.reason.trim(),
      }),
    { form, invalidate: [COMPLIANCE_KEY], success: `已保存对“${subject?.name ?? ''}”的调整`, onSuccess: onClose, formErrors: { rename: { enabled: 'mode' } } },
  );
  const remove = useApiMutation(() => deleteOverride(org.id, subject!.ruleId, packId), {
    invalidate: [COMPLIANCE_KEY],
    success: '已撤销调整，恢复按上级或制度包的规定',
    onSuccess: onClose,
  });

  return (
    <Modal
      open={!!subject}
      title={subject ? `调整要求：${subject.name}` : ''}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space wrap>
          {own ? (
            <ConfirmButton
              confirm="撤销本单位对这项要求的调整？"
              detail="撤销后本单位及下级恢复按上级调整或制度包的规定计算，操作会记入审计日志。"
              okText="撤销调整"
              loading={remove.isPending}
              onConfirm={() => remove.mutateAsync()}
            >
              撤销调整
            </ConfirmButton>
          ) : null}
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            保存
          </Button>
        </Space>
      }
    >
      {subject ? (
        <>
          <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
            依据：{subject.basis}
            <br />
            制度包规定：{subject.packEnabled ? thresholdText(subject.period, subject.min) : `默认不启用（启用后${thresholdText(subject.period, subject.min)}）`}
          </Typography.Paragraph>
          {inherited ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title={`目前按上级调整执行：${overrideText(inherited, subject.period, subject.min, org.id)}`}
              description={`理由：${inherited.reason}。在此保存将为“${org.name}”及其下级另行规定。`}
            />
          ) : null}
          <Form key={subject.ruleId} form={form} layout="vertical" initialValues={initialValues(subject, org.id)} onFinish={(values) => save.mutate(values)} requiredMark="optional">
            <Form.Item name="mode" label={`对“${org.name}”及其下级单位`} rules={[{ required: true, message: '请选择调整方式' }]}>
              <Radio.Group>
                <Space orientation="vertical">
                  <Radio value="min">调整最低次数</Radio>
                  <Radio value="pack">适用，按制度包规定的次数</Radio>
                  <Radio value="off">停用（本单位及下级不再考核此项）</Radio>
                </Space>
              </Radio.Group>
            </Form.Item>
            {mode === 'min' ? (
              <Form.Item
                name="min"
                label="最低次数"
                rules={[{ required: true, message: '请填写最低次数' }]}
                extra={`周期不变：${thresholdText(subject.period, subject.min).replace(/至少\d+次$/, '')}考核`}
              >
                <InputNumber min={1} max={10000} precision={0} suffix="次" style={{ width: 160 }} />
              </Form.Item>
            ) : null}
            <Form.Item
              name="reason"
              label="调整理由"
              rules={[
                { required: true, whitespace: true, message: '请填写调整理由（如依据的本地实施细则）' },
                { max: 500, message: '调整理由不能超过500字' },
              ]}
            >
              <Input.TextArea rows={3} maxLength={500} showCount placeholder="如：依据《XX市意识形态工作责任制实施细则》第X条" />
            </Form.Item>
          </Form>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            调整会记入审计日志，并在落实情况中显示在要求旁边。
          </Typography.Text>
        </>
      ) : null}
    </Modal>
  );
}
