import { Button, Col, DatePicker, Flex, Form, Input, Row, type FormInstance } from 'antd';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { FieldDef, RecordTypeDef } from '../../../core/pack/schema.ts';
import { useSession } from '../../auth/session.ts';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import type { Org } from '../../http/types.ts';
import type { LedgerRecord } from './api.ts';
import { FieldInput } from './FieldInput.tsx';
import { DATE_FORMAT, dateLabelOf, fieldRules, namedRefsOf, TITLE_MAX, titleLabelOf, type RecordFormValues } from './fieldForm.ts';
import { keptBy } from './packTypes.ts';

/** Fields that read best across the whole form: long texts, file lists, multi-pickers. */
const isWide = (def: FieldDef) => def.type === 'longtext' || def.type === 'attachments' || (def.multiple && def.type !== 'choice');

interface RecordFormProps {
  form: FormInstance<RecordFormValues>;
  type: RecordTypeDef;
  initialValues: RecordFormValues;
  /** The record being edited: its people and org names label the pickers. */
  record?: LedgerRecord;
  saving: boolean;
  /** `another`: the user wants an empty form for the next record of the same type. */
  onSubmit: (values: RecordFormValues, another: boolean) => void;
  onCancel: () => void;
  /** Offer "保存并继续新增" (new records only). */
  offerAnother?: boolean;
}

/**
 * The form of one record type, generated from its field schema: the built-in org, title and date
 * first, then every pack-defined field with its control, required mark, help and the server's own
 * validation messages. Saving waits for uploads still running.
 */
export function RecordForm({ form, type, initialValues, record, saving, onSubmit, onCancel, offerAnother }: RecordFormProps) {
  const { data: session } = useSession();
  const orgId = Form.useWatch('orgId', form) as string | undefined;
  const another = useRef(false);
  const [uploading, setUploading] = useState<ReadonlySet<string>>(new Set());
  const busyReporters = useMemo(
    () =>
      Object.fromEntries(
        type.fields.map((def) => [
          def.id,
          (busy: boolean) =>
            setUploading((current) => {
              if (busy === current.has(def.id)) return current;
              const next = new Set(current);
              if (busy) next.add(def.id);
              else next.delete(def.id);
              return next;
            }),
        ]),
      ),
    [type],
  );
  const selectable = useCallback((org: Org) => keptBy(type, org), [type]);
  const submit = (again: boolean) => {
    another.current = again;
    form.submit();
  };

  const titleLabel = titleLabelOf(type);
  const dateLabel = dateLabelOf(type);
  return (
    <Form<RecordFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={(values) => onSubmit(values, another.current)}
      scrollToFirstError={{ block: 'center' }}
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="orgId"
            label="所属组织"
            rules={[{ required: true, message: '请选择所属组织' }]}
            extra={type.orgKinds ? '只有记录此类台账的组织可选' : undefined}
          >
            <OrgTreeSelect selectable={selectable} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="occurredOn" label={dateLabel} rules={[{ required: true, message: `请选择${dateLabel}` }]}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name="title"
            label={titleLabel}
            rules={[
              { required: true, whitespace: true, message: `请填写${titleLabel}` },
              { max: TITLE_MAX, message: `${titleLabel}不能超过${TITLE_MAX}个字` },
            ]}
          >
            <Input maxLength={TITLE_MAX} autoComplete="off" />
          </Form.Item>
        </Col>
        {type.fields.map((def) => (
          <Col key={def.id} xs={24} md={isWide(def) ? 24 : 12}>
            <Form.Item name={['fields', def.id]} label={def.label} rules={fieldRules(def)} extra={def.help}>
              <FieldInput
                def={def}
                known={record ? namedRefsOf(record.fields[def.id]) : undefined}
                orgId={orgId}
                maxUploadMb={session?.maxUploadMb}
                onBusyChange={busyReporters[def.id]}
              />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Flex className="lz-form-actions" gap={8} wrap justify="flex-end">
        <Button onClick={onCancel}>取消</Button>
        {offerAnother ? (
          <Button loading={saving} disabled={uploading.size > 0} onClick={() => submit(true)}>
            保存并继续新增
          </Button>
        ) : null}
        <Button type="primary" loading={saving} disabled={uploading.size > 0} onClick={() => submit(false)}>
          {uploading.size > 0 ? '正在上传附件…' : '保存'}
        </Button>
      </Flex>
    </Form>
  );
}
