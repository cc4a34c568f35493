/**
 * One error vocabulary for the whole server. Services throw these; the error handler turns them into
 * `{ error: { code, message, field? } }` with the status. Messages are Chinese: the UI shows them.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The request field the error is about, when there is one. */
    readonly field?: string,
    /** Extra data for the client (e.g. row-level import errors). */
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string, field?: string, details?: unknown) =>
  new AppError(400, code, message, field, details);
export const unauthorized = (message = '请先登录') => new AppError(401, 'UNAUTHENTICATED', message);
export const forbidden = (message = '没有权限执行此操作', code = 'FORBIDDEN') => new AppError(403, code, message);
/** Also used for out-of-scope ids, so that existence never leaks across units. */
export const notFound = (what = '记录') => new AppError(404, 'NOT_FOUND', `${what}不存在或无权访问`);
export const conflict = (code: string, message: string, field?: string) => new AppError(409, code, message, field);
export const unprocessable = (code: string, message: string, field?: string, details?: unknown) =>
  new AppError(422, code, message, field, details);
