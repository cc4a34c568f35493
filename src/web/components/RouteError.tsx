import { Button, Result } from 'antd';
import { useRouteError } from 'react-router';

/**
 * A page that failed to load or render. After an upgrade the old page's code chunks are gone, so
 * the usual remedy is a reload.
 */
export function RouteError() {
  const error = useRouteError();
  const chunkFailed = error instanceof Error && /dynamically imported module|Importing a module script failed/i.test(error.message);
  return (
    <Result
      status="error"
      title={chunkFailed ? '页面加载失败' : '页面出错了'}
      subTitle={chunkFailed ? '系统可能刚刚升级，请刷新页面后重试。' : '请刷新页面后重试；如问题持续，请联系系统管理员。'}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          刷新页面
        </Button>
      }
    />
  );
}
