import { describe, expect, it } from 'vitest';
import { fixturePack } from '../../../test/support/ledgerFixtures.ts';
import { appliesToKind, checkFields, searchTextOf } from './fields.ts';

const meeting = fixturePack.recordTypes.find((t) => t.id === 'meeting')!;
const branchMeeting = fixturePack.recordTypes.find((t) => t.id === 'branch_meeting')!;

/** The smallest valid set of fields for a 专题会议. */
const minimal = { host: 'p1', topic: '研究意识形态工作', meeting_kind: 'party_group' };
const issuesOf = (fields: unknown) => checkFields(meeting, fields).issues;
const only = (field: string, message: string) => [{ field: `fields.${field}`, message }];

describe('checkFields', () => {
  it('accepts every field kind with valid values, trimming text and dropping duplicates and blanks', () => {
    const result = checkFields(meeting, {
      ...minimal,
      topic: '  研究意识形态工作  ',
      attendees: ['p2', 'p3', 'p2'],
      minutes: '会议传达学习了……',
      domains: ['theory', 'online'],
      headcount: 12,
      follow_up_due: '2026-02-28',
      first_topic: false,
      venue_org: 'o1',
      link: 'https://www.example.gov.cn/news/1.html',
      evidence: ['a1', 'a2'],
    });
    expect(result.issues).toEqual([]);
    expect(result.values).toEqual({
      host: 'p1', topic: '研究意识形态工作', meeting_kind: 'party_group', attendees: ['p2', 'p3'], minutes: '会议传达学习了……',
      domains: ['theory', 'online'], headcount: 12, follow_up_due: '2026-02-28', first_topic: false, venue_org: 'o1',
      link: 'https://www.example.gov.cn/news/1.html', evidence: ['a1', 'a2'],
    });
    expect(result.refs).toEqual({
      people: [{ fieldId: 'host', label: '主持人', ids: ['p1'] }, { fieldId: 'attendees', label: '出席人员', ids: ['p2', 'p3'] }],
      orgs: [{ fieldId: 'venue_org', label: '承办单位', ids: ['o1'] }],
      attachments: [{ fieldId: 'evidence', label: '佐证材料', ids: ['a1', 'a2'] }],
    });
    expect(checkFields(meeting, { ...minimal, minutes: '', attendees: [], link: null }).values).toEqual(minimal);
  });

  it('names every missing required field by its label, with the verb its kind needs', () => {
    expect(issuesOf({})).toEqual([
      { field: 'fields.host', message: '请选择主持人' },
      { field: 'fields.topic', message: '请填写议题' },
      { field: 'fields.meeting_kind', message: '请选择会议类型' },
    ]);
    expect(issuesOf({ ...minimal, topic: '   ' })).toEqual(only('topic', '请填写议题'));
  });

  it('refuses unknown field keys', () => {
    expect(issuesOf({ ...minimal, score: 100 })).toEqual(only('score', '“专题会议”没有字段“score”'));
    expect(checkFields(meeting, 'not an object').issues).toEqual([{ field: 'fields', message: '字段内容须为对象' }]);
    expect(checkFields(meeting, [minimal]).issues).toEqual([{ field: 'fields', message: '字段内容须为对象' }]);
  });

  it.each([
    ['text of the wrong type', { topic: 42 }, 'topic', '议题须为文本'],
    ['text over maxLength (counted in characters)', { topic: '意'.repeat(21) }, 'topic', '议题不能超过20个字'],
    ['longtext over the default cap', { minutes: 'x'.repeat(20_001) }, 'minutes', '会议纪要不能超过20000个字'],
    ['number as text', { headcount: '12' }, 'headcount', '参加人数须为数字'],
    ['number below min', { headcount: 0 }, 'headcount', '参加人数不能小于1'],
    ['number above max', { headcount: 501 }, 'headcount', '参加人数不能大于500'],
    ['date not a calendar day', { follow_up_due: '2026-02-30' }, 'follow_up_due', '整改期限须为有效日期（YYYY-MM-DD）'],
    ['date in another format', { follow_up_due: '2026/02/01' }, 'follow_up_due', '整改期限须为有效日期（YYYY-MM-DD）'],
    ['choice outside the options', { meeting_kind: 'tea_party' }, 'meeting_kind', '会议类型的选项“tea_party”无效'],
    ['single choice given a list', { meeting_kind: ['party_group'] }, 'meeting_kind', '会议类型须为单个选项'],
    ['multiple choice given one value', { domains: 'theory' }, 'domains', '研判领域须为选项列表'],
    ['multiple choice with a bad option', { domains: ['theory', 'gossip'] }, 'domains', '研判领域的选项“gossip”无效'],
    ['boolean as text', { first_topic: 'yes' }, 'first_topic', '是否第一议题须为“是”或“否”'],
    ['single person given a list', { host: ['p1'] }, 'host', '主持人须为单个人员'],
    ['people list with a non-id', { attendees: ['p1', 7] }, 'attendees', '出席人员中有无效的人员'],
    ['org id too long', { venue_org: 'o'.repeat(101) }, 'venue_org', '承办单位须为单个组织'],
    ['javascript: link', { link: 'javascript:alert(1)' }, 'link', '报道链接须为以 http:// 或 https:// 开头的网址'],
    ['ftp link', { link: 'ftp://example.com/a' }, 'link', '报道链接须为以 http:// 或 https:// 开头的网址'],
    ['no link at all', { link: 'www.example.com' }, 'link', '报道链接须为以 http:// 或 https:// 开头的网址'],
    ['attachments as a single id', { evidence: 'a1' }, 'evidence', '佐证材料须为附件列表'],
    ['too many attachments', { evidence: Array.from({ length: 501 }, (_, i) => `a${i}`) }, 'evidence', '佐证材料最多500项'],
  ])('refuses %s', (_name, change, field, message) => {
    expect(issuesOf({ ...minimal, ...change })).toEqual(only(field, message));
  });

  it('builds the search text from the title and the text fields, lower-cased', () => {
    const { values } = checkFields(meeting, { ...minimal, topic: 'AI 与意识形态', minutes: 'WeChat 阵地' });
    expect(searchTextOf(meeting, '第一季度 Topic', values)).toBe('第一季度 topic\nai 与意识形态\nwechat 阵地');
  });

  it('knows which org kinds keep a type', () => {
    expect(appliesToKind(branchMeeting, 'branch')).toBe(true);
    expect(appliesToKind(branchMeeting, 'department')).toBe(false);
    expect(appliesToKind(fixturePack.recordTypes.find((t) => t.id === 'note')!, 'township')).toBe(true);
  });
});
