import { List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDateTime } from '../../components/format.ts';
import type { ReportDetail } from './api.ts';
import { reportPath } from './paths.ts';

/** Every version of the draft, newest first; an older one opens read-only. */
export function VersionsPanel({ report, viewing }: { report: ReportDetail; viewing: number }) {
  const versions = [...report.versions].sort((a, b) => b.n - a.n);
  return (
    <List
      size="small"
      dataSource={versions}
      renderItem={(v) => {
        const current = v.n === report.currentVersion;
        return (
          <List.Item style={{ display: 'block', background: v.n === viewing ? '#fff7e6' : undefined }}>
            <Link to={current ? reportPath(report.id) : reportPath(report.id, v.n)}>第{v.n}版</Link>
            {current ? <Tag color="blue" style={{ marginLeft: 8 }}>当前</Tag> : null}
            {report.approvedVersion === v.n ? <Tag color="success" style={{ marginLeft: 8 }}>审定版</Tag> : null}
            {report.submittedVersion === v.n ? <Tag color="purple" style={{ marginLeft: 8 }}>报送版</Tag> : null}
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {v.note ?? ''} · {v.createdBy ?? '系统'} · {formatDateTime(v.createdAt)}
            </Typography.Text>
          </List.Item>
        );
      }}
    />
  );
}
