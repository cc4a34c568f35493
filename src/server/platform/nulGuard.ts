import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { badRequest } from './errors.ts';

// PostgreSQL's text and jsonb cannot hold U+0000: a NUL in an id, a query value or a JSON body made
// the query or the insert fail with a 500 there, while SQLite stored it. No field of lvzhi has a use
// for one, so a request carrying one is refused up front with a 400 naming the field, on both
// databases alike. Runs after the guard, so a caller without the right still gets 401/403 first.

const NUL = '\u0000';

/** The path of the first string (or key) holding a NUL, walked without recursion; null when none does. */
export function nulPath(root: unknown): string[] | null {
  const stack: { value: unknown; path: string[] }[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes(NUL)) return path;
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, String(i)] });
    } else if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, v] = entries[i]!;
        if (key.includes(NUL)) return [...path, key.replaceAll(NUL, '')];
        stack.push({ value: v, path: [...path, key] });
      }
    }
  }
  return null;
}

function refuseNul(request: FastifyRequest): void {
  for (const part of [request.params, request.query, request.body]) {
    const path = nulPath(part);
    if (!path) continue;
    const field = path.join('.');
    throw badRequest('NUL_CHARACTER', `${field ? `字段 ${field}` : '请求'}含有空字符（U+0000），请删除后重试`, field || undefined);
  }
}

export const nulGuardPlugin = fp(
  async (app) => {
    app.addHook('preValidation', async (request) => refuseNul(request));
  },
  { name: 'lvzhi-nul-guard', dependencies: ['lvzhi-guard'] },
);
