import type { SessionInfo } from '../../http/types.ts';
import { pageText, type Rendered, waitFor } from '../../testing/dom.tsx';
import type { ReportDetail, TemplateSummary } from './api.ts';
import { type AppRouter, renderApp } from '../../testing/app.tsx';

// Fixtures and the app around a reports page, for the page tests of this folder.

export const session = (roles: string[]): SessionInfo => ({
  authenticated: true,
  setupRequired: false,
  user: { id: 'u1', username: 'secretary', displayName: '许文华', orgId: 'root', orgName: '示例市文化广电旅游局党组', roles },
  csrfToken: 'csrf',
  mustChangePassword: false,
  passwordExpired: false,
  idleTimeoutMinutes: 30,
});

export const ORG = {
  id: 'root', parentId: null, path: '/root/', name: '示例市文化广电旅游局党组', kind: 'party_group', kindLabel: '党组', code: null, sortOrder: 0, active: true,
  deactivatedAt: null, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
};

export const PACK = {
  id: 'ideology', name: '意识形态工作责任制', version: '1', sources: {}, rules: [], duties: {}, templates: [], recordTypes: [],
  metrics: [
    { id: 'topic_meeting.dedicated.count', name: '党组会专题研究意识形态工作次数', recordType: 'topic_meeting', aggregate: 'count', where: [], unit: '次' },
    { id: 'outreach_lecture.audience', name: '宣讲受众人次', recordType: 'outreach_lecture', aggregate: 'sum', where: [], unit: '人次' },
    { id: 'volunteer_activity.count', name: '志愿服务活动次数', recordType: 'volunteer_activity', aggregate: 'count', where: [], unit: '次' },
  ],
};

export const TEMPLATES: TemplateSummary[] = [
  {
    id: 'annual_report', source: 'pack', packId: 'ideology', name: '年度意识形态工作情况报告', kind: 'annual_report', periodKind: 'year',
    description: null, orgId: null, orgName: null, sourceName: null, createdAt: null, unboundCount: 0,
  },
  {
    id: 'half_year_report', source: 'pack', packId: 'ideology', name: '意识形态工作半年总结', kind: 'half_year_report', periodKind: 'half_year',
    description: null, orgId: null, orgName: null, sourceName: null, createdAt: null, unboundCount: 0,
  },
  {
    id: 't-imported', source: 'stored', packId: 'ideology', name: '2022年意识形态工作总结', kind: 'annual_report', periodKind: 'year',
    description: null, orgId: 'root', orgName: ORG.name, sourceName: '2022年总结.txt', createdAt: '2026-11-20T08:00:00Z', unboundCount: 2,
  },
];

export function reportDetail(overrides: Partial<ReportDetail> = {}): ReportDetail {
  return {
    id: 'rep1', orgId: 'root', orgName: ORG.name, packId: 'ideology', templateId: 'annual_report', templateSource: 'pack', templateName: '年度意识形态工作情况报告',
    kind: 'annual_report', period: { kind: 'year', from: '2026-01-01', to: '2026-12-31', label: '2026年' },
    title: '示例市文化广电旅游局党组关于2026年意识形态工作情况的报告', status: 'draft', currentVersion: 1,
    createdBy: '许文华', createdAt: '2026-11-29T08:00:00Z', updatedAt: '2026-11-29T08:00:00Z',
    approvedBy: null, approvedAt: null, approvedVersion: null, submittedBy: null, submittedAt: null, submittedVersion: null, submittedRecordId: null,
    issueDate: '2026-11-29', version: 1,
    document: {
      title: '示例市文化广电旅游局党组关于2026年意识形态工作情况的报告',
      addressee: null,
      kind: 'report',
      signature: { org: ORG.name, date: '2026-11-29' },
      blocks: [
        { id: 'p0', kind: 'paragraph', text: [{ text: '2026年，局党组坚持以习近平新时代中国特色社会主义思想为指导。现将有关情况报告如下：' }], edited: false, stale: false },
        { id: 's1', kind: 'heading', level: 1, marker: '一、', text: [{ text: '工作开展情况' }], body: null, edited: false, stale: false },
        {
          id: 's1.1', kind: 'heading', level: 2, marker: '（一）', text: [{ text: '压实工作责任' }],
          body: [{ text: '全年先后' }, { text: '6', id: 'run1', slot: '{{metric:topic_meeting.dedicated.count}}' }, { text: '次专题研究意识形态工作。' }],
          edited: false, stale: false,
        },
        { id: 'p2', kind: 'paragraph', text: [{ text: '开展志愿服务' }, { text: '【待补充】', mark: 'missing', slot: '{{metric:volunteer_activity.count}}' }, { text: '次。' }], edited: false, stale: false },
      ],
    },
    provenance: {
      run1: { kind: 'metric', label: '党组会专题研究意识形态工作次数', value: '6', metricId: 'topic_meeting.dedicated.count', recordType: 'topic_meeting', ruleId: null, recordCount: 6 },
    },
    omitted: [{ blockId: 's1.1', text: '召开{{metric:outreach_lecture.audience}}人次宣讲', reason: 'zero', slot: '{{metric:outreach_lecture.audience}}' }],
    versions: [{ n: 1, generation: 1, note: '生成', createdBy: '许文华', createdAt: '2026-11-29T08:00:00Z' }],
    ...overrides,
  };
}

/**
 * Renders the app at `path` and waits for the page's header: the first page of a file compiles its
 * lazy chunk, which takes a while on a busy machine.
 */
export async function openAt(path: string): Promise<{ rendered: Rendered; router: AppRouter }> {
  const { rendered, router } = await renderApp(path);
  await waitFor(() => {
    if (!document.querySelector('main h4')) throw new Error(`no page at ${path}`);
  }, 25_000);
  return { rendered, router };
}

/** The routes every signed-in page calls around the page itself. */
export const baseRoutes = (roles: string[]) => ({
  'GET /api/auth/session': () => ({ body: session(roles) }),
  'GET /api/orgs': () => ({ body: { items: [ORG], total: 1 } }),
  'GET /api/notifications': () => ({ body: { items: [], total: 0, unread: 0 } }),
  'GET /api/packs/ideology': () => ({ body: PACK }),
  'GET /api/report-templates': () => ({ body: TEMPLATES }),
});

/** Waits for a lazily loaded page to show `text`: the first page of a file compiles its chunk, slow on a busy machine. */
export const pageShows = (text: string): Promise<void> => waitFor(() => {
  if (!pageText().includes(text)) throw new Error(`the page does not show ${text}`);
}, 25_000);
