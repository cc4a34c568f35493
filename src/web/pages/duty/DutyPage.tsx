import { Card, DatePicker, Flex, Typography } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { useCan, useCurrentUser } from '../../auth/session.ts';
import { OrgTreeSelect } from '../../components/OrgTreeSelect.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { DutyRolesSection } from './DutyRolesSection.tsx';
import { LeadingGroupSection } from './LeadingGroupSection.tsx';

/** Who carries which duty, and who sits in the leading group, for one org and one year. */
export default function DutyPage() {
  const user = useCurrentUser();
  const canManage = useCan('people.manage');
  const [search, setSearch] = useSearchParams();
  const orgId = search.get('orgId') ?? user.orgId;
  const year = Number(search.get('year')) || new Date().getFullYear();

  const update = (changes: Record<string, string>) =>
    setSearch((previous) => ({ ...Object.fromEntries(previous), ...changes }), { replace: true });

  return (
    <>
      <PageHeader title="责任分工" description="按年度明确意识形态工作的主体责任、第一责任人、直接责任人和一岗双责，以及领导小组成员。" />
      <Card style={{ marginBottom: 16 }}>
        <Flex wrap gap={16} align="center">
          <Flex gap={8} align="center">
            <Typography.Text>组织</Typography.Text>
            <OrgTreeSelect value={orgId} onChange={(id) => id && update({ orgId: id })} style={{ width: 280 }} />
          </Flex>
          <Flex gap={8} align="center">
            <Typography.Text>年度</Typography.Text>
            <DatePicker
              picker="year"
              allowClear={false}
              value={dayjs(`${year}-01-01`)}
              onChange={(d) => d && update({ year: String(d.year()) })}
              minDate={dayjs('2000-01-01')}
              maxDate={dayjs('2100-12-31')}
            />
          </Flex>
        </Flex>
      </Card>
      <Flex vertical gap={16}>
        <DutyRolesSection orgId={orgId} year={year} canManage={canManage} />
        <LeadingGroupSection orgId={orgId} year={year} canManage={canManage} />
      </Flex>
    </>
  );
}
