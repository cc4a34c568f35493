import { type RawBuilder, sql } from 'kysely';
import { z } from 'zod';

/**
 * Query parameters shared by every list route: 1-based page, page size, sort field and direction,
 * free-text search. Routes extend it with their own filters and list their sortable fields.
 */
export function listQuery<const S extends readonly [string, ...string[]]>(sortable: S, defaultSort: S[number]) {
  return z.object({
    page: z.coerce.number().int().min(1).default(1).describe('页码，从1开始'),
    pageSize: z.coerce.number().int().min(1).max(200).default(20).describe('每页条数，最多200'),
    sort: z.enum(sortable).default(defaultSort as never).describe('排序字段'),
    order: z.enum(['asc', 'desc']).default('asc').describe('排序方向'),
    q: z.string().trim().max(100).optional().describe('搜索关键词'),
  });
}

export const pageOf = (query: { page: number; pageSize: number }) => ({
  limit: query.pageSize,
  offset: (query.page - 1) * query.pageSize,
});

/** Escapes LIKE wildcards in user input, so "50%" searches for the literal text. */
export function likeContains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Case-insensitive "column contains text", the same on SQLite and PostgreSQL (PostgreSQL's LIKE is
 * case-sensitive, SQLite's is not; both lower-case here). `column` is a trusted column reference.
 */
export function containsText(column: string, text: string): RawBuilder<boolean> {
  return sql<boolean>`lower(${sql.ref(column)}) like ${likeContains(text.toLowerCase())} escape '\\'`;
}

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });
