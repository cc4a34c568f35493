import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Grid, Row, Space, Spin, Tabs, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useCan } from '../../auth/session.ts';
import { formatDateTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { recordPath } from '../ledger/ledgerNav.ts';
import { usePack } from '../ledger/api.ts';
import { type RegenerateResult, useReport, useReportVersion } from './api.ts';
import { displayBlocks, markedBlocks } from './documentView.ts';
import { OmittedPanel } from './OmittedPanel.tsx';
import { reportPath, REPORTS_PATH } from './paths.ts';
import { ProvenanceDrawer } from './ProvenanceDrawer.tsx';
import { RegenerateResultModal } from './RegenerateResultModal.tsx';
import { ReportActions } from './ReportActions.tsx';
import { ReportPaper } from './ReportPaper.tsx';
import { StatusTag } from './StatusTag.tsx';
import { DISCARD_SWITCH, useConfirmDiscard, useUnsavedGuard } from './useUnsavedGuard.ts';
import { VersionsPanel } from './VersionsPanel.tsx';
import './report.css';

/**
 * The draft editor: the report on an A4 page in the official layout (the preview of what Word will
 * print), each paragraph editable with a click, every figure and list opening the records it counts;
 * beside it the sentences left out and the versions. A clerk regenerates and submits, a leader
 * approves; after approval the page is read-only. ?version=n shows an older version read-only.
 * Text typed into a paragraph and not saved is not dropped unasked: opening another paragraph,
 * leaving the page and closing the tab ask first.
 */
export default function ReportEditorPage() {
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const phone = !(Grid.useBreakpoint().lg ?? true);
  const canWrite = useCan('report.write');
  const report = useReport(id);
  const asked = Number(search.get('version')) || null;
  const older = report.data && asked && asked !== report.data.currentVersion ? asked : null;
  const version = useReportVersion(id, older);
  const pack = usePack(report.data?.packId);
  const [editingId, setEditingId] = useState<string | null>(null);
  // The open paragraph's editor holds text not yet saved: switching paragraphs or leaving asks first.
  const [dirty, setDirty] = useState(false);
  const [runId, setRunId] = useState<string | null>(null);
  const [regenerated, setRegenerated] = useState<RegenerateResult | null>(null);
  const markIndex = useRef(0);
  const confirmDiscard = useConfirmDiscard();
  useUnsavedGuard(dirty);
  // null closes the editor (取消, or saved): that asks nothing.
  const edit = (blockId: string | null) => {
    if (blockId === editingId) return;
    if (blockId !== null && editingId !== null && dirty) confirmDiscard(DISCARD_SWITCH, () => setEditingId(blockId));
    else setEditingId(blockId);
  };

  if (report.error) return <QueryError error={report.error} onRetry={() => void report.refetch()} />;
  if (!report.data || (older && !version.data && !version.error)) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  if (older && version.error) return <QueryError error={version.error} onRetry={() => void version.refetch()} />;

  const r = report.data;
  const shown = older && version.data ? version.data : r;
  const shownVersion = older ?? r.version;
  const editable = canWrite && r.status === 'draft' && !older;
  const blocks = displayBlocks(shown.document);
  const marked = markedBlocks(blocks);
  const stale = blocks.filter((b) => b.stale).length;
  const locate = (blockId: string) => document.getElementById(`lz-block-${blockId}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  // Each click shows the next place left for the user, round again after the last.
  const nextMark = () => {
    const marks = document.querySelectorAll('.lz-paper .lz-mark');
    if (marks.length === 0) return;
    marks[markIndex.current++ % marks.length]!.scrollIntoView({ behavior: 'smooth', block: 'center' });
  };

  const side = (
    <Card size="small" styles={{ body: { padding: '0 12px 12px' } }}>
      <Tabs
        items={[
          {
            key: 'omitted',
            label: `删去的句子（${shown.omitted.length}）`,
            children: <OmittedPanel omitted={shown.omitted} pack={pack.data} onLocate={locate} />,
          },
          { key: 'versions', label: `版本（${r.versions.length}）`, children: <VersionsPanel report={r} viewing={shownVersion} /> },
        ]}
      />
    </Card>
  );

  return (
    <>
      <Link to={REPORTS_PATH}>
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0, marginBottom: 8 }}>
          返回报告列表
        </Button>
      </Link>
      <PageHeader
        title={
          <Space wrap size={8}>
            <span>{r.title}</span>
            <StatusTag status={r.status} />
          </Space>
        }
        description={`${r.orgName} · ${r.period.label} · ${r.templateName} · 第${shownVersion}版`}
        extra={<ReportActions report={r} version={shownVersion} readOnlyVersion={!!older} onRegenerated={setRegenerated} />}
      />
      <Flex vertical gap={12} style={{ marginBottom: 16 }}>
        {older ? (
          <Alert
            type="info"
            showIcon
            title={`正在查看第${older}版（只读）。`}
            action={
              <Link to={reportPath(r.id)}>
                <Button size="small">返回当前版本</Button>
              </Link>
            }
          />
        ) : null}
        {r.status === 'approved' && !older ? (
          <Alert
            type="success"
            showIcon
            title={`${r.approvedBy ?? ''}已于${formatDateTime(r.approvedAt)}审定第${r.approvedVersion}版，报告已冻结，不能再修改。`}
            description={canWrite ? '可以下载 Word 文件，或点击“报送上级”。' : undefined}
          />
        ) : null}
        {r.status === 'submitted' && !older ? (
          <Alert
            type="success"
            showIcon
            title={`${r.submittedBy ?? ''}已于${formatDateTime(r.submittedAt)}报送上级（第${r.submittedVersion}版）。`}
            description={r.submittedRecordId ? <Link to={recordPath(r.submittedRecordId)}>查看台账中的报送记录</Link> : undefined}
          />
        ) : null}
        {r.status === 'draft' && !older && marked > 0 ? (
          <Alert
            type="warning"
            showIcon
            action={
              <Button size="small" onClick={nextMark}>
                下一处
              </Button>
            }
            title={
              canWrite
                ? `有${marked}段含待补充的内容（黄色标出），请补录台账后重新生成，或点击该段直接改写；补全后才能审定。`
                : `有${marked}段含待补充的内容（黄色标出），党务工作人员补全后才能审定。`
            }
          />
        ) : null}
        {r.status === 'draft' && !older && stale > 0 ? (
          <Alert type="warning" showIcon title={`有${stale}段改写后台账数字发生了变化（标为“需核对”），请核对后保存。`} />
        ) : null}
        {editable ? (
          <Typography.Text type="secondary">点击段落即可修改；红色虚线标出的数字和清单来自台账，点击查看依据的记录。</Typography.Text>
        ) : (
          <Typography.Text type="secondary">红色虚线标出的数字和清单来自台账，点击查看依据的记录。</Typography.Text>
        )}
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={phone ? 24 : 16} xl={17}>
          <ReportPaper
            reportId={r.id}
            document={shown.document}
            provenance={shown.provenance}
            editable={editable}
            editingId={editable ? editingId : null}
            onEdit={edit}
            onDirtyChange={setDirty}
            onFigure={setRunId}
          />
        </Col>
        <Col xs={24} lg={phone ? 24 : 8} xl={7} className="lz-editor-side">
          {side}
        </Col>
      </Row>
      <ProvenanceDrawer reportId={r.id} version={older ?? undefined} runId={runId} provenance={shown.provenance} onClose={() => setRunId(null)} />
      <RegenerateResultModal result={regenerated} onClose={() => setRegenerated(null)} />
    </>
  );
}
