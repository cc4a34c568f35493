import { CheckCircleFilled, RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { can } from '../../../core/auth/roles.ts';
import { api } from '../../http/client.ts';
import { useOrgList } from '../../http/orgs.ts';
import type { ListResult, Person } from '../../http/types.ts';
import { useCurrentUser } from '../../auth/session.ts';
import { roleLabel } from '../../components/labels.ts';
import { nextSteps, type Step } from './nextSteps.ts';

function StepCard({ step }: { step: Step }) {
  return (
    <Link to={step.to}>
      <Card hoverable size="small" style={{ height: '100%' }}>
        <Typography.Text strong>
          {step.done ? <CheckCircleFilled style={{ color: '#389e0d', marginRight: 6 }} /> : null}
          {step.title}
          <RightOutlined style={{ fontSize: 11, marginLeft: 6 }} />
        </Typography.Text>
        <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0', fontSize: 13 }}>
          {step.done ? '已完成。' : ''}
          {step.description}
        </Typography.Paragraph>
      </Card>
    </Link>
  );
}

export default function HomePage() {
  const user = useCurrentUser();
  const readsOrgs = can(user.roles, 'org.read');
  const orgs = useOrgList(false, readsOrgs);
  const people = useQuery({
    queryKey: ['people', 'count'],
    queryFn: () => api.get<ListResult<Person>>('/api/people', { pageSize: 1 }),
    enabled: readsOrgs,
  });
  const orgCount = readsOrgs && orgs.data ? orgs.data.total : null;
  const peopleCount = readsOrgs && people.data ? people.data.total : null;
  const steps = nextSteps(user.roles, { orgCount, peopleCount });

  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        您好，{user.displayName}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {user.orgName} · {user.roles.map(roleLabel).join('、') || '尚未授予角色'}
      </Typography.Paragraph>

      {readsOrgs ? (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title="组织数" value={orgCount ?? '—'} />
            </Card>
          </Col>
          <Col xs={12} md={6}>
            <Card size="small">
              <Statistic title="人员数" value={peopleCount ?? '—'} />
            </Card>
          </Col>
        </Row>
      ) : null}

      <Typography.Title level={5}>接下来可以做</Typography.Title>
      {steps.length === 0 ? (
        <Empty description="您的账号还没有任何角色。请联系安全管理员为您授予角色。" />
      ) : (
        <Row gutter={[16, 16]}>
          {steps.map((step) => (
            <Col xs={24} sm={12} xl={8} key={step.key}>
              <StepCard step={step} />
            </Col>
          ))}
        </Row>
      )}
    </>
  );
}
