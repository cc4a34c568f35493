import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from './errors.ts';

interface ValidationIssue {
  instancePath?: string;
  message?: string;
  params?: { issue?: { path?: PropertyKey[] } };
}

/** "body.org.name" → "org.name": the field the user typed, without the transport location. */
function fieldOf(issue: ValidationIssue): string {
  const path = issue.params?.issue?.path;
  if (path && path.length > 0) return path.map(String).join('.');
  return (issue.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
}

const CLIENT_ERROR_MESSAGES: Record<number, string> = {
  404: '请求的资源不存在',
  413: '请求内容过大',
  415: '不支持的内容类型',
  429: '请求过于频繁，请稍后再试',
};

const LOCATION_LABEL: Record<string, string> = { body: '请求体', querystring: '查询参数', params: '路径参数', headers: '请求头' };

/**
 * The single error handler: AppErrors keep their status and code; validation errors become 400
 * naming the field; anything unknown becomes a 500 with an id and no internals (the stack goes to
 * the log under that id).
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      return reply.status(error.status).send({
        error: { code: error.code, message: error.message, field: error.field, details: error.details },
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation as ValidationIssue[];
      const first = issues[0];
      const field = first ? fieldOf(first) : '';
      const where = LOCATION_LABEL[error.validationContext ?? ''] ?? '';
      const message = `${field ? `字段 ${field}` : where || '请求'}：${first?.message ?? '格式不正确'}`;
      return reply.status(400).send({
        error: {
          code: 'VALIDATION',
          message,
          field: field || undefined,
          details: issues.map((i) => ({ field: fieldOf(i), message: i.message })),
        },
      });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own client errors: malformed JSON, wrong content type, body too large.
      const message = CLIENT_ERROR_MESSAGES[status] ?? '请求格式不正确';
      return reply.status(status).send({ error: { code: error.code ?? 'BAD_REQUEST', message } });
    }
    const id = randomUUID();
    request.log.error({ err: error, errorId: id }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'INTERNAL', message: `服务器内部错误（编号 ${id}）`, id } });
  });

}

/**
 * Unknown API paths answer a JSON 404; with the web app served, any other GET gets its index.html
 * so that client-side routes survive a reload.
 */
export function installNotFoundHandler(app: FastifyInstance, serveSpa: boolean): void {
  app.setNotFoundHandler((request, reply) => {
    if (serveSpa && request.method === 'GET' && !request.url.startsWith('/api/')) return reply.sendFile('index.html');
    return reply.status(404).send({ error: { code: 'NOT_FOUND', message: `接口不存在：${request.method} ${request.url.split('?')[0]}` } });
  });
}
