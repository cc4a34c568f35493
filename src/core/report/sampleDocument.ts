import type { Block, ReportDocument } from './document.ts';

/**
 * A realistic report for trying the Word layout by hand and for its tests: a bureau's 2022 annual
 * report on ideology work, after the real report in shared/samples/reports (003), with its `*次`
 * placeholders replaced by figures as a draft from the ledger would have them. It uses every part
 * of the layout: a two-line title, an addressee, all four heading levels, run-in headings, long
 * paragraphs, a paragraph split into runs, attachments and a signature.
 */
export function sampleReportDocument(): ReportDocument {
  return {
    title: '市城市管理局党组关于2022年度\n意识形态工作责任制落实情况的报告',
    addressee: '市委宣传部',
    blocks: sampleBlocks(),
    attachments: ['2022年度意识形态工作责任清单落实情况表', '2022年度意识形态领域风险隐患排查台账'],
    signature: { org: '市城市管理局党组', date: '2023-01-10' },
    kind: 'report',
  };
}

const p = (text: string): Block => ({ kind: 'paragraph', text });

function sampleBlocks(): Block[] {
  return [
    p(
      '2022年，局党组在市委的坚强领导下，坚持以习近平新时代中国特色社会主义思想为指导，紧扣迎接、学习、宣传和贯彻党的二十大精神这一工作主线，坚决贯彻落实中央、省委、市委关于意识形态工作的部署要求，突出政治引领，坚持党管意识形态，全面落实意识形态工作主体责任，以高度的政治自觉和有力的措施办法抓好意识形态工作各项任务落实，全力维护意识形态领域的绝对安全。现将一年来的意识形态工作情况报告如下：',
    ),
    { kind: 'heading', level: 1, marker: '一、', text: '工作开展情况' },
    {
      kind: 'heading',
      level: 2,
      marker: '（一）',
      text: '强化组织领导，压实工作责任。',
      body: [
        { text: '把意识形态工作作为党的建设重要内容，压紧压实意识形态责任，牢牢掌握意识形态工作的领导权主动权。一是强化组织推进。局党组始终坚持把意识形态工作作为重要政治责任，把意识形态工作纳入局党组会重要议事日程，制定印发《2022年意识形态工作要点》，局党组先后' },
        // A figure as its own run, as a draft marks what the ledger counted; it prints like the text around it.
        { text: '4' },
        { text: '次专题研究意识形态工作，保障了意识形态责任制有力有效落实。二是压实责任链条。按照人员变动情况，及时调整局意识形态工作领导小组，进一步明确党组班子主体责任、党组书记第一责任人责任、分管领导直接责任和班子成员“一岗双责”。三是加大监管督查。定期开展基层党组织落实意识形态工作责任制情况检查，梳理问题清单并及时督促整改，今年以来下发情况通报6期。' },
      ],
    },
    {
      kind: 'heading',
      level: 2,
      marker: '（二）',
      text: '强化理论武装，筑牢思想根基。',
      body: '坚持把思想政治建设摆在首位，聚焦习近平新时代中国特色社会主义思想、党的二十大精神及习近平总书记最新讲话精神，创新推行“主要领导带头学＋班子成员分享学＋交流研讨互动学＋线上线下促自学”的“四学模式”，推动理论武装往深里走、往实里做。局党组书记讲授专题党课2次，召开中心组学习会12次，班子成员撰写交流材料26篇，做到逢学必总结点评，带头营造浓厚学习氛围。',
    },
    { kind: 'heading', level: 2, marker: '（三）', text: '强化阵地建设，把牢舆论方向' },
    p('充分发挥部门联系群众第一线的优势，以正面宣传、文化引导、舆情管控为主，紧抓意识形态阵地建设，引导和把握正确舆论导向，筑牢意识形态工作“压舱石”。'),
    {
      kind: 'heading',
      level: 3,
      marker: '1．',
      text: '筑牢思想阵地。',
      body: '聚焦宣传、贯彻党的二十大精神以及中央、省委、市委重大决策部署，在“国家安全教育日”“网络安全宣传周”以及建党节、国庆节等重要时间节点，充分利用户外大屏、微信公众号、门户网站等载体广泛开展氛围营造工作。',
    },
    { kind: 'heading', level: 3, marker: '2．', text: '注重正面宣传' },
    {
      kind: 'heading',
      level: 4,
      marker: '（1）',
      text: '规范发布平台。',
      body: '印发《局政务新媒体平台及政府网站信息发布规范》，进一步规范局微信公众号、政务微博、门户网站建设。',
    },
    {
      kind: 'heading',
      level: 4,
      marker: '（2）',
      text: '壮大正面声音。',
      body: '充分挖掘系统先进典型、工作业绩，今年以来共推出正面宣传报道312篇，被各类媒体采用47篇。',
    },
    { kind: 'heading', level: 1, marker: '二、', text: '存在问题' },
    p(
      '2022年，我局在落实意识形态责任制方面虽然做了一些工作，也取得了一定成效，但仍然存在一些不足，主要表现在：一是意识形态责任有待加强。高位谋划、高点部署、高标落实上做得还不够，个别党员干部对意识形态工作内涵把握不准，简单认为“不乱说”“不乱发”就是落实意识形态工作要求。二是意识形态阵地有待加强。主流思想文化、先进典型人物等宣传教育上缺乏深层次挖掘，仍然存在着群众对城管工作认同度不高的问题。三是意识形态领域风险防控有待加强。研判分析基层思想动态和社情民意还不够到位，苗头性、倾向性的风险隐患处置不够及时。',
    ),
    { kind: 'heading', level: 1, marker: '三、', text: '下一步工作打算' },
    p(
      '下一步，市城管局党组将继续坚持以习近平新时代中国特色社会主义思想为引领，紧扣学习贯彻党的二十大精神这一主线，全面贯彻落实习近平总书记关于意识形态工作的重要讲话、重要指示精神，高举旗帜、服务大局、积极作为，全力推动意识形态工作取得新成效。重点在三个方面下足功夫：一是在明确方向导向上下功夫。坚持党对意识形态工作的全面领导，强化党组主体责任和党组书记“第一责任人”职责，落实“一岗双责”。二是在健全体制机制上下功夫。健全意识形态工作推进机制，落实好意识形态工作考核制度，切实抓好意识形态工作过程性检查考核。三是在抓好防范防控上下功夫。健全完善重大突发舆情联动处置协调机制，强化网络安全及舆情监测处置，全力守好舆论安全阵地。',
    ),
  ];
}
