import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SAMPLE_000 } from '../../../../test/fixtures/reports/expected.ts';
import { describeEachDialect } from '../../../../test/support/dialects.ts';
import { addTopicMeeting, annualDraft, blockWith, figureOf, type ReportJson, reportSnapshot, textOfBlock } from '../../../../test/support/reportApi.ts';
import { closeReportWorld, type ReportWorld, reportWorld } from '../../../../test/support/reportWorld.ts';
import { ADMIN_PASSWORD, loggedIn } from '../../../../test/support/testApp.ts';

// A draft as its users change it: a clerk rewrites paragraphs and the title (each a new version,
// the older text still there), the ledger changes and the clerk regenerates (figures follow the
// ledger, the clerk's text stays, the changes are listed), a leader signs it off (then it is frozen).

describeEachDialect('reports: editing, regenerating and approving a draft', (dialect) => {
  let w: ReportWorld;
  beforeAll(async () => {
    w = await reportWorld(dialect);
  });
  afterAll(() => closeReportWorld(w));

  it('edits a paragraph as a new version, keeps the older text in the version list, and restores the generated text', async () => {
    const report = await annualDraft(w);
    const block = blockWith(report, '专题研究意识形态工作');
    const generated = textOfBlock(report, block.id);
    const res = await w.clerk.put(`/api/reports/${report.id}/blocks/${block.id}`, { text: '  局党组全年专题研究意识形态工作，研究解决重大问题。  ' });
    expect(res.statusCode).toBe(200);
    const edited: ReportJson = res.json();
    expect([edited.version, edited.currentVersion]).toEqual([2, 2]);
    // A run-in heading: the user's text is its body, the heading stays.
    expect(textOfBlock(edited, block.id)).toBe('（一）强化组织领导，压实工作责任。局党组全年专题研究意识形态工作，研究解决重大问题。');
    expect(edited.document.blocks.find((b) => b.id === block.id)).toMatchObject({ edited: true, stale: false });
    expect(edited.document.blocks.filter((b) => b.edited).map((b) => b.id)).toEqual([block.id]);
    expect(edited.versions.map((v) => [v.n, v.generation])).toEqual([[1, 1], [2, 1]]);
    expect(edited.versions[1]!.note).toContain(block.id);

    const v1 = await w.viewer.get(`/api/reports/${report.id}/versions/1`);
    expect(v1.statusCode).toBe(200);
    expect(textOfBlock(v1.json(), block.id)).toBe(generated);
    expect(v1.json().document.blocks.find((b: { id: string }) => b.id === block.id).edited).toBe(false);
    const v2 = await w.viewer.get(`/api/reports/${report.id}/versions/2`);
    expect(textOfBlock(v2.json(), block.id)).toBe('（一）强化组织领导，压实工作责任。局党组全年专题研究意识形态工作，研究解决重大问题。');

    const restored = await w.clerk.put(`/api/reports/${report.id}/blocks/${block.id}`, { text: null });
    expect(restored.statusCode).toBe(200);
    expect(restored.json().version).toBe(3);
    expect(textOfBlock(restored.json(), block.id)).toBe(generated);
    expect(restored.json().document.blocks.some((b: { edited: boolean }) => b.edited)).toBe(false);
    // The figure is a figure again: it links to its records.
    expect(figureOf(restored.json(), 'topic_meeting.dedicated.count').value).toBe(figureOf(report, 'topic_meeting.dedicated.count').value);
  });

  it('edits the title; the report is listed and downloaded under it', async () => {
    const report = await annualDraft(w);
    const res = await w.clerk.put(`/api/reports/${report.id}/blocks/title`, { text: '示例市文化广电旅游局党组关于2025年度意识形态工作责任制落实情况的报告' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ title: '示例市文化广电旅游局党组关于2025年度意识形态工作责任制落实情况的报告', version: 2 });
    expect(res.json().document.title).toBe('示例市文化广电旅游局党组关于2025年度意识形态工作责任制落实情况的报告');
    const list = await w.viewer.get('/api/reports?year=2025');
    expect(list.json().items.find((r: { id: string }) => r.id === report.id).title).toBe('示例市文化广电旅游局党组关于2025年度意识形态工作责任制落实情况的报告');
    const docx = await w.viewer.get(`/api/reports/${report.id}/docx`);
    expect(docx.headers['content-disposition']).toContain(encodeURIComponent('示例市文化广电旅游局党组关于2025年度意识形态工作责任制落实情况的报告.docx'));
    const empty = await w.clerk.put(`/api/reports/${report.id}/blocks/title`, { text: '   ' });
    expect([empty.statusCode, empty.json().error.field]).toEqual([422, 'text']);
    expect(empty.json().error.message).toBe('标题不能为空');
  });

  it('names the field of a bad edit and writes nothing', async () => {
    const report = await annualDraft(w);
    const paragraph = report.document.blocks.find((b) => b.kind === 'paragraph')!;
    const before = await reportSnapshot(w.t);
    const cases: [string, unknown, number, string][] = [
      [`/api/reports/${report.id}/blocks/no-such-block`, { text: '改' }, 404, 'blockId'],
      [`/api/reports/${report.id}/blocks/${paragraph.id}`, { text: 1 }, 400, 'text'],
      [`/api/reports/${report.id}/blocks/${paragraph.id}`, {}, 400, 'text'],
      [`/api/reports/${report.id}/blocks/${paragraph.id}`, { text: '改'.repeat(20_001) }, 400, 'text'],
      [`/api/reports/${report.id}/blocks/${paragraph.id}`, { text: '改', heading: '标题' }, 422, 'heading'],
      [`/api/reports/${report.id}/blocks/${paragraph.id}`, { text: '改', note: 'x'.repeat(201) }, 400, 'note'],
      ['/api/reports/00000000-0000-4000-8000-000000000000/blocks/title', { text: '改' }, 404, 'id'],
    ];
    for (const [url, body, status, field] of cases) {
      const res = await w.clerk.put(url, body);
      expect([res.statusCode, res.json().error?.field], `${url} ${JSON.stringify(body).slice(0, 60)}`).toEqual([status, field]);
      expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(await reportSnapshot(w.t)).toBe(before);
    const version = await w.clerk.get(`/api/reports/${report.id}/versions/9`);
    expect([version.statusCode, version.json().error.field]).toEqual([404, 'n']);
    const docx = await w.clerk.get(`/api/reports/${report.id}/docx?version=9`);
    expect([docx.statusCode, docx.json().error.field]).toEqual([404, 'version']);
    const run = await w.clerk.get(`/api/reports/${report.id}/provenance/nope`);
    expect([run.statusCode, run.json().error.field]).toEqual([404, 'runId']);
  });

  it('regenerates after the ledger changed: the figure follows the ledger, the edit stays, the changes are listed', async () => {
    const report = await annualDraft(w);
    const figure = figureOf(report, 'topic_meeting.dedicated.count');
    const meetings = blockWith(report, '专题研究意识形态工作');
    const other = blockWith(report, '中心组集中学习');
    const otherEdit = '严格落实理论学习中心组学习制度，坚持集体学习与个人自学相结合。';
    expect((await w.clerk.put(`/api/reports/${report.id}/blocks/${other.id}`, { text: otherEdit })).statusCode).toBe(200);

    const record = await addTopicMeeting(w.clerk, w.t, w.orgs.root, '2025-11-20');
    const res = await w.clerk.post(`/api/reports/${report.id}/regenerate`);
    expect(res.statusCode).toBe(200);
    const { report: next, changes } = res.json() as { report: ReportJson; changes: { blockId: string; label: string | null; before: string | null; after: string | null; edited: boolean }[] };
    const after = String(Number(figure.value) + 1);
    expect(changes).toContainEqual({ blockId: meetings.id, slot: '{{metric:topic_meeting.dedicated.count}}', label: expect.any(String), before: figure.value, after, edited: false });
    expect(changes.every((c) => c.before !== c.after)).toBe(true);
    expect(next.version).toBe(3);
    expect(next.versions.map((v) => v.generation)).toEqual([1, 1, 2]);
    expect(textOfBlock(next, meetings.id)).toContain(`先后${after}次专题研究意识形态工作`);
    expect(textOfBlock(next, other.id)).toMatch(new RegExp(`。${otherEdit}$`));
    expect(next.document.blocks.find((b) => b.id === other.id)).toMatchObject({ edited: true });
    expect(res.json().keptEdits).toEqual([{ blockId: other.id, stale: false }]);

    // The figure's provenance is the new one: it lists the record just added.
    const moved = figureOf(next, 'topic_meeting.dedicated.count');
    const prov = await w.viewer.get(`/api/reports/${report.id}/provenance/${moved.runId}`);
    expect(prov.json()).toMatchObject({ total: Number(after), value: after });
    expect(prov.json().items.map((r: { id: string }) => r.id)).toContain(record.id);
    // The first version still traces the old figure to the old records.
    const old = await w.viewer.get(`/api/reports/${report.id}/provenance/${figure.runId}?version=1`);
    expect(old.json().total).toBe(Number(figure.value));
    expect(old.json().items.map((r: { id: string }) => r.id)).not.toContain(record.id);
  });

  it('keeps an edited paragraph whose figure changed, flags it stale, and asks for a look before approval', async () => {
    const report = await annualDraft(w);
    const meetings = blockWith(report, '专题研究意识形态工作');
    const mine = '局党组高度重视意识形态工作，多次专题研究。';
    await w.clerk.put(`/api/reports/${report.id}/blocks/${meetings.id}`, { text: mine });
    await addTopicMeeting(w.clerk, w.t, w.orgs.root, '2025-12-01');
    const res = await w.clerk.post(`/api/reports/${report.id}/regenerate`);
    const { report: next, changes } = res.json();
    expect(textOfBlock(next, meetings.id)).toBe(`（一）强化组织领导，压实工作责任。${mine}`);
    expect(changes).toContainEqual(expect.objectContaining({ blockId: meetings.id, slot: '{{metric:topic_meeting.dedicated.count}}', edited: true }));
    expect(next.document.blocks.find((b: { id: string }) => b.id === meetings.id)).toMatchObject({ edited: true, stale: true });
    expect(res.json().keptEdits).toEqual([{ blockId: meetings.id, stale: true }]);
    const approve = await w.leader.post(`/api/reports/${report.id}/approve`);
    expect([approve.statusCode, approve.json().error.code, approve.json().error.details]).toEqual([422, 'REPORT_STALE', [meetings.id]]);
    // Looking at it again (saving the paragraph) settles it.
    await w.clerk.put(`/api/reports/${report.id}/blocks/${meetings.id}`, { text: mine });
    expect((await w.leader.post(`/api/reports/${report.id}/approve`)).statusCode).toBe(200);
  });

  it('follows the ledger both ways: a record added then deleted moves the figure up and back, each version tracing its own records; the user\'s title stays', async () => {
    const report = await annualDraft(w);
    const figure = figureOf(report, 'topic_meeting.dedicated.count');
    const title = '局党组2025年度意识形态工作情况报告';
    expect((await w.clerk.put(`/api/reports/${report.id}/blocks/title`, { text: title })).statusCode).toBe(200);
    const record = await addTopicMeeting(w.clerk, w.t, w.orgs.root, '2025-10-09', '临时补录的专题会议');
    const up = (await w.clerk.post(`/api/reports/${report.id}/regenerate`)).json();
    const raised = figureOf(up.report, 'topic_meeting.dedicated.count');
    expect(raised.value).toBe(String(Number(figure.value) + 1));
    expect((await w.clerk.delete(`/api/records/${record.id}`)).statusCode).toBe(200);
    const down = await w.clerk.post(`/api/reports/${report.id}/regenerate`);
    expect(down.statusCode).toBe(200);
    expect(down.json().changes).toContainEqual(expect.objectContaining({ slot: '{{metric:topic_meeting.dedicated.count}}', before: raised.value, after: figure.value }));
    expect(down.json().report).toMatchObject({ title, version: 4 });
    expect(down.json().keptEdits).toEqual([{ blockId: 'title', stale: false }]);
    expect(down.json().report.document.title).toBe(title);
    expect(down.json().report.versions.map((v: { generation: number }) => v.generation)).toEqual([1, 1, 2, 3]);
    // Version 3 still traces its figure to the record, deleted since.
    const traced = (await w.viewer.get(`/api/reports/${report.id}/provenance/${raised.runId}?version=3`)).json();
    expect(traced.items.map((r: { id: string }) => r.id)).toContain(record.id);
  });

  it('regenerating an unchanged ledger changes no figure', async () => {
    const report = await annualDraft(w);
    const res = await w.clerk.post(`/api/reports/${report.id}/regenerate`);
    expect(res.statusCode).toBe(200);
    expect(res.json().changes).toEqual([]);
    expect(res.json().keptEdits).toEqual([]);
  });

  it('lets only a leader approve; an approved report is frozen and cannot be approved again', async () => {
    const report = await annualDraft(w);
    const block = blockWith(report, '专题研究意识形态工作');
    const byClerk = await w.clerk.post(`/api/reports/${report.id}/approve`);
    expect(byClerk.statusCode).toBe(403);
    expect((await w.inspector.post(`/api/reports/${report.id}/approve`)).statusCode).toBe(403);
    const res = await w.leader.post(`/api/reports/${report.id}/approve`, { note: '同意报送' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'approved', approvedVersion: 1, approvedBy: 'top_leader' });
    expect(res.json().approvedAt).toEqual(expect.any(String));

    const before = await reportSnapshot(w.t);
    const edit = await w.clerk.put(`/api/reports/${report.id}/blocks/${block.id}`, { text: '改' });
    expect([edit.statusCode, edit.json().error]).toEqual([409, expect.objectContaining({ code: 'REPORT_APPROVED', message: '报告已审定，不能再修改或重新生成' })]);
    const title = await w.clerk.put(`/api/reports/${report.id}/blocks/title`, { text: '改' });
    expect(title.statusCode).toBe(409);
    const regen = await w.clerk.post(`/api/reports/${report.id}/regenerate`);
    expect([regen.statusCode, regen.json().error.code]).toEqual([409, 'REPORT_APPROVED']);
    const again = await w.leader.post(`/api/reports/${report.id}/approve`);
    expect([again.statusCode, again.json().error]).toEqual([409, expect.objectContaining({ code: 'REPORT_NOT_DRAFT', message: '报告已审定' })]);
    expect(await reportSnapshot(w.t)).toBe(before);
  });

  it('does not approve a draft with parts left for the user, until they are written', async () => {
    // A template from an old report whose figures nobody bound: they are marked for the user.
    const text = fs.readFileSync(SAMPLE_000.file, 'utf8');
    const template = await w.clerk.post('/api/report-templates', { name: '旧报告', kind: 'annual_report', periodKind: 'year', text });
    expect(template.statusCode).toBe(200);
    const res = await w.clerk.post('/api/reports', { orgId: w.orgs.root, templateId: template.json().id, period: { kind: 'year', year: 2025 } });
    expect(res.statusCode).toBe(200);
    const isMarked = (b: ReportJson['document']['blocks'][number]) => [b.text, 'body' in b ? b.body : null].some((v) => Array.isArray(v) && v.some((r) => r.mark));
    const marked = (res.json() as ReportJson).document.blocks.filter(isMarked);
    expect(marked.length).toBeGreaterThan(0);
    const approve = await w.leader.post(`/api/reports/${res.json().id}/approve`);
    expect([approve.statusCode, approve.json().error.code, approve.json().error.field]).toEqual([422, 'REPORT_INCOMPLETE', 'document']);
    expect(approve.json().error.details).toEqual(marked.map((b) => b.id));
    expect(approve.json().error.message).toContain(`${marked.length}段`);
    expect((await w.clerk.get(`/api/reports/${res.json().id}`)).json().status).toBe('draft');
    for (const block of marked) expect((await w.clerk.put(`/api/reports/${res.json().id}/blocks/${block.id}`, { text: '已补充。' })).statusCode).toBe(200);
    expect((await w.leader.post(`/api/reports/${res.json().id}/approve`)).statusCode).toBe(200);
  });

  it('refuses concurrent edits cleanly: each lands as its own version or is refused, never a 500', async () => {
    const report = await annualDraft(w);
    const blocks = report.document.blocks.filter((b) => b.kind === 'paragraph').slice(0, 4);
    const results = await Promise.all(blocks.map((b, i) => w.clerk.put(`/api/reports/${report.id}/blocks/${b.id}`, { text: `第${i}段改写。` })));
    expect(results.map((r) => r.statusCode).every((s) => s === 200 || s === 409)).toBe(true);
    const now = (await w.clerk.get(`/api/reports/${report.id}`)).json() as ReportJson;
    const ok = results.filter((r) => r.statusCode === 200).length;
    expect(now.currentVersion).toBe(1 + ok);
    expect(now.versions.map((v) => v.n)).toEqual(Array.from({ length: 1 + ok }, (_, i) => i + 1));
    // No edit is lost silently: every 200 is in the current version.
    const landed = results.map((r, i) => [r.statusCode, i] as const).filter(([s]) => s === 200).map(([, i]) => blocks[i]!.id);
    for (const id of landed) expect(now.document.blocks.find((b) => b.id === id)!.edited, id).toBe(true);
  });

  it('approves the version the leader read: a newer one since is refused until read', async () => {
    const report = await annualDraft(w);
    const read = (await w.leader.get(`/api/reports/${report.id}`)).json().version;
    await w.clerk.put(`/api/reports/${report.id}/blocks/title`, { text: '审阅后又改的标题' });
    const stale = await w.leader.post(`/api/reports/${report.id}/approve`, { version: read });
    expect([stale.statusCode, stale.json().error]).toEqual([409, expect.objectContaining({ code: 'REPORT_CHANGED', field: 'version', message: '报告已更新到第2版，请阅读最新版本后再审定' })]);
    expect((await w.clerk.get(`/api/reports/${report.id}`)).json().status).toBe('draft');
    const ok = await w.leader.post(`/api/reports/${report.id}/approve`, { version: 2 });
    expect([ok.statusCode, ok.json().approvedVersion]).toEqual([200, 2]);
    const bad = await w.leader.post(`/api/reports/${report.id}/approve`, { version: 'two' });
    expect([bad.statusCode, bad.json().error.field]).toEqual([400, 'version']);
  });

  it('approve and a concurrent edit: the edit is either in the approved version or refused', async () => {
    const report = await annualDraft(w);
    const block = blockWith(report, '专题研究意识形态工作');
    const [edit, approve] = await Promise.all([
      w.clerk.put(`/api/reports/${report.id}/blocks/${block.id}`, { text: '并发改写。' }),
      w.leader.post(`/api/reports/${report.id}/approve`),
    ]);
    expect([200, 409]).toContain(edit.statusCode);
    expect([200, 409]).toContain(approve.statusCode);
    const now = (await w.clerk.get(`/api/reports/${report.id}`)).json();
    if (now.status === 'approved') expect(now.approvedVersion).toBe(now.currentVersion);
  });

  // Last: it deactivates the office, which no other test here uses.
  it('refuses to regenerate the report of a deactivated org as drafting does, and writes nothing; the report can still be read', async () => {
    const report = await annualDraft(w, w.orgs.office);
    const sysadmin = await loggedIn(w.t.app, 'sysadmin', ADMIN_PASSWORD);
    expect((await sysadmin.post(`/api/orgs/${w.orgs.office}/deactivate`)).statusCode).toBe(200);
    const drafting = await w.clerk.post('/api/reports', { orgId: w.orgs.office, templateId: 'annual_report', period: { kind: 'year', year: 2025 } });
    expect([drafting.statusCode, drafting.json().error]).toEqual([422, expect.objectContaining({ code: 'ORG_INACTIVE', message: '组织“办公室”已停用，不能起草报告', field: 'orgId' })]);

    const before = await reportSnapshot(w.t);
    const res = await w.clerk.post(`/api/reports/${report.id}/regenerate`);
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: drafting.json().error.code, message: drafting.json().error.message });
    expect(await reportSnapshot(w.t)).toBe(before);
    const read = await w.viewer.get(`/api/reports/${report.id}`);
    expect([read.statusCode, read.json().currentVersion]).toEqual([200, 1]);
  });
});
