import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Drawer, Empty, Flex, Grid, List, Select, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Pack } from '../../../core/pack/schema.ts';
import { formatDateTime } from '../../components/format.ts';
import { errorMessage } from '../../http/formErrors.ts';
import { useOverrides, type RuleOverride } from './api.ts';
import type { OverrideSubject } from './OverrideModal.tsx';
import { overrideText, thresholdText } from './status.ts';

interface OverridesDrawerProps {
  open: boolean;
  onClose: () => void;
  org: { id: string; name: string; kind: string };
  pack: Pack | undefined;
  canEdit: boolean;
  /** Opens the override dialog for a rule. */
  onEdit: (subject: OverrideSubject) => void;
}

/** The pack's rules an org of this kind is bound by (or could switch on): the rule's kinds, else its record type's. */
function rulesFor(pack: Pack, orgKind: string) {
  const typeKinds = new Map(pack.recordTypes.map((t) => [t.id, t.orgKinds ?? null]));
  return pack.rules.filter((r) => {
    const kinds = r.orgKinds ?? typeKinds.get(r.recordType) ?? null;
    return !kinds || (kinds as readonly string[]).includes(orgKind);
  });
}

/**
 * The adjustments in force for an org — its own and those set above it — and a way to adjust any
 * rule of the pack, including the variants the pack ships switched off (so an org can adopt its
 * province's "twice a year" instead of the default).
 */
export function OverridesDrawer({ open, onClose, org, pack, canEdit, onEdit }: OverridesDrawerProps) {
  const phone = !(Grid.useBreakpoint().md ?? true);
  const overrides = useOverrides({ orgId: org.id, packId: pack?.id }, open);
  const [adding, setAdding] = useState<string | undefined>();
  const rules = useMemo(() => (pack ? rulesFor(pack, org.kind) : []), [pack, org.kind]);

  const subjectOf = (ruleId: string, o: RuleOverride | null): OverrideSubject | null => {
    const rule = pack?.rules.find((r) => r.id === ruleId);
    if (!rule) return null;
    return {
      ruleId, name: rule.name, basis: rule.basis, period: rule.period, min: rule.min, packEnabled: rule.enabled,
      override: o && { orgId: o.orgId, orgName: o.orgName, min: o.min, enabled: o.enabled, reason: o.reason },
    };
  };
  const edit = (ruleId: string) => {
    const subject = subjectOf(ruleId, overrides.data?.items.find((o) => o.ruleId === ruleId) ?? null);
    if (subject) onEdit(subject);
  };

  return (
    <Drawer open={open} onClose={onClose} size={phone ? '100%' : 520} title={`${org.name}的要求调整`}>
      <Typography.Paragraph type="secondary">
        各地实施细则不同：本单位可以调整某项要求的最低次数，或停用某项要求，对本单位及全部下级单位生效；下级可以再作调整，就近的调整为准。每次调整须写明理由，并记入审计日志。
      </Typography.Paragraph>
      {canEdit && pack ? (
        <Flex gap={8} style={{ marginBottom: 16 }}>
          <Select
            value={adding}
            onChange={setAdding}
            placeholder="选择要调整的要求"
            showSearch={{ optionFilterProp: 'label' }}
            style={{ flex: 1, minWidth: 0 }}
            options={rules.map((r) => ({
              value: r.id,
              label: `${r.name}（${r.enabled ? thresholdText(r.period, r.min) : '默认不启用'}）`,
            }))}
          />
          <Button type="primary" icon={<PlusOutlined />} disabled={!adding} onClick={() => adding && edit(adding)}>
            调整
          </Button>
        </Flex>
      ) : null}
      {overrides.error ? <Alert type="error" showIcon title={errorMessage(overrides.error)} /> : null}
      <List
        loading={overrides.isFetching}
        dataSource={overrides.data?.items ?? []}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有调整，全部按制度包的规定执行。" /> }}
        renderItem={(o) => {
          const rule = pack?.rules.find((r) => r.id === o.ruleId);
          return (
            <List.Item
              actions={canEdit ? [<Button key="edit" type="link" size="small" onClick={() => edit(o.ruleId)}>{o.inherited ? '另行调整' : '修改'}</Button>] : undefined}
            >
              <List.Item.Meta
                title={
                  <>
                    {o.ruleName}{' '}
                    {o.inherited ? <Tag>上级设置</Tag> : <Tag color="gold">本单位设置</Tag>}
                  </>
                }
                description={
                  <>
                    <div>
                      {rule ? overrideText(o, rule.period, rule.min, org.id) : o.enabled ? `最低${o.min ?? o.packMin ?? '—'}次` : '已停用'}
                      {rule ? `（制度包：${rule.enabled ? thresholdText(rule.period, rule.min) : '默认不启用'}）` : ''}
                    </div>
                    <div>理由：{o.reason}</div>
                    <div style={{ fontSize: 12 }}>更新于 {formatDateTime(o.updatedAt)}</div>
                  </>
                }
              />
            </List.Item>
          );
        }}
      />
    </Drawer>
  );
}
