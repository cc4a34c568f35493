// Invented but plausible wording for the demo ledger: titles per record type and text for fields
// by id. Anything a pack names that is not here gets a neutral sentence built from its label.

/** Where the numbers in a title come from. */
export interface TitleParts {
  year: number;
  /** 1–12. */
  month: number;
  quarter: number;
  /** 1 or 2. */
  half: number;
  unit: string;
  /** The n-th record of this type for this unit in this year, from 1. */
  n: number;
  /** The record's field values (a title may depend on a kind). */
  values: Readonly<Record<string, unknown>>;
  pick: <T>(items: readonly T[]) => T;
}

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
const cn = (n: number) => CN[n - 1] ?? String(n);

const STUDY_TOPICS = [
  '学习贯彻习近平新时代中国特色社会主义思想',
  '学习习近平文化思想',
  '学习习近平总书记关于意识形态工作的重要论述',
  '学习党的二十届四中全会精神',
  '学习《中国共产党纪律处分条例》',
  '学习习近平总书记关于文化和旅游工作的重要论述',
  '学习全国宣传思想文化工作会议精神',
  '学习《关于新时代加强和改进思想政治工作的意见》',
];

const HEADLINES = [
  '我市“文化进万家”活动走进社区',
  '市图书馆推出“书香暑期”系列阅读活动',
  '我局开展文化市场安全生产专项检查',
  '非遗展演点亮传统节日',
  '文旅消费季启动 惠民措施同步推出',
  '市博物馆新展“古城记忆”开幕',
  '我局召开意识形态工作专题会议',
  '文化馆公益培训班春季招生启动',
  '全市旅游景区开展文明旅游宣传',
  '“红色文化进校园”巡讲活动举行',
  '我市举办全民阅读主题征文',
  '文化执法队开展网吧专项整治',
];

const half = (p: TitleParts) => (p.half === 1 ? '上半年' : '下半年');

/** Upward reports by their kind. */
const UPWARD: Record<string, (p: TitleParts) => string> = {
  half_year_report: (p) => `${p.unit}关于${p.year}年${half(p)}意识形态工作情况的报告`,
  annual_report: (p) => `${p.unit}关于${p.year}年度落实意识形态工作责任制情况的报告`,
  info_submission: (p) => `${p.year}年第${cn(p.quarter)}季度意识形态工作信息报送`,
  internal_bulletin: (p) => `关于${p.year}年${half(p)}意识形态领域情况的通报`,
  study_report: (p) => `关于${p.year}年${half(p)}党组理论学习中心组学习情况的报告`,
};

/** Titles per record type id; the fallback is the unit and the type's name. */
export const TITLES: Record<string, (p: TitleParts) => string> = {
  topic_meeting: (p) => `${p.year}年第${cn(p.quarter)}季度党组会专题研究意识形态工作`,
  central_group_study: (p) => `党组理论学习中心组${p.month}月集中学习：${p.pick(STUDY_TOPICS)}`,
  situation_analysis: (p) => `${p.year}年第${cn(p.quarter)}季度意识形态领域形势分析研判会`,
  analysis_report: (p) => `${p.unit}关于${p.year}年意识形态领域情况的分析研判报告`,
  upward_report: (p) => UPWARD[String(p.values.kind)]?.(p) ?? `${p.unit}关于意识形态工作情况的报告`,
  work_plan: (p) => `${p.unit}${p.year}年意识形态工作要点`,
  responsibility_letter: (p) => `${p.year}年度意识形态工作责任${p.values.doc_kind === 'letter' ? '书' : '清单'}`,
  study_plan: (p) => `党组理论学习中心组${p.year}年度学习计划`,
  study_output: (p) => `${p.pick(['深刻把握', '扎实推进', '坚持用'])}${p.pick(STUDY_TOPICS).replace(/^学习/, '')}——学习体会`,
  party_lecture: (p) => `${p.pick(['牢牢掌握意识形态工作领导权', '以文化人 以文育人', '守好文化阵地 讲好城市故事'])}——${p.year}年专题党课`,
  democratic_life_review: (p) => (p.values.event_kind === 'democratic_life' ? `${p.year - 1}年度党组领导班子民主生活会` : `${p.year - 1}年度领导班子和领导干部述职述责`),
  assessment_record: (p) => `${p.year}年度意识形态工作责任制落实情况考核`,
  inspection_record: (p) => `${p.year}年意识形态工作责任制专项督查`,
  outlet_check: (p) => `${p.unit}${p.year}年第${cn(p.quarter)}季度意识形态阵地检查`,
  opinion_event: (p) => p.pick(['网民反映景区节假日停车收费问题', '短视频平台转发演出退票纠纷', '网民质疑文化惠民活动报名规则', '论坛反映图书馆自习座位预约问题']),
  opinion_bulletin: (p) => `${p.year}年${p.month}月舆情报告`,
  risk_check: (p) => p.pick(['境外讲座邀请审核不严', '新媒体账号审核人员不足', '展览讲解词审核流程不完整']),
  event_approval: (p) => p.pick(['“城市记忆”历史文化讲座', '非遗保护与传承研讨会', '全民阅读分享会']),
  publish_review: (p) => p.pick(HEADLINES),
  article: (p) => p.pick(HEADLINES),
  outreach_lecture: (p) => p.pick(['党的创新理论进社区宣讲', '“文化润城”主题宣讲', '红色故事进校园宣讲']),
  volunteer_activity: (p) => p.pick(['文明旅游志愿服务', '“图书漂流”志愿服务', '博物馆志愿讲解']),
  role_model: (p) => p.pick(['“最美文旅人”推荐', '优秀志愿服务团队推荐']),
  first_topic: (p) => `第一议题：${p.pick(STUDY_TOPICS)}`,
  theme_day: (p) => `${p.month}月主题党日：${p.pick(['重温入党誓词', '走进红色教育基地', '志愿服务进社区'])}`,
  branch_meeting: (p) => `${p.month}月支部${p.pick(['党员大会', '委员会'])}`,
};

/** Text for fields by `type.field`, then by field id across record types. */
export const TEXTS: Record<string, readonly string[]> = {
  'upward_report.summary': ['报告了意识形态工作责任制落实情况、阵地管理和舆情应对情况，分析了存在问题，提出了下一步工作打算。'],
  'analysis_report.summary': ['全局意识形态领域总体平稳；存在新媒体审核力量不足等问题；下一步将加强阵地管理和舆情研判。'],
  'democratic_life_review.content': ['对照检查落实意识形态工作责任制情况，查摆阵地管理、舆情应对方面的不足。'],
  place: ['局机关三楼会议室', '局机关五楼党员活动室', '市图书馆报告厅'],
  agenda: ['传达学习上级关于意识形态工作的部署要求，研究部署本季度意识形态工作，分析研判网络舆情形势。'],
  instructions: ['传达学习市委意识形态工作领导小组会议精神。'],
  decisions: ['明确各科室、直属单位意识形态工作责任分工；加强新媒体账号内容审核；每月报送宣传信息。'],
  follow_up: ['宣传推广科牵头修订新媒体管理办法，下月底前完成；办公室负责督办。'],
  materials: ['习近平总书记重要讲话精神；上级有关文件；《习近平谈治国理政》相关篇目。'],
  discussion: ['大家结合分管工作交流学习体会，围绕守好文化阵地、做好正面宣传提出具体措施。'],
  overall: ['当前全局意识形态领域总体平稳，主流积极向上；网络舆情总体可控，个别涉及服务质量的诉求需及时回应。'],
  issues: ['个别新媒体账号更新不及时；外聘讲座人员审核把关需加强。'],
  measures: ['加强内容审核，落实三审三校；完善舆情监测和快速回应机制；开展专项检查并督促整改。'],
  summary: ['活动按计划组织实施，群众反响良好，相关图片和报道已在本单位新媒体发布。'],
  content: ['学习上级文件精神，研究本季度工作安排，讨论党员发展和教育管理事项。'],
  subject: ['网民在社交平台反映相关问题，涉及本单位服务事项，经核实情况属实，已协调处理。'],
  talking_points: ['高度重视群众反映，已第一时间核实处理，将进一步优化服务。'],
  review: ['事件处置及时，回应口径统一；今后将加强日常巡查和提前研判。'],
  findings: ['个别栏目更新不及时，1处外链失效，已要求限期整改。'],
  rectification: ['相关科室3个工作日内完成整改并报送整改情况。'],
  outlets_checked: ['局门户网站、“示例文旅”微信公众号、抖音号及各直属单位宣传栏。'],
  problems: ['部分单位意识形态工作台账不够规范；个别阵地审核记录缺失。'],
  clauses: ['落实主体责任、加强阵地管理、做好舆情应对、定期分析研判等条款。'],
  items: ['1. 加强理论武装（牵头单位：机关党委）；2. 抓好阵地管理（牵头单位：宣传推广科）；3. 做好舆情应对（牵头单位：办公室）。'],
  deeds: ['长期扎根基层文化服务一线，组织群众文化活动百余场。'],
  publicity: ['事迹已在本单位微信公众号和市级媒体刊发。'],
  outline: ['围绕城市历史文化保护与传承展开，内容已经主办单位审核。'],
  speakers: ['市地方志办公室研究员（本市）'],
  opinions: ['内容导向正确，表述准确，同意发布。'],
  deductions: ['阵地检查记录不完整，扣0.5分。'],
  commitments: ['加强意识形态工作学习，带头落实一岗双责。'],
  period_covered: ['{year}年度'],
  outlet_name: ['市日报', '市广播电视台', '省文旅厅网站', '学习强国平台'],
  doc_number: ['文旅党组〔{year}〕{n}号'],
  tutor: ['市委党校教授'],
  recipient: ['市委宣传部'],
  report_recipient: ['局党组主要负责同志'],
  deciding_body: ['局党组'],
  case_type: ['落实意识形态工作责任制不力'],
  cause: ['相关人员审核意识不强，制度执行不到位。'],
  transmission: ['通过网络平台扩散，可能引发负面舆论。'],
  team: ['局机关青年理论宣讲队'],
  venue: ['社区文化活动中心'],
  audience: ['局机关全体党员'],
  absentees: ['无'],
  document: ['习近平总书记在全国宣传思想文化工作会议上的重要讲话'],
  version: ['第1版'],
  basis: ['IW-30'],
  published_in: ['局内刊交流'],
  filing_no: ['备案{year}{n}'],
  bulletin_no: ['舆情快报第{n}期'],
  target_position: ['科员'],
  correction: ['无'],
};
