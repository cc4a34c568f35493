import { SafetyOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useEffect, useRef } from 'react';
import { errorMessage } from '../../http/formErrors.ts';
import { useApiMutation } from '../../components/useApiMutation.ts';
import { AUDIT_KEY, verifyAuditLog, type VerifyResult } from './api.ts';

function VerifyOutcome({ result }: { result: VerifyResult }) {
  if (result.ok) {
    return <Alert type="success" showIcon title={`日志完整：已校验全部 ${result.checked} 条记录，哈希链未发现被修改、删除或调换顺序的记录。`} />;
  }
  return (
    <Alert
      type="error"
      showIcon
      title="日志完整性校验未通过"
      description={result.problem ? `第 ${result.problem.seq} 条记录：${result.problem.message}（已校验 ${result.checked} 条）` : `已校验 ${result.checked} 条`}
    />
  );
}

/** Checks the audit log's hash chain and shows the verdict; runs at once when the page is opened with ?verify=1. */
export function useAuditVerification(autoRun: boolean) {
  const verify = useApiMutation(verifyAuditLog, { invalidate: [AUDIT_KEY] });
  const started = useRef(false);
  useEffect(() => {
    if (autoRun && !started.current) {
      started.current = true;
      verify.mutate();
    }
  }, [autoRun, verify]);

  const button = (
    <Button icon={<SafetyOutlined />} loading={verify.isPending} onClick={() => verify.mutate()}>
      校验日志完整性
    </Button>
  );
  const outcome = verify.data ? (
    <VerifyOutcome result={verify.data} />
  ) : verify.error ? (
    <Alert type="error" showIcon title={errorMessage(verify.error)} />
  ) : null;
  return { button, outcome };
}
