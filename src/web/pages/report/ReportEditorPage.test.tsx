// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findElement, mockFetch, pageText, type Rendered, waitFor } from '../../testing/dom.tsx';
import type { ReportDetail } from './api.ts';
import { baseRoutes, openAt, reportDetail } from './testSupport.tsx';

let rendered: Rendered | undefined;
afterEach(() => {
  rendered?.unmount();
  vi.unstubAllGlobals();
});

type Routes = Parameters<typeof mockFetch>[0];

/** The page's action buttons, in order. */
const buttons = () => [...document.querySelectorAll('main button')].map((b) => b.textContent?.replace(/\s/g, '') ?? '').filter(Boolean);

function serve(roles: string[], report: ReportDetail, extra: Routes = {}) {
  return mockFetch({
    ...baseRoutes(roles),
    'GET /api/reports/rep1': () => ({ body: report }),
    ...extra,
  });
}

const edited = (text: string): ReportDetail => {
  const base = reportDetail({ currentVersion: 2, version: 2 });
  base.document.blocks[3] = { ...base.document.blocks[3]!, text, edited: true };
  base.versions.push({ n: 2, generation: 1, note: '修改段落 p2', createdBy: '许文华', createdAt: '2026-11-29T09:00:00Z' });
  return base;
};

/** The open paragraph editor's textarea. */
const editorText = () =>
  waitFor(() => {
    const el = document.querySelector<HTMLTextAreaElement>('.lz-block-editor textarea');
    if (!el) throw new Error('no editor');
    return el;
  });

async function typeInto(textarea: HTMLTextAreaElement, text: string) {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(textarea, text);
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** An open confirm dialog (happy-dom never ends the leave animation of a closed one). */
const OPEN_DIALOG = '.ant-modal-confirm:not(.ant-zoom-leave)';
/** The confirm dialog asking before unsaved text is dropped, while it is open. */
const discardDialog = () => findElement(OPEN_DIALOG, (t) => t.includes('这一段的修改还没有保存'));
const answer = async (button: '继续编辑' | '放弃修改') => act(async () => (await findElement(`${OPEN_DIALOG} button`, button)).click());
const noDialog = () => waitFor(() => expect(document.querySelector(OPEN_DIALOG)).toBeNull());

/** Whether closing the tab now would ask (beforeunload cancelled). */
function unloadAsks(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

describe('report editor', () => {
  it('shows the document in the official layout with its figures, marks and the sentences left out', async () => {
    serve(['clerk'], reportDetail());
    ({ rendered } = await openAt('/reports/rep1'));
    const paper = await findElement('.lz-paper', (t) => t.includes('工作开展情况'));
    expect(paper.querySelector('.lz-paper-title')?.textContent).toBe('示例市文化广电旅游局党组关于2026年意识形态工作情况的报告');
    expect(paper.querySelector('.lz-h1')?.textContent).toBe('一、工作开展情况');
    expect(paper.querySelector('.lz-h2')?.textContent).toBe('（一）压实工作责任。');
    expect(paper.querySelector('.lz-fig')?.textContent).toBe('6');
    expect(paper.querySelector('.lz-mark')?.textContent).toBe('【待补充】');
    expect(paper.querySelector('.lz-signature-date')?.textContent).toBe('2026年11月29日');
    expect(pageText()).toContain('有1段含待补充的内容');
    // The omitted sentence in words, with why.
    expect(pageText()).toContain('召开【宣讲受众人次】人次宣讲');
    expect(pageText()).toContain('台账中这一数字为零');
  });

  it('saves an edited paragraph with a PUT and marks it as edited', async () => {
    const calls = serve(['clerk'], reportDetail(), { 'PUT /api/reports/rep1/blocks/p2': () => ({ body: edited('开展志愿服务活动12次。') }) });
    ({ rendered } = await openAt('/reports/rep1'));
    const paragraph = await findElement('[data-block="p2"]', (t) => t.includes('开展志愿服务'));
    await act(async () => paragraph.click());
    const textarea = await waitFor(() => {
      const el = document.querySelector<HTMLTextAreaElement>('textarea[aria-label="段落正文"]');
      if (!el) throw new Error('no editor');
      return el;
    });
    expect(textarea.value).toBe('开展志愿服务【待补充】次。');
    await act(async () => {
      const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
      setter.call(textarea, '开展志愿服务活动12次。');
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const save = await findElement('.lz-block-editor button', '保存');
    await act(async () => save.click());
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT' && c.url === '/api/reports/rep1/blocks/p2')).toBe(true));
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({ text: '开展志愿服务活动12次。' });
    const mark = await findElement('[data-block="p2"]', (t) => t.includes('已修改'));
    expect(mark.textContent).toContain('开展志愿服务活动12次。');
    expect(pageText()).toContain('第2版');
  });

  it('edits a run-in heading: its own text and the body after it', async () => {
    const calls = serve(['clerk'], reportDetail(), { 'PUT /api/reports/rep1/blocks/s1.1': () => ({ body: reportDetail() }) });
    ({ rendered } = await openAt('/reports/rep1'));
    await act(async () => (await findElement('[data-block="s1.1"]', (t) => t.includes('压实工作责任'))).click());
    const heading = await findElement('input[aria-label="标题文字"]', () => true);
    expect((heading as HTMLInputElement).value).toBe('压实工作责任');
    const body = document.querySelector<HTMLTextAreaElement>('textarea[aria-label="标题后的正文"]')!;
    expect(body.value).toBe('全年先后6次专题研究意识形态工作。');
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(heading, '压紧压实工作责任');
      heading.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => (await findElement('.lz-block-editor button', '保存')).click());
    await waitFor(() => expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ text: '全年先后6次专题研究意识形态工作。', heading: '压紧压实工作责任' }));
  });

  it('restores the generated text of an edited paragraph with null', async () => {
    const calls = serve(['clerk'], edited('我改写的文字。'), { 'PUT /api/reports/rep1/blocks/p2': () => ({ body: reportDetail() }) });
    ({ rendered } = await openAt('/reports/rep1'));
    const paragraph = await findElement('[data-block="p2"]', (t) => t.includes('我改写的文字'));
    await act(async () => paragraph.click());
    const restore = await findElement('.lz-block-editor button', '恢复生成的文字');
    await act(async () => restore.click());
    await waitFor(() => expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ text: null }));
  });

  it('opens the records a figure counts, with links to the ledger', async () => {
    const calls = serve(['viewer'], reportDetail(), {
      'GET /api/reports/rep1/provenance/run1': () => ({
        body: {
          runId: 'run1', kind: 'metric', label: '党组会专题研究意识形态工作次数', value: '6', metricId: 'topic_meeting.dedicated.count', recordType: 'topic_meeting', ruleId: null,
          recordCount: 6, total: 6,
          items: [{ id: 'rec1', title: '第一季度党组会专题研究意识形态工作', occurredOn: '2026-03-20', typeId: 'topic_meeting', orgId: 'root', orgName: '示例市文化广电旅游局党组' }],
        },
      }),
    });
    ({ rendered } = await openAt('/reports/rep1'));
    const figure = await findElement('.lz-fig', '6');
    await act(async () => figure.click());
    const link = await findElement('.ant-drawer a', '第一季度党组会专题研究意识形态工作');
    expect(link.getAttribute('href')).toBe('/ledger/rec1');
    expect(pageText()).toContain('依据的台账记录（6条）');
    expect(calls.some((c) => c.url.startsWith('/api/reports/rep1/provenance/run1?page=1&pageSize=20'))).toBe(true);
    // A viewer reads; it changes nothing: no editor opens, no write buttons.
    expect(buttons()).toEqual(['返回报告列表', '下载Word', '下载PDF', '下一处']);
    expect(document.querySelector('.lz-block-editable')).toBeNull();
  });

  it('regenerates and says which figures changed and which edits it kept', async () => {
    const after = edited('我改写的文字。');
    after.document.blocks[3]!.stale = true;
    const calls = serve(['clerk'], reportDetail(), {
      'POST /api/reports/rep1/regenerate': () => ({
        body: {
          report: after,
          changes: [
            { blockId: 's1.1', slot: '{{metric:topic_meeting.dedicated.count}}', label: '党组会专题研究意识形态工作次数', before: '6', after: '7', edited: false },
            { blockId: 'p2', slot: '{{metric:volunteer_activity.count}}', label: '志愿服务活动次数', before: null, after: '12', edited: true },
          ],
        },
      }),
    });
    ({ rendered } = await openAt('/reports/rep1'));
    const button = await findElement('button', '按最新台账重新生成');
    await act(async () => button.click());
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url === '/api/reports/rep1/regenerate')).toBe(true));
    const dialog = await findElement('.ant-modal', (t) => t.includes('有2处数字或清单发生了变化'));
    const rows = [...dialog.querySelectorAll('.ant-table-row')].map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows[0]).toEqual(['党组会专题研究意识形态工作次数', '6', '7', '']);
    expect(rows[1]).toEqual(['志愿服务活动次数', '（原先未写入）', '12', '所在段落已改写，新数字未写入，请核对']);
    expect(dialog.textContent).toContain('您改写过的1段已原样保留，其中1段的数字有变化');
    expect(dialog.textContent).toContain('我改写的文字。');
  });

  it('lets a leader approve, and then the page is read-only', async () => {
    const approved = reportDetail({ status: 'approved', approvedBy: '王建国', approvedAt: '2026-11-29T10:00:00Z', approvedVersion: 1 });
    approved.document.blocks.pop();
    const calls = serve(['leader'], reportDetail(), { 'POST /api/reports/rep1/approve': () => ({ body: approved }) });
    ({ rendered } = await openAt('/reports/rep1'));
    expect((await findElement('button', '审定')).textContent).toContain('审定');
    expect(pageText()).not.toContain('按最新台账重新生成');
    await act(async () => (await findElement('button', '审定')).click());
    const ok = await findElement('.ant-popconfirm button', '审定');
    await act(async () => ok.click());
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url === '/api/reports/rep1/approve')).toBe(true));
    await waitFor(() => expect(pageText()).toContain('王建国已于'));
    expect(document.querySelector('.lz-block-editable')).toBeNull();
    expect([...document.querySelectorAll('button')].some((b) => b.textContent?.replace(/\s/g, '') === '审定')).toBe(false);
  });

  it('offers a clerk to submit an approved report, explaining the ledger record', async () => {
    const approved = reportDetail({ status: 'approved', approvedBy: '王建国', approvedAt: '2026-11-29T10:00:00Z', approvedVersion: 1 });
    const calls = serve(['clerk'], approved, { 'POST /api/reports/rep1/submit': () => ({ body: { ...approved, status: 'submitted', submittedBy: '许文华', submittedAt: '2026-11-29T11:00:00Z', submittedVersion: 1, submittedRecordId: 'rec9' } }) });
    ({ rendered } = await openAt('/reports/rep1'));
    await act(async () => (await findElement('button', '报送上级')).click());
    const pop = await findElement('.ant-popconfirm', (t) => t.includes('台账中登记一条向上级报告的记录'));
    await act(async () => pop.querySelector<HTMLButtonElement>('.ant-btn-primary')!.click());
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url === '/api/reports/rep1/submit')).toBe(true));
    const link = await findElement('a', '查看台账中的报送记录');
    expect(link.getAttribute('href')).toBe('/ledger/rec9');
    expect(pageText()).toMatch(/许文华已于2026-11-29 \d\d:00报送上级（第1版）/);
  });

  it('asks before another paragraph replaces one with unsaved text, and switches freely when nothing was typed', async () => {
    serve(['clerk'], reportDetail());
    ({ rendered } = await openAt('/reports/rep1'));
    await act(async () => (await findElement('[data-block="p0"]', (t) => t.includes('局党组坚持'))).click());
    expect((await editorText()).value).toContain('局党组坚持');
    // Nothing typed: another paragraph opens at once.
    await act(async () => (await findElement('[data-block="p2"]', (t) => t.includes('开展志愿服务'))).click());
    expect((await editorText()).value).toBe('开展志愿服务【待补充】次。');
    expect(document.querySelector(OPEN_DIALOG)).toBeNull();
    expect(unloadAsks()).toBe(false);

    await typeInto(await editorText(), '开展志愿服务活动12次。');
    expect(unloadAsks()).toBe(true);
    await act(async () => (await findElement('[data-block="p0"]', (t) => t.includes('局党组坚持'))).click());
    const dialog = await discardDialog();
    expect(dialog.textContent).toContain('打开其他段落将放弃这些修改。');
    // 继续编辑: the typed text stays.
    await answer('继续编辑');
    await noDialog();
    expect((await editorText()).value).toBe('开展志愿服务活动12次。');
    // 放弃修改: the other paragraph opens, the text is gone, nothing was saved.
    await act(async () => (await findElement('[data-block="p0"]', (t) => t.includes('局党组坚持'))).click());
    await answer('放弃修改');
    await waitFor(async () => expect((await editorText()).value).toContain('局党组坚持'));
    expect(pageText()).toContain('开展志愿服务【待补充】次。');
    expect(unloadAsks()).toBe(false);
  });

  it('asks before leaving the page with unsaved text, and stays when told to', async () => {
    const calls = serve(['clerk'], reportDetail(), { 'GET /api/reports': () => ({ body: { items: [], total: 0 } }) });
    let router: Awaited<ReturnType<typeof openAt>>['router'];
    ({ rendered, router } = await openAt('/reports/rep1'));
    await act(async () => (await findElement('[data-block="p2"]', (t) => t.includes('开展志愿服务'))).click());
    await typeInto(await editorText(), '未保存的文字。');

    await act(async () => (await findElement('main a', '返回报告列表')).click());
    expect((await discardDialog()).textContent).toContain('离开本页将放弃这些修改。');
    expect(router.state.location.pathname).toBe('/reports/rep1');
    await answer('继续编辑');
    await noDialog();
    expect(router.state.location.pathname).toBe('/reports/rep1');
    expect((await editorText()).value).toBe('未保存的文字。');

    // Another version of the same report is leaving too.
    await act(async () => router.navigate('/reports/rep1?version=1'));
    await discardDialog();
    expect(router.state.location.search).toBe('');
    await answer('继续编辑');
    await noDialog();

    await act(async () => (await findElement('main a', '返回报告列表')).click());
    await answer('放弃修改');
    await waitFor(() => expect(router.state.location.pathname).toBe('/reports'));
    expect(calls.some((c) => c.method === 'PUT')).toBe(false);
    // Once the list replaced the editor, closing the tab asks nothing.
    await waitFor(() => expect(document.querySelector('.lz-paper')).toBeNull(), 25_000);
    expect(unloadAsks()).toBe(false);
  });

  it('leaves without asking once the text is saved or cancelled', async () => {
    serve(['clerk'], reportDetail(), { 'PUT /api/reports/rep1/blocks/p2': () => ({ body: edited('开展志愿服务活动12次。') }), 'GET /api/reports': () => ({ body: { items: [], total: 0 } }) });
    let router: Awaited<ReturnType<typeof openAt>>['router'];
    ({ rendered, router } = await openAt('/reports/rep1'));
    await act(async () => (await findElement('[data-block="p2"]', (t) => t.includes('开展志愿服务'))).click());
    await typeInto(await editorText(), '开展志愿服务活动12次。');
    await act(async () => (await findElement('.lz-block-editor button', '保存')).click());
    await findElement('[data-block="p2"]', (t) => t.includes('已修改'));
    expect(unloadAsks()).toBe(false);
    await act(async () => (await findElement('[data-block="p0"]', (t) => t.includes('局党组坚持'))).click());
    await typeInto(await editorText(), '不要了。');
    await act(async () => (await findElement('.lz-block-editor button', '取消')).click());
    await act(async () => (await findElement('main a', '返回报告列表')).click());
    await waitFor(() => expect(router.state.location.pathname).toBe('/reports'));
    expect(document.querySelector(OPEN_DIALOG)).toBeNull();
  });

  it("says why there is no PDF when the server lacks LibreOffice", async () => {
    serve(['viewer'], reportDetail(), {
      'GET /api/reports/rep1/pdf': () => ({ status: 503, body: { error: { code: 'PDF_UNAVAILABLE', message: '服务器未安装 LibreOffice，无法导出 PDF；请下载 Word 文件' } } }),
    });
    ({ rendered } = await openAt('/reports/rep1'));
    await act(async () => (await findElement('button', '下载PDF')).click());
    await findElement('.ant-message', (t) => t.includes('服务器未安装LibreOffice，无法导出PDF；请下载Word文件'));
  });

  it('shows an older version read-only', async () => {
    const current = edited('新的文字。');
    const calls = serve(['clerk'], current, {
      'GET /api/reports/rep1/versions/1': () => {
        const { document, provenance, omitted } = reportDetail();
        return { body: { n: 1, generation: 1, note: '生成', createdBy: '许文华', createdAt: '2026-11-29T08:00:00Z', document, provenance, omitted } };
      },
    });
    ({ rendered } = await openAt('/reports/rep1?version=1'));
    await findElement('.ant-alert', (t) => t.includes('正在查看第1版（只读）'));
    expect(pageText()).toContain('开展志愿服务【待补充】次。');
    expect(pageText()).not.toContain('新的文字。');
    expect(document.querySelector('.lz-block-editable')).toBeNull();
    expect(pageText()).not.toContain('按最新台账重新生成');
    expect(calls.some((c) => c.url === '/api/reports/rep1/versions/1')).toBe(true);
  });
});
