import { describe, expect, it } from 'vitest';
import type { MetricDef } from '../pack/schema.ts';
import { bindPlaceholders, metricKeywords } from './bind.ts';
import { findPlaceholders } from './placeholders.ts';

const metric = (id: string, name: string, unit: string, keywords?: string[]): MetricDef => ({
  id,
  name,
  recordType: id.split('.')[0]!,
  aggregate: 'count',
  where: [],
  unit,
  ...(keywords ? { keywords } : {}),
});

const METRICS: MetricDef[] = [
  metric('central_group_study.count', '中心组学习次数', '次', ['中心组学习', '理论学习中心组']),
  metric('topic_meeting.count', '党委（党组）会研究意识形态工作次数', '次', ['专题研究意识形态', '党组会+意识形态']),
  metric('article.count', '报送宣传信息数', '篇', ['发稿', '宣传报道']),
  metric('article.central.count', '中央级媒体采用数', '篇', ['中央媒体']),
  metric('outreach_lecture.count', '宣讲场次', '场', ['宣讲']),
  metric('outreach_lecture.audience', '宣讲受众人数', '人次', ['宣讲']),
  metric('volunteer_activity.count', '文明实践和志愿服务活动次数', '次', ['志愿服务']),
  metric('volunteer_activity.hours', '志愿服务时长', '小时', ['服务+时长']),
];
const bound = (text: string, metrics = METRICS) => bindPlaceholders(findPlaceholders(text), metrics).map((p) => p.metric);

describe('binding figure placeholders to metrics', () => {
  it('binds by the words before the placeholder, the longest keyword winning', () => {
    expect(bound('召开中心组学习会**次，在全媒体平台发稿*余篇，其中中央媒体网站*篇，组织开展各类宣讲活动*多场。')).toEqual([
      'central_group_study.count',
      'article.count',
      'article.central.count',
      'outreach_lecture.count',
    ]);
  });

  it('binds by the words after it when the words before name nothing', () => {
    expect(bound('局党组先后*次专题研究意识形态工作。')).toEqual(['topic_meeting.count']);
  });

  it('needs every part of an "A+B" keyword', () => {
    expect(bound('召开党组会议研究意识形态工作*次，召开党组会议*次。')).toEqual(['topic_meeting.count', null]);
    expect(bound('服务总时长超过X万余小时。')).toEqual(['volunteer_activity.hours']);
  });

  it('requires the unit to count what the metric counts', () => {
    expect(bound('宣讲受众*人次，召开中心组学习会**篇，注册志愿服务队伍X支。')).toEqual(['outreach_lecture.audience', null, null]);
  });

  it('binds nothing for names, ordinals, averages and rates', () => {
    expect(bound('**区开展宣讲活动，第*次中心组学习，月平均开展志愿服务活动*余场次，人均宣讲*场。')).toEqual([null, null, null, null]);
  });

  it('binds nothing when two metrics fit equally well', () => {
    const twins = [metric('a.count', '甲', '次', ['学习']), metric('b.count', '乙', '次', ['学习'])];
    expect(bound('组织学习*次。', twins)).toEqual([null]);
  });

  it('binds nothing when no keyword is in the clause', () => {
    expect(bound('清查各类文化经营场所X余家，动员**名干部。')).toEqual([null, null]);
  });

  it("falls back to the metric's name, shortened, when it has no keywords", () => {
    const plain = metric('warning_education.count', '警示教育次数', '次');
    expect(metricKeywords(plain)).toEqual(['警示教育']);
    expect(bound('开展警示教育*次。', [plain])).toEqual(['warning_education.count']);
  });
});
