import { randomToken } from '../../platform/crypto.ts';
import type { App } from '../../app.ts';
import type { AppContext } from '../../platform/context.ts';
import { forbidden } from '../../platform/errors.ts';
import { SetupBody, SetupResult } from './setup.schema.ts';
import { isSetupDone } from './setup.repository.ts';
import { runSetup } from './setup.service.ts';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export async function setupRoutes(app: App, ctx: AppContext): Promise<void> {
  // Whoever reaches an uninitialised server first could make themselves its administrator. From
  // the machine itself that is the installer; from elsewhere they must show the token printed in
  // the server log at start.
  const setupToken = randomToken(16);
  app.addHook('onReady', async () => {
    if (!(await isSetupDone(ctx.db))) {
      app.log.warn(`lvzhi is not set up yet. Open the web page to create the organization; from another machine use setup token ${setupToken}`);
    }
  });

  app.post(
    '/api/setup',
    {
      config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags: ['setup'], summary: '首次运行：创建顶级组织和三员账号，可选加载演示数据', body: SetupBody, response: { 200: SetupResult } },
    },
    async (request) => {
      if (!LOOPBACK.has(request.ip) && request.body.setupToken !== setupToken) {
        throw forbidden('非本机访问须提供初始化令牌（见服务器启动日志）', 'SETUP_TOKEN');
      }
      return runSetup(ctx, request.body, request.ip);
    },
  );
}
