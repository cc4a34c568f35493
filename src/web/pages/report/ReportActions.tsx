import { CheckOutlined, FilePdfOutlined, FileWordOutlined, SendOutlined, SyncOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useCan } from '../../auth/session.ts';
import { ConfirmButton } from '../../components/ConfirmButton.tsx';
import { useApiMutation } from '../../components/useApiMutation.ts';
import { download } from '../../http/client.ts';
import { errorMessage } from '../../http/formErrors.ts';
import { approveReport, type RegenerateResult, regenerateReport, type ReportDetail, reportFilePath, REPORTS_KEY, submitReport } from './api.ts';

interface ReportActionsProps {
  report: ReportDetail;
  /** The version on screen; downloads take it. */
  version: number;
  /** An older version is on screen: nothing changes the draft from there. */
  readOnlyVersion: boolean;
  onRegenerated: (result: RegenerateResult) => void;
}

/**
 * What may be done with the draft, by role and status: regenerate (clerk, while drafting), approve
 * (leader, while drafting), submit upward (clerk, once approved), and the Word and PDF files (all).
 */
export function ReportActions({ report, version, readOnlyVersion, onRegenerated }: ReportActionsProps) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const canWrite = useCan('report.write');
  const canApprove = useCan('report.approve');
  const [downloading, setDownloading] = useState<'docx' | 'pdf' | null>(null);
  const put = (report: ReportDetail) => queryClient.setQueryData([...REPORTS_KEY, 'one', report.id], report);
  const list = [[...REPORTS_KEY, 'list']] as const;

  const regenerate = useApiMutation(() => regenerateReport(report.id), {
    invalidate: list,
    onSuccess: (result) => {
      put(result.report);
      onRegenerated(result);
    },
  });
  const approve = useApiMutation(() => approveReport(report.id), { invalidate: list, success: '报告已审定，当前版本已冻结', onSuccess: put });
  const submit = useApiMutation(() => submitReport(report.id), {
    invalidate: [...list, [...REPORTS_KEY, 'submissions']],
    success: '已报送上级，并在台账中登记了报送记录',
    onSuccess: put,
  });

  const fetchFile = (format: 'docx' | 'pdf') => {
    setDownloading(format);
    const name = `${report.title}.${format}`;
    download(reportFilePath(report.id, format), { version: readOnlyVersion ? version : undefined }, name)
      .catch((error: unknown) => void message.error(errorMessage(error)))
      .finally(() => setDownloading(null));
  };

  const drafting = report.status === 'draft' && !readOnlyVersion;
  return (
    <>
      {canWrite && drafting ? (
        <Button icon={<SyncOutlined />} onClick={() => regenerate.mutate()} loading={regenerate.isPending}>
          按最新台账重新生成
        </Button>
      ) : null}
      {canApprove && drafting ? (
        <ConfirmButton
          type="primary"
          danger={false}
          icon={<CheckOutlined />}
          confirm={`审定第${report.currentVersion}版？`}
          detail="审定后报告冻结，不能再修改或重新生成；党务工作人员随后可以报送上级。"
          okText="审定"
          onConfirm={() => approve.mutateAsync().catch(() => {})}
          loading={approve.isPending}
        >
          审定
        </ConfirmButton>
      ) : null}
      {canWrite && report.status === 'approved' && !readOnlyVersion ? (
        <ConfirmButton
          type="primary"
          danger={false}
          icon={<SendOutlined />}
          confirm="报送上级？"
          detail={`报送第${report.approvedVersion ?? report.currentVersion}版（审定版）。报送后将在台账中登记一条向上级报告的记录（附本报告的 Word 文件），计入“按时向上级报告”等要求；上级可在“报送情况”中阅读。`}
          okText="报送"
          onConfirm={() => submit.mutateAsync().catch(() => {})}
          loading={submit.isPending}
        >
          报送上级
        </ConfirmButton>
      ) : null}
      <Button icon={<FileWordOutlined />} onClick={() => fetchFile('docx')} loading={downloading === 'docx'}>
        下载Word
      </Button>
      <Button icon={<FilePdfOutlined />} onClick={() => fetchFile('pdf')} loading={downloading === 'pdf'}>
        下载PDF
      </Button>
    </>
  );
}
