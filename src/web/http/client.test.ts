// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockFetch } from '../testing/dom.tsx';
import { api, ApiError, errorFromResponse, fileNameFrom, setAuthProblemHandler, setCsrfToken, withQuery } from './client.ts';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  setAuthProblemHandler(() => {});
});

describe('API client', () => {
  it('turns the server error body into an ApiError with code, field and details', () => {
    const body = { error: { code: 'PASSWORD_POLICY', message: '密码至少需要8个字符', field: 'sysadmin.password', details: [{ code: 'TOO_SHORT' }] } };
    const error = errorFromResponse(422, JSON.stringify(body));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, code: 'PASSWORD_POLICY', message: '密码至少需要8个字符', field: 'sysadmin.password' });
    expect(error.details).toEqual([{ code: 'TOO_SHORT' }]);
  });

  it('gives a readable Chinese message for bodies that are not the API format', () => {
    expect(errorFromResponse(502, '<html>Bad Gateway</html>').message).toBe('服务器暂时无法访问，请稍后再试');
    expect(errorFromResponse(500, '').message).toBe('请求失败（HTTP 500）');
    expect(errorFromResponse(429, JSON.stringify({ error: { code: 'X', message: '请求格式不正确' } })).message).toBe('操作过于频繁，请稍后再试');
  });

  it('sends the CSRF token on state-changing requests only', async () => {
    const calls = mockFetch({ 'GET /api/orgs': () => ({ body: { items: [], total: 0 } }), 'POST /api/orgs': () => ({ body: { id: 'o1' } }) });
    setCsrfToken('token-1');
    await api.get('/api/orgs');
    await api.post('/api/orgs', { name: '办公室' });
    expect(calls[0]!.headers['X-CSRF-Token']).toBeUndefined();
    expect(calls[1]!.headers['X-CSRF-Token']).toBe('token-1');
    expect(calls[1]!.body).toEqual({ name: '办公室' });
  });

  it('reports an expired session to the handler and still rejects', async () => {
    mockFetch({ 'GET /api/people': () => ({ status: 401, body: { error: { code: 'SESSION_EXPIRED', message: '会话已超时，请重新登录' } } }) });
    const handler = vi.fn();
    setAuthProblemHandler(handler);
    await expect(api.get('/api/people')).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });
    expect(handler).toHaveBeenCalledWith('expired');
  });

  it('reports a due password change, but not a failed login', async () => {
    mockFetch({
      'GET /api/orgs': () => ({ status: 403, body: { error: { code: 'MUST_CHANGE_PASSWORD', message: '须先修改密码' } } }),
      'POST /api/auth/login': () => ({ status: 401, body: { error: { code: 'BAD_CREDENTIALS', message: '用户名或密码错误' } } }),
    });
    const handler = vi.fn();
    setAuthProblemHandler(handler);
    await expect(api.get('/api/orgs')).rejects.toBeInstanceOf(ApiError);
    await expect(api.post('/api/auth/login', {})).rejects.toMatchObject({ message: '用户名或密码错误' });
    expect(handler.mock.calls).toEqual([['password']]);
  });

  it('builds query strings without empty values', () => {
    expect(withQuery('/api/people', { q: '张', page: 2, orgId: undefined, sort: '' })).toBe('/api/people?q=%E5%BC%A0&page=2');
    expect(withQuery('/api/people', {})).toBe('/api/people');
  });

  it('reads the UTF-8 file name of a download', () => {
    expect(fileNameFrom(`attachment; filename="audit.xlsx"; filename*=UTF-8''${encodeURIComponent('审计日志.xlsx')}`, 'x')).toBe('审计日志.xlsx');
    expect(fileNameFrom('attachment; filename="orgs.xlsx"', 'x')).toBe('orgs.xlsx');
    expect(fileNameFrom(null, 'fallback.json')).toBe('fallback.json');
  });
});
