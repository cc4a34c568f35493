// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findElement, mockFetch, pageText, type Rendered, waitFor } from '../../testing/dom.tsx';
import type { ImportPreview, TemplateDetail } from './api.ts';
import { baseRoutes, openAt, pageShows, TEMPLATES } from './testSupport.tsx';

// The upload goes through XMLHttpRequest (for progress), which mockFetch does not see.
const importTemplate = vi.hoisted(() => vi.fn());
vi.mock('./api.ts', async (original) => ({ ...(await original<typeof import('./api.ts')>()), importTemplate }));

let rendered: Rendered | undefined;
afterEach(() => {
  rendered?.unmount();
  vi.unstubAllGlobals();
  importTemplate.mockReset();
});

const PREVIEW: ImportPreview = {
  fileName: '2022年意识形态工作总结.txt',
  text: '2022年，局党组召开党组会专题研究意识形态工作*次。动员**名干部参与网评。\n一、工作开展情况',
  title: null,
  sections: [{ marker: '一、', heading: '工作开展情况', children: [{ marker: '（一）', heading: '压实责任', children: [{ marker: '一是', heading: '强化思想引领', children: [] }] }] }],
  signature: { org: '**党组', date: '2023年1月10日' },
  placeholders: [
    { index: 0, text: '*', kind: 'number', unit: '次', context: '局党组召开党组会专题研究意识形态工作*次', metric: 'topic_meeting.dedicated.count', becomes: 'metric' },
    { index: 1, text: '**', kind: 'number', unit: '名', context: '动员**名干部参与网评', metric: null, becomes: 'unbound' },
    { index: 2, text: '**', kind: 'name', unit: null, context: '**党组', metric: null, becomes: 'unbound' },
  ],
  suggestion: { name: '2022年意识形态工作总结', kind: 'annual_report', periodKind: 'year' },
  template: { id: 'preview', name: '2022年意识形态工作总结', kind: 'annual_report', periodKind: 'year', title: null, addressee: null, opening: [], sections: [], signature: null, unbound: [], submit: null },
};

const saved: TemplateDetail = {
  ...TEMPLATES[2]!, id: 't-new', name: '去年的总结',
  template: {
    id: 't-new', name: '去年的总结', kind: 'annual_report', periodKind: 'year', title: null, addressee: null, submit: null, unbound: [],
    opening: [{ sentences: [{ text: '{{period.year}}年，局党组召开党组会专题研究意识形态工作{{metric:topic_meeting.dedicated.count}}次。' }], items: [] }],
    sections: [{ heading: '工作开展情况', paragraphs: [], sections: [{ heading: '压实责任', paragraphs: [{ sentences: [{ text: '动员{{unbound:1}}名干部。' }], items: [] }], sections: [] }] }],
    signature: { org: '{{org.name}}' },
  },
};

function serve(roles: string[]) {
  return mockFetch({
    ...baseRoutes(roles),
    'POST /api/report-templates': () => ({ body: saved }),
    'GET /api/report-templates/t-new': () => ({ body: saved }),
    'DELETE /api/report-templates/t-imported': () => ({ body: { ok: true } }),
  });
}

/** Opens an antd Select by its aria-label and picks the option with the given text. */
async function pick(label: string, option: string) {
  const input = await findElement(`input[aria-label="${label}"]`, () => true);
  const select = input.closest<HTMLElement>('.ant-select')!;
  await act(async () => {
    select.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
  });
  // Earlier dropdowns stay in the document, closing or hidden.
  const item = await findElement('.ant-select-dropdown:not(.ant-select-dropdown-hidden):not(.ant-slide-up-leave) .ant-select-item-option', option);
  await act(async () => item.click());
}

describe('report templates', () => {
  it('lists the pack templates and the imported ones, and deletes an imported one after asking', async () => {
    const calls = serve(['clerk']);
    ({ rendered } = await openAt('/reports/templates'));
    await pageShows('2022年意识形态工作总结');
    expect(pageText()).toContain('制度包自带');
    expect(pageText()).toContain('2处占位符未绑定');
    // Only the imported template can be deleted.
    const deletes = [...document.querySelectorAll('button')].filter((b) => b.textContent?.replace(/\s/g, '') === '删除');
    expect(deletes).toHaveLength(1);
    await act(async () => deletes[0]!.click());
    const ok = await findElement('.ant-popconfirm button', '删除');
    await act(async () => ok.click());
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE' && c.url === '/api/report-templates/t-imported')).toBe(true));
  });

  it('shows no import or delete to a reader', async () => {
    serve(['leader']);
    ({ rendered } = await openAt('/reports/templates'));
    await pageShows('2022年意识形态工作总结');
    expect(pageText()).not.toContain('导入旧报告');
    expect(pageText()).not.toContain('删除');
  });

  it('previews an imported report, binds a placeholder to a metric, and saves the binding', async () => {
    importTemplate.mockResolvedValue(PREVIEW);
    const calls = serve(['clerk']);
    let router: Awaited<ReturnType<typeof openAt>>['router'];
    ({ rendered, router } = await openAt('/reports/templates'));
    await pageShows('2022年意识形态工作总结');
    await act(async () => (await findElement('button', '导入旧报告')).click());
    const input = await findElement('.ant-drawer input[type="file"]', () => true);
    const file = new File([PREVIEW.text], PREVIEW.fileName, { type: 'text/plain' });
    await act(async () => {
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await waitFor(() => expect(importTemplate).toHaveBeenCalled());
    await findElement('.ant-alert', (t) => t.includes('读出3个占位符（数字2个），其中1个已自动绑定台账指标'));
    // The outline as the document nests it.
    expect(document.querySelector('[aria-label="一是强化思想引领"]')?.closest('[aria-label="（一）压实责任"]')).not.toBeNull();
    // The unbound ones are shown first, with their sentence.
    expect(pageText()).toContain('动员**名干部参与网评');

    await pick('占位符2的绑定', '志愿服务活动次数（次）');
    await pick('占位符3的绑定', '单位名称（起草时填入）');
    await findElement('.ant-alert', (t) => t.includes('每个占位符都有了着落'));
    const name = document.querySelector<HTMLInputElement>('.ant-drawer input#name')!;
    await act(async () => {
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(name, '去年的总结');
      name.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => (await findElement('.ant-drawer button', '保存模板')).click());
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url === '/api/report-templates')).toBe(true));
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      name: '去年的总结', kind: 'annual_report', periodKind: 'year', text: PREVIEW.text, sourceName: PREVIEW.fileName,
      bindings: [{ index: 1, metricId: 'volunteer_activity.count' }, { index: 2, slot: 'org.name' }],
    });
    // Saved: the template's page, its outline with each slot in words.
    await waitFor(() => expect(router.state.location.pathname).toBe('/reports/templates/t-new'));
    await waitFor(() => expect(pageText()).toContain('【年度】年，局党组召开党组会专题研究意识形态工作【党组会专题研究意识形态工作次数】次。'));
    expect(pageText()).toContain('（一）压实责任');
    expect(pageText()).toContain('动员【待补充】名干部。');
    expect(pageText()).toContain('用此模板起草');
  });
});
