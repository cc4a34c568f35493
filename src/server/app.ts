import fs from 'node:fs';
import path from 'node:path';
import Fastify, {
  type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyServerOptions, type RawReplyDefaultExpression,
  type RawRequestDefaultExpression, type RawServerDefault,
} from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { PackRegistry } from '../core/pack/registry.ts';
import type { Config } from './config.ts';
import type { DbHandle } from './db/database.ts';
import { type AppContext, createAppContext } from './platform/context.ts';
import { installErrorHandler, installNotFoundHandler } from './platform/errorHandler.ts';
import { guardPlugin } from './platform/guard.ts';
import { nulGuardPlugin } from './platform/nulGuard.ts';
import { registerModules } from './modules/index.ts';

// Validation messages in Chinese: they reach the user through the UI.
z.config(z.locales.zhCN());

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

export interface AppOptions {
  handle: DbHandle;
  config: Config;
  masterKey: Buffer;
  /** Pino logger options; false in tests. */
  logger?: FastifyServerOptions['logger'];
  /** The responsibility systems to run with (default: none loaded). */
  packs?: PackRegistry;
}

/** Builds the Fastify application: platform plugins, every module's routes, the web app. */
export interface RouteInfo {
  method: string;
  url: string;
}

export async function buildApp(opts: AppOptions): Promise<{ app: App; ctx: AppContext; routes: RouteInfo[] }> {
  const { handle, config } = opts;
  const ctx = createAppContext(handle, config, opts.masterKey, opts.packs);

  const app = Fastify({
    logger: opts.logger ?? false,
    // A hop count trusts that many proxies nearest to us (the function form of proxy-addr's number).
    trustProxy: typeof config.trustProxy === 'number' ? (_addr: string, hop: number) => hop < (config.trustProxy as number) : config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    // Keep ids out of logs' way: the request id is ours, not a client-supplied header.
    genReqId: () => crypto.randomUUID(),
    // Errors raised by the router itself (over-long path parameters, bad URLs) in our error shape.
    frameworkErrors: (error, _request, reply) => {
      const raw = reply as unknown as FastifyReply;
      raw.status(error.statusCode ?? 400).send({ error: { code: error.code ?? 'BAD_REQUEST', message: '请求地址或参数格式不正确' } });
    },
  }).withTypeProvider<ZodTypeProvider>() as App;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd injects its CSS-in-JS styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    referrerPolicy: { policy: 'same-origin' },
    // HSTS only makes sense behind TLS; the reverse proxy's docs say to enable it there.
    hsts: false,
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: config.maxUploadBytes, files: 1, fields: 10 } });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'lvzhi API', description: '履职：意识形态工作责任制管理系统 API', version: '0.1.0' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'lvzhi_sid' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  await app.register(guardPlugin, { ctx });
  await app.register(nulGuardPlugin);
  // The API's own routes, for the test that holds the OpenAPI document to covering all of them.
  const routes: RouteInfo[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push({ method, url: route.url });
  });
  await registerModules(app, ctx);
  installNotFoundHandler(app, await serveWebApp(app, config.webDir));
  return { app, ctx, routes };
}

/** Serves the built web app when there is one; returns whether it does. */
async function serveWebApp(app: App, webDir: string | null): Promise<boolean> {
  if (!webDir || !fs.existsSync(path.join(webDir, 'index.html'))) return false;
  await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false, index: 'index.html' });
  return true;
}
