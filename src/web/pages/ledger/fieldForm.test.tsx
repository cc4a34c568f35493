// @vitest-environment happy-dom
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, Form, type FormInstance } from 'antd';
import dayjs from 'dayjs';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FieldDef } from '../../../core/pack/schema.ts';
import { createQueryClient } from '../../app/queryClient.ts';
import { mockFetch, render, waitFor, type Rendered } from '../../testing/dom.tsx';
import type { LedgerRecord } from './api.ts';
import { FieldInput } from './FieldInput.tsx';
import {
  evidenceCount, fieldProblem, fieldRules, fromServerValue, newFormValues, recordToFormValues, toFieldsPayload, toRecordInput, toServerValue,
} from './fieldForm.ts';
import { typesByCategory } from './packTypes.ts';

/** A field as the pack API returns it: zod defaults (required, multiple) already applied. */
const field = (def: Partial<FieldDef> & Pick<FieldDef, 'id' | 'label' | 'type'>): FieldDef => ({ required: false, multiple: false, ...def });

const MEETING_KIND = field({
  id: 'meeting_kind', label: '会议类型', type: 'choice', required: true,
  options: [{ value: 'party_group_meeting', label: '党组会' }, { value: 'committee_meeting', label: '党委会' }],
});
const TOPICS = field({ id: 'topics', label: '学习专题', type: 'choice', multiple: true, options: [{ value: 'a', label: '专题一' }, { value: 'b', label: '专题二' }] });
const PLACE = field({ id: 'place', label: '会议地点', type: 'text', maxLength: 100 });
const AGENDA = field({ id: 'agenda', label: '会议议题', type: 'longtext', required: true, maxLength: 1000 });
const HELD_ON = field({ id: 'published_on', label: '刊发日期', type: 'date' });
const COUNT = field({ id: 'attendee_count', label: '参加人数', type: 'number', min: 0, max: 1000, unit: '人' });
const SIGNED = field({ id: 'minutes_signed', label: '纪要经签字', type: 'boolean' });
const HOST = field({ id: 'host', label: '主持人', type: 'people', required: true });
const ATTENDEES = field({ id: 'attendees', label: '出席人员', type: 'people', multiple: true, required: true });
const UNIT = field({ id: 'unit', label: '责任单位', type: 'org' });
const LINK = field({ id: 'link', label: '刊发链接', type: 'url' });
const MINUTES = field({ id: 'minutes', label: '会议记录/纪要', type: 'attachments', multiple: true, required: true });
const SCAN = field({ id: 'scan', label: '扫描件', type: 'attachments' });

const ALL = [MEETING_KIND, TOPICS, PLACE, AGENDA, HELD_ON, COUNT, SIGNED, HOST, ATTENDEES, UNIT, LINK, MINUTES, SCAN];
const TYPE = { fields: ALL };

const FILE = { id: 'f1', name: '纪要.pdf', size: 2048, mime: 'application/pdf' };
const PHOTO = { id: 'f2', name: '照片.jpg', size: 4096, mime: 'image/jpeg' };

let rendered: Rendered | undefined;
afterEach(() => {
  rendered?.unmount();
  rendered = undefined;
  vi.unstubAllGlobals();
});

/** One field in a form, as the record form lays it out; returns the form to drive it. */
async function renderField(def: FieldDef, value?: unknown): Promise<FormInstance> {
  mockFetch({ 'GET /api/orgs': () => ({ body: { items: [], total: 0 } }) });
  let instance: FormInstance | undefined;
  function Probe() {
    const [form] = Form.useForm();
    instance = form;
    return (
      <Form form={form} initialValues={{ fields: { [def.id]: value } }}>
        <Form.Item name={['fields', def.id]} label={def.label} rules={fieldRules(def)} extra={def.help}>
          <FieldInput def={def} />
        </Form.Item>
      </Form>
    );
  }
  rendered = await render(
    <AntApp>
      <QueryClientProvider client={createQueryClient()}>
        <Probe />
      </QueryClientProvider>
    </AntApp>,
  );
  return instance!;
}

const setValue = (form: FormInstance, id: string, value: unknown) =>
  act(async () => {
    form.setFieldValue(['fields', id], value);
  });

/** Runs the field's rules and returns its messages. */
async function errorsOf(form: FormInstance, id: string): Promise<string[]> {
  await act(async () => {
    await form.validateFields().catch(() => undefined);
  });
  return form.getFieldError(['fields', id]);
}

const q = (selector: string) => rendered!.container.querySelector(selector);

describe('field schema → form controls', () => {
  it('text: an input capped at the field maxLength, with a counter', async () => {
    await renderField(PLACE);
    const input = q('input#fields_place') as HTMLInputElement;
    expect(input.maxLength).toBe(100);
    expect(rendered!.container.textContent).toContain('0 / 100');
  });

  it('longtext: a text area with maxLength; required shows the mark and the server message', async () => {
    const form = await renderField(AGENDA);
    expect((q('textarea#fields_agenda') as HTMLTextAreaElement).maxLength).toBe(1000);
    expect(q('.ant-form-item-required')?.textContent).toBe('会议议题');
    expect(await errorsOf(form, 'agenda')).toEqual(['请填写会议议题']);
    await setValue(form, 'agenda', '   ');
    expect(await errorsOf(form, 'agenda')).toEqual(['请填写会议议题']);
  });

  it('date: a date picker holding a dayjs value shown as YYYY-MM-DD', async () => {
    await renderField(HELD_ON, dayjs('2026-03-05'));
    expect((q('.ant-picker input') as HTMLInputElement).value).toBe('2026-03-05');
  });

  it('number: bounds from min/max with the unit beside the input, and Chinese range messages', async () => {
    const form = await renderField(COUNT, 12);
    const input = q('input#fields_attendee_count') as HTMLInputElement;
    expect(input.getAttribute('aria-valuemin')).toBe('0');
    expect(input.getAttribute('aria-valuemax')).toBe('1000');
    expect(q('.ant-space-addon')?.textContent).toBe('人');
    await setValue(form, 'attendee_count', 1001);
    expect(await errorsOf(form, 'attendee_count')).toEqual(['参加人数不能大于1000']);
    await setValue(form, 'attendee_count', -1);
    expect(await errorsOf(form, 'attendee_count')).toEqual(['参加人数不能小于0']);
    await setValue(form, 'attendee_count', null);
    expect(await errorsOf(form, 'attendee_count')).toEqual([]);
  });

  it('choice: a select of the field options, single or multiple; an unknown value is refused', async () => {
    const form = await renderField(MEETING_KIND, 'committee_meeting');
    expect(q('.ant-select-multiple')).toBeNull();
    expect(rendered!.container.textContent).toContain('党委会');
    expect(await errorsOf(form, 'meeting_kind')).toEqual([]);
    await setValue(form, 'meeting_kind', undefined);
    expect(await errorsOf(form, 'meeting_kind')).toEqual(['请选择会议类型']);
    await setValue(form, 'meeting_kind', 'bogus');
    expect(await errorsOf(form, 'meeting_kind')).toEqual(['会议类型的选项“bogus”无效']);
    rendered!.unmount();

    await renderField(TOPICS, ['a', 'b']);
    expect(q('.ant-select-multiple')).not.toBeNull();
    expect(rendered!.container.textContent).toContain('专题一');
    expect(rendered!.container.textContent).toContain('专题二');
  });

  it('boolean: a switch reading 是/否', async () => {
    await renderField(SIGNED, true);
    const button = q('button.ant-switch') as HTMLButtonElement;
    expect(button.getAttribute('aria-checked')).toBe('true');
    expect(button.textContent).toContain('是');
  });

  it('people: a person search, multiple for lists; an empty list fails a required field', async () => {
    const single = await renderField(HOST);
    expect(q('.ant-select-multiple')).toBeNull();
    expect(await errorsOf(single, 'host')).toEqual(['请选择主持人']);
    rendered!.unmount();

    const form = await renderField(ATTENDEES, []);
    expect(q('.ant-select-multiple')).not.toBeNull();
    expect(await errorsOf(form, 'attendees')).toEqual(['请选择出席人员']);
    await setValue(form, 'attendees', ['p1']);
    expect(await errorsOf(form, 'attendees')).toEqual([]);
  });

  it('org: an org tree picker', async () => {
    await renderField(UNIT);
    expect(q('.ant-select.ant-tree-select, .ant-tree-select')).not.toBeNull();
  });

  it('url: only http and https addresses', async () => {
    const form = await renderField(LINK, 'javascript:alert(1)');
    expect((q('input#fields_link') as HTMLInputElement).type).toBe('url');
    expect(await errorsOf(form, 'link')).toEqual(['刊发链接须为以 http:// 或 https:// 开头的网址']);
    await setValue(form, 'link', 'https://www.example.gov.cn/a.html');
    expect(await errorsOf(form, 'link')).toEqual([]);
  });

  it('attachments: a drop zone with the type and size hint, the files listed; required needs one', async () => {
    const form = await renderField(MINUTES, [FILE]);
    expect(q('.ant-upload-drag')).not.toBeNull();
    expect((q('input[type=file]') as HTMLInputElement).multiple).toBe(true);
    expect(rendered!.container.textContent).toContain('支持 JPG、PNG、PDF、DOCX、XLSX，单个文件不超过 20 MB');
    expect(rendered!.container.textContent).toContain('纪要.pdf');
    expect(await errorsOf(form, 'minutes')).toEqual([]);
    await setValue(form, 'minutes', []);
    expect(await errorsOf(form, 'minutes')).toEqual(['请上传会议记录/纪要']);
  });

  it('shows the field help under the input', async () => {
    await renderField({ ...MEETING_KIND, help: '只有“意识形态工作专题”计入要求。' });
    await waitFor(() => expect(q('.ant-form-item-extra')?.textContent).toBe('只有“意识形态工作专题”计入要求。'));
  });
});

describe('form values ↔ API values', () => {
  it('sends dates as YYYY-MM-DD, people and orgs as ids, attachments as ids (one id when single), and leaves empty fields out', () => {
    const payload = toFieldsPayload(TYPE, {
      meeting_kind: 'party_group_meeting',
      topics: ['a'],
      place: '  三楼会议室 ',
      agenda: '',
      published_on: dayjs('2026-03-05T10:00:00'),
      attendee_count: 0,
      minutes_signed: false,
      host: 'p1',
      attendees: ['p1', 'p2'],
      unit: undefined,
      link: '   ',
      minutes: [FILE, PHOTO],
      scan: [FILE],
    });
    expect(payload).toEqual({
      meeting_kind: 'party_group_meeting',
      topics: ['a'],
      place: '三楼会议室',
      published_on: '2026-03-05',
      attendee_count: 0,
      minutes_signed: false,
      host: 'p1',
      attendees: ['p1', 'p2'],
      minutes: ['f1', 'f2'],
      scan: 'f1',
    });
  });

  it('drops keys the type does not define and empty lists', () => {
    expect(toFieldsPayload(TYPE, { stray: 'x', attendees: [], minutes: [], topics: [] })).toEqual({});
    expect(toServerValue(ATTENDEES, 'p1')).toEqual(['p1']);
    expect(toServerValue(HOST, ['p1'])).toBe('p1');
    expect(toServerValue(COUNT, Number.NaN)).toBeUndefined();
  });

  it('builds the whole create body with the built-in org, title and date', () => {
    const input = toRecordInput(TYPE, { orgId: 'o1', title: ' 第一季度党组会 ', occurredOn: dayjs('2026-01-09'), fields: { host: 'p1' } });
    expect(input).toEqual({ orgId: 'o1', title: '第一季度党组会', occurredOn: '2026-01-09', fields: { host: 'p1' } });
  });

  it('reads a record as the server shows it back into form values, and round-trips to the same body', () => {
    const record: LedgerRecord = {
      id: 'r1', packId: 'ideology', typeId: 'topic_meeting', typeName: '党组会', orgId: 'o1', orgName: '局党组', title: '第一季度党组会',
      occurredOn: '2026-01-09',
      fields: {
        meeting_kind: 'party_group_meeting', topics: ['a', 'b'], published_on: '2026-01-10', attendee_count: 9, minutes_signed: true,
        host: { id: 'p1', name: '王建国' }, attendees: [{ id: 'p1', name: '王建国' }, { id: 'p2', name: '李红梅' }],
        unit: { id: 'o2', name: '办公室' }, minutes: [FILE, PHOTO], scan: [FILE],
      },
      createdBy: '郑雅琴', createdAt: '2026-01-09T08:00:00Z', updatedAt: '2026-01-09T08:00:00Z', deleted: false, deletedAt: null,
    };
    const values = recordToFormValues(TYPE, record);
    expect(values.orgId).toBe('o1');
    expect(values.occurredOn?.format('YYYY-MM-DD')).toBe('2026-01-09');
    expect(values.fields.host).toBe('p1');
    expect(values.fields.attendees).toEqual(['p1', 'p2']);
    expect(values.fields.unit).toBe('o2');
    expect(values.fields.minutes).toEqual([FILE, PHOTO]);
    expect(dayjs.isDayjs(values.fields.published_on)).toBe(true);
    expect(fromServerValue(TOPICS, ['a'])).toEqual(['a']);
    expect(toRecordInput(TYPE, values)).toEqual({
      orgId: 'o1', title: '第一季度党组会', occurredOn: '2026-01-09',
      fields: {
        meeting_kind: 'party_group_meeting', topics: ['a', 'b'], published_on: '2026-01-10', attendee_count: 9, minutes_signed: true,
        host: 'p1', attendees: ['p1', 'p2'], unit: 'o2', minutes: ['f1', 'f2'], scan: 'f1',
      },
    });
    expect(evidenceCount(TYPE, record)).toBe(2);
  });

  it('starts a new record today, in the given org, with switches at 否', () => {
    const values = newFormValues(TYPE, 'o1', dayjs('2026-05-20T15:30:00'));
    expect(values.orgId).toBe('o1');
    expect(values.occurredOn?.format('YYYY-MM-DD HH:mm')).toBe('2026-05-20 00:00');
    expect(values.fields).toEqual({ minutes_signed: false });
  });

  it('checks a text against its length cap in characters', () => {
    expect(fieldProblem(PLACE, 'x'.repeat(101))).toBe('会议地点不能超过100个字');
    expect(fieldProblem(PLACE, '会'.repeat(100))).toBeNull();
  });
});

describe('record types by category', () => {
  it('groups types under their category, both in pinyin order', () => {
    const t = (id: string, name: string, category: string) => ({ id, name, category, fields: [] });
    const groups = typesByCategory([t('a', '舆情事件处置', '舆情'), t('b', '三会一课', '支部组织生活'), t('c', '第一议题学习', '会议学习'), t('d', '党课', '会议学习')]);
    expect(groups.map((g) => [g.name, g.types.map((x) => x.name)])).toEqual([
      ['会议学习', ['党课', '第一议题学习']],
      ['舆情', ['舆情事件处置']],
      ['支部组织生活', ['三会一课']],
    ]);
  });
});
