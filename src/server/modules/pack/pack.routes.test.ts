import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createPackRegistry } from '../../../core/pack/registry.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { Client, createTestApp, DEMO_PASSWORD, loggedIn, setupInstance, shippedPacks, type TestApp } from '../../../../test/support/testApp.ts';
import { loadPackRegistry } from './pack.catalog.ts';

// A second responsibility system added as data only: the fixture pack next to the shipped one,
// with no code change, is listed and served whole.

const CLEAN_GOV = path.resolve(import.meta.dirname, '../../../../test/fixtures/packs/clean_gov');

describeEachDialect('packs API', (dialect) => {
  let t: TestApp;
  let clerk: Client;

  beforeEach(async () => {
    const packs = createPackRegistry([...shippedPacks().all(), ...loadPackRegistry([CLEAN_GOV]).all()]);
    t = await createTestApp(dialect, { packs });
    await setupInstance(t.app, { demo: true });
    clerk = await loggedIn(t.app, 'clerk', DEMO_PASSWORD);
  });
  afterEach(() => t.close());

  it('lists every loaded pack with its counts', async () => {
    const res = await clerk.get('/api/packs');
    expect(res.statusCode).toBe(200);
    const packs = res.json() as { id: string; recordTypeCount: number; ruleCount: number }[];
    expect(packs.map((p) => p.id)).toEqual(['ideology', 'clean_gov']);
    expect(packs[0]!.recordTypeCount).toBeGreaterThanOrEqual(20);
    expect(packs[0]!.ruleCount).toBeGreaterThanOrEqual(25);
    expect(packs[1]).toEqual({ id: 'clean_gov', name: '党风廉政建设责任制', version: '0.1', description: '党风廉政建设责任制的示例制度包：专题会议、廉政谈话和警示教育。', recordTypeCount: 3, ruleCount: 4 });
  });

  it('serves a whole pack for the forms: record types with fields, rules, metrics, duties', async () => {
    const res = await clerk.get('/api/packs/clean_gov');
    expect(res.statusCode).toBe(200);
    const pack = res.json();
    expect(pack.recordTypes.map((r: { id: string }) => r.id)).toEqual(['integrity_meeting', 'integrity_talk', 'warning_education']);
    expect(pack.recordTypes[1].fields[0]).toEqual({
      id: 'talk_kind', label: '谈话类型', type: 'choice', required: true, multiple: false,
      options: [{ value: 'collective', label: '集体廉政谈话' }, { value: 'reminder', label: '提醒谈话' }, { value: 'pre_appointment', label: '任前廉政谈话' }],
    });
    expect(pack.rules.find((r: { id: string }) => r.id === 'CG-02')).toMatchObject({ period: 'year', min: 1, where: [{ field: 'talk_kind', equals: 'collective' }] });
    expect(pack.metrics).toHaveLength(3);
    expect(pack.duties.primary[0]).toEqual({ id: 'study_and_deploy', text: '定期专题研究部署党风廉政建设工作', rules: ['CG-01'] });
    const ideology = await clerk.get('/api/packs/ideology');
    expect(ideology.json().rules.find((r: { id: string }) => r.id === 'IW-01')).toMatchObject({ period: 'quarter', min: 1 });
  });

  it('answers 404 for a pack that is not loaded, and 401 before login', async () => {
    const missing = await clerk.get('/api/packs/nothing_here');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toBe('制度包不存在或无权访问');
    const anonymous = await new Client(t.app).get('/api/packs');
    expect(anonymous.statusCode).toBe(401);
  });

  it('runs test apps with the shipped ideology pack by default', async () => {
    const plain = await createTestApp(dialect);
    try {
      expect(plain.ctx.packs.all().map((p) => p.id)).toEqual(['ideology']);
      expect(plain.ctx.packs.rule('ideology', 'IW-04')?.period).toBe('half_year');
    } finally {
      await plain.close();
    }
  });
});
