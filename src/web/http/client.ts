/**
 * The one way the web app talks to the server: JSON over fetch, the session cookie sent by the
 * browser, the CSRF token echoed on every state-changing request, and errors turned into ApiError.
 */

/** The server's error body: `{ error: { code, message, field?, details? } }`. */
export interface ApiErrorBody {
  code: string;
  message: string;
  field?: string;
  details?: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The request field the error is about ("org.name"), when the server names one. */
    readonly field?: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const isApiError = (error: unknown): error is ApiError => error instanceof ApiError;

/** Codes that mean "this user must change the password before anything else". */
export const PASSWORD_CHANGE_CODES = ['MUST_CHANGE_PASSWORD', 'PASSWORD_EXPIRED'] as const;

export type AuthProblem = 'unauthenticated' | 'expired' | 'password';

/** What an error says about the session, if anything. */
export function authProblemOf(error: ApiError): AuthProblem | null {
  // Other 401s (BAD_CREDENTIALS on the login form) say nothing about an existing session.
  if (error.status === 401 && error.code === 'SESSION_EXPIRED') return 'expired';
  if (error.status === 401 && error.code === 'UNAUTHENTICATED') return 'unauthenticated';
  if (error.status === 403 && (PASSWORD_CHANGE_CODES as readonly string[]).includes(error.code)) return 'password';
  // The policy sends an administrator without a second factor to enrolment: the session says where.
  if (error.status === 403 && error.code === 'MFA_ENROLMENT_REQUIRED') return 'password';
  return null;
}

let csrfToken: string | null = null;
let onAuthProblem: (problem: AuthProblem) => void = () => {};
let lastRequestAt = 0;

/** Set from GET /api/auth/session and from the login response. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request reveals that the session is gone or needs a password change. */
export function setAuthProblemHandler(handler: (problem: AuthProblem) => void): void {
  onAuthProblem = handler;
}

/** When the server last heard from this page (every request counts as activity there). */
export const lastServerContact = (): number => lastRequestAt;

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

/** "/api/people" + { q: "张", page: 2, orgId: undefined } → "/api/people?q=%E5%BC%A0&page=2". */
export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

function headersFor(method: string, json: boolean, background: boolean): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  // A timed poll is not the user at work: the server then leaves the idle clock alone.
  if (background) headers['X-Lvzhi-Background'] = '1';
  if (json) headers['Content-Type'] = 'application/json';
  if (!SAFE_METHODS.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  return headers;
}

/** Builds an ApiError from a failed response's status and (possibly non-JSON) body text. */
export function errorFromResponse(status: number, text: string): ApiError {
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // A proxy's HTML error page, for instance: fall through to the generic message.
  }
  const error = (body as { error?: Partial<ApiErrorBody> } | null)?.error;
  // The rate limiter's own reply does not carry a message meant for users.
  if (status === 429) return new ApiError(status, 'RATE_LIMITED', '操作过于频繁，请稍后再试');
  if (error && typeof error.message === 'string') {
    return new ApiError(status, error.code ?? 'ERROR', error.message, error.field ?? undefined, error.details);
  }
  if (status === 502 || status === 503 || status === 504) return new ApiError(status, 'UNAVAILABLE', '服务器暂时无法访问，请稍后再试');
  return new ApiError(status, 'HTTP_' + status, `请求失败（HTTP ${status}）`);
}

function report(error: ApiError): ApiError {
  const problem = authProblemOf(error);
  if (problem) onAuthProblem(problem);
  return error;
}

async function send(method: string, path: string, body?: unknown, background = false): Promise<Response> {
  const json = body !== undefined && !(body instanceof FormData);
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: headersFor(method, json, background),
      body: body === undefined ? undefined : json ? JSON.stringify(body) : (body as FormData),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  if (!background) lastRequestAt = Date.now();
  if (!response.ok) throw report(errorFromResponse(response.status, await response.text()));
  return response;
}

export async function request<T>(method: string, path: string, body?: unknown, background = false): Promise<T> {
  const response = await send(method, path, body, background);
  const text = await response.text();
  return (text ? JSON.parse(text) : null) as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  /** A timed background read (polling) that does not count as user activity. */
  poll: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query), undefined, true),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

/** The file name from Content-Disposition, preferring the UTF-8 `filename*` form. */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // Malformed encoding: try the plain form.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain?.[1]?.trim() || fallback;
}

/**
 * Downloads a file through fetch rather than a plain link, so that an error (no permission, session
 * expired) shows as a message instead of a page of JSON.
 */
export async function download(path: string, query?: Query, fallbackName = 'download'): Promise<void> {
  const response = await send('GET', withQuery(path, query));
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameFrom(response.headers.get('content-disposition'), fallbackName);
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Uploads one file as multipart field `file`, reporting progress (0–100); fetch cannot report upload progress. */
export function upload<T>(path: string, file: Blob, onProgress?: (percent: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && onProgress) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试'));
    xhr.onload = () => {
      lastRequestAt = Date.now();
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as T);
        } catch {
          reject(new ApiError(xhr.status, 'BAD_RESPONSE', '服务器返回的内容无法识别'));
        }
        return;
      }
      reject(report(errorFromResponse(xhr.status, xhr.responseText)));
    };
    const form = new FormData();
    form.append('file', file, file instanceof File ? file.name : 'upload');
    xhr.send(form);
  });
}
