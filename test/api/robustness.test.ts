import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../support/dialects.ts';
import { ADMIN_PASSWORD, Client, createTestApp, DEMO_PASSWORD, loggedIn, setupInstance, type TestApp } from '../support/testApp.ts';

// Every route, called with malformed input by every kind of caller, answers 4xx with a readable
// error — never a 500 — and the OpenAPI document describes every route.

type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; anyOf?: JsonSchema[] };
type Operation = { parameters?: { in: string; name: string; schema?: JsonSchema }[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } };
type OpenApi = { paths: Record<string, Record<string, Operation>> };

/** A value of the wrong type for a schema, to probe validation. */
function wrongValue(schema: JsonSchema | undefined): unknown {
  const type = [schema?.type ?? schema?.anyOf?.[0]?.type].flat()[0];
  switch (type) {
    case 'string': return { nested: ['not', 'a', 'string'] };
    case 'number':
    case 'integer': return 'NaN; DROP TABLE org;--';
    case 'boolean': return 'maybe';
    case 'array': return { not: 'an array' };
    case 'object': return 'not an object';
    default: return null;
  }
}

function deep(levels: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < levels; i++) value = { a: [value] };
  return value;
}

const ID_PROBES = ['00000000-0000-4000-8000-000000000000', "' OR 1=1--", 'x'.repeat(500), '..%2F..%2Fetc%2Fpasswd'];

describeEachDialect('API robustness', (dialect) => {
  let t: TestApp;
  let doc: OpenApi;
  const callers: [string, Client][] = [];

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await setupInstance(t.app, { demo: true });
    doc = t.app.swagger() as unknown as OpenApi;
    callers.push(['anonymous', new Client(t.app)]);
    callers.push(['sysadmin', await loggedIn(t.app, 'sysadmin', ADMIN_PASSWORD)]);
    callers.push(['auditor', await loggedIn(t.app, 'auditor', ADMIN_PASSWORD, 'Changed#2026pw')]);
    callers.push(['clerk', await loggedIn(t.app, 'clerk', DEMO_PASSWORD)]);
  });
  afterAll(() => t.close());

  it('documents every route in the OpenAPI document', () => {
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`)),
    );
    const missing = t.routes
      .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.url !== '/api/openapi.json')
      .map((r) => `${r.method} ${r.url}`)
      .filter((r) => !documented.has(r));
    expect(missing).toEqual([]);
  });

  it('answers malformed requests to every route with a 4xx naming the problem, never a 5xx', async () => {
    const failures: string[] = [];
    const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op })));
    // Logging out would end the callers' sessions and hide the routes after it.
    const probed = operations.filter((o) => o.path !== '/api/auth/logout');
    for (const { path, method, op } of probed) {
      const query = Object.fromEntries(
        (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => [p.name, JSON.stringify(wrongValue(p.schema))]),
      );
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      const wrongBody = Object.fromEntries(Object.entries(bodySchema?.properties ?? {}).map(([k, s]) => [k, wrongValue(s)]));
      const bodies: unknown[] = method === 'GET' || method === 'DELETE' ? [undefined] : [wrongBody, {}, [], 'text', 42, deep(200)];
      for (const id of ID_PROBES) {
        const url = path.replace(/\{\w+\}/g, encodeURIComponent(id)) + '?' + new URLSearchParams(query as Record<string, string>).toString();
        for (const [who, client] of callers) {
          for (const body of bodies) {
            const res = await client.request({ method: method as 'GET', url, payload: body === undefined ? undefined : JSON.stringify(body), headers: body === undefined ? {} : { 'content-type': 'application/json' } });
            const ok = res.statusCode < 500 && (res.statusCode < 400 || typeof res.json().error?.message === 'string');
            if (!ok) failures.push(`${who} ${method} ${url.slice(0, 80)} body=${JSON.stringify(body)?.slice(0, 40)} → ${res.statusCode} ${res.body.slice(0, 120)}`);
          }
        }
        if (!path.includes('{')) break;
      }
    }
    expect(failures).toEqual([]);
  });

  it('sends the security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.json()).toEqual({ status: 'ok' });
  });
});
