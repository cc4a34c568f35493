import { Card, Col, Descriptions, Row, Tag } from 'antd';
import type { NumericPolicyKey, SecurityPolicy } from '../../../core/auth/passwordPolicy.ts';
import { POLICY_SECTIONS } from './policyFields.ts';

const show = (value: number, key: NumericPolicyKey, unit = '') => {
  if (value === 0 && key === 'passwordMaxAgeDays') return '不过期';
  if (value === 0 && key === 'passwordHistory') return '不检查';
  return `${value} ${unit}`;
};

/** The policy for those who may read but not change it. */
export function PolicyView({ policy }: { policy: SecurityPolicy }) {
  return (
    <Row gutter={[16, 16]}>
      {POLICY_SECTIONS.map((section) => (
        <Col xs={24} lg={12} key={section.title}>
          <Card title={section.title} size="small" style={{ height: '100%' }}>
            <Descriptions
              column={1}
              size="small"
              items={section.fields.map((f) => ({ key: f.key, label: f.label, children: show(policy[f.key], f.key, f.unit) }))}
            />
          </Card>
        </Col>
      ))}
      <Col xs={24} lg={12}>
        <Card title="管理员访问" size="small" style={{ height: '100%' }}>
          <Descriptions
            column={1}
            size="small"
            items={[
              {
                key: 'adminIpAllowlist',
                label: '允许登录的地址',
                children: policy.adminIpAllowlist.length === 0 ? '不限制' : policy.adminIpAllowlist.map((c) => <Tag key={c}>{c}</Tag>),
              },
              { key: 'requireAdminMfa', label: '双因素认证', children: policy.requireAdminMfa ? '三员必须使用' : '未强制' },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
