import { describe, expect, it } from 'vitest';
import { parseOutline } from './outline.ts';
import type { Node } from './types.ts';

const n = (marker: string, heading: string, children: Node[] = []): Node => ({ marker, heading, children });
const sections = (text: string) => parseOutline(text).sections;

describe('headings', () => {
  it('nests the four levels, writing half-width and variant markers canonically', () => {
    const text = ['一、总体情况', '(一)组织领导', '1、健全机构。成立领导小组。', '(1)制定方案', '（2）明确分工', '2．压实责任', '(二) 阵地管理', '二、存在问题'].join('\n');
    expect(sections(text)).toEqual([
      n('一、', '总体情况', [
        n('（一）', '组织领导', [n('1.', '健全机构', [n('（1）', '制定方案'), n('（2）', '明确分工')]), n('2.', '压实责任')]),
        n('（二）', '阵地管理'),
      ]),
      n('二、', '存在问题'),
    ]);
  });

  it('nests a lower level under the nearest higher one when a level is skipped', () => {
    expect(sections('一、做法\n1.学习\n（1）集中学\n二、问题')).toEqual([n('一、', '做法', [n('1.', '学习', [n('（1）', '集中学')])]), n('二、', '问题')]);
  });

  it('ends a run-in heading at its first 。 but not at one inside quotes; a heading alone ends at the line end', () => {
    expect(sections('（一）开展“我为群众办实事。”活动。全年开展活动。')).toEqual([n('（一）', '开展“我为群众办实事。”活动')]);
    expect(sections('（一）强化组织领导，压实工作责任。把意识形态工作作为重要内容。')).toEqual([n('（一）', '强化组织领导，压实工作责任')]);
    expect(sections('（一）切实扛起意识形态责任，全面加强从严治党  \n成立领导小组。')).toEqual([n('（一）', '切实扛起意识形态责任，全面加强从严治党')]);
    expect(sections('一、主要做法：')).toEqual([n('一、', '主要做法')]);
  });

  it('survives blank lines, indents with ideographic spaces, stray spaces and CRLF', () => {
    expect(sections('\r\n　　一、工作情况 \r\n\r\n　　（一）加强领导。 一是带头学。二是跟进学。\r\n\r\n')).toEqual([
      n('一、', '工作情况', [n('（一）', '加强领导', [n('一是', '带头学'), n('二是', '跟进学')])]),
    ]);
  });

  it('does not take a figure at a line start for a heading', () => {
    expect(sections('1.5万人次参加活动。')).toEqual([]);
  });
});

describe('inline enumerations', () => {
  it('makes items children of the node whose paragraph holds them, headed by their first sentence', () => {
    expect(sections('（一）加强领导。一是强化思想引领。深入学习。二是落实“四种责任”。始终把意识形态工作摆在重要位置。')).toEqual([
      n('（一）', '加强领导', [n('一是', '强化思想引领'), n('二是', '落实“四种责任”')]),
    ]);
  });

  it('takes an item without a 。 up to the next marker, minus the punctuation before it', () => {
    expect(sections('主要表现在：一是学习不够深入，学用结合不够紧密；二是阵地建设有待加强；三是措施有待细化。')).toEqual([
      n('一是', '学习不够深入，学用结合不够紧密'),
      n('二是', '阵地建设有待加强'),
      n('三是', '措施有待细化'),
    ]);
  });

  it('continues a sequence over the paragraphs of one section and starts afresh under the next heading', () => {
    const text = '三、下一步工作打算\n下一步，我们将继续努力。\n一是把牢方向。坚持学习。\n二是健全机制。\n四、其他\n二是不成序列。';
    expect(sections(text)).toEqual([n('三、', '下一步工作打算', [n('一是', '把牢方向'), n('二是', '健全机制')]), n('四、', '其他')]);
  });

  it('keeps a doubled item as written', () => {
    expect(sections('一是主要领导带头学。一是主要领导带头学。二是班子成员分享学。二是班子成员分享学。')).toEqual([
      n('一是', '主要领导带头学'),
      n('一是', '主要领导带头学'),
      n('二是', '班子成员分享学'),
      n('二是', '班子成员分享学'),
    ]);
  });

  it('reads "四要" as 四是 only at the next number of a running sequence', () => {
    expect(sections('一是甲。二是乙。三是丙。\n四要消除风险隐患，增进民生福祉。')).toEqual([n('一是', '甲'), n('二是', '乙'), n('三是', '丙'), n('四是', '消除风险隐患，增进民生福祉')]);
    expect(sections('一是甲。三要素齐全。')).toEqual([n('一是', '甲')]);
    expect(sections('四要消除风险隐患。')).toEqual([]);
  });

  it('does not take 一是 inside a word, or a number out of sequence, for an item', () => {
    expect(sections('思想统一是基础。二是后来的。')).toEqual([]);
  });

  it('reads 第一，第二， but not 第一责任人, 第一议题, 第一时间 or 第一、二卷', () => {
    expect(sections('落实党组书记第一责任人责任，坚持“第一议题”制度，第一时间处置。学习《谈治国理政》第一、二、三卷。')).toEqual([]);
    expect(sections('第一，加强学习。深入学。第二，强化阵地。第三：完善机制。')).toEqual([n('第一', '加强学习'), n('第二', '强化阵地'), n('第三', '完善机制')]);
    expect(sections('第一，我们要努力工作。')).toEqual([]);
  });

  it('reads 首先…其次…最后 only as a sequence', () => {
    expect(sections('首先，统一思想。其次，完善制度。再次，强化考核。最后，抓好落实。')).toEqual([
      n('首先', '统一思想'),
      n('其次', '完善制度'),
      n('再次', '强化考核'),
      n('最后', '抓好落实'),
    ]);
    expect(sections('首先要提高认识。最后，我们一定做好。')).toEqual([]);
  });

  it('places items of a paragraph before any heading at the top level', () => {
    expect(sections('今年以来：一是甲。二是乙。\n一、做法')).toEqual([n('一是', '甲'), n('二是', '乙'), n('一、', '做法')]);
  });
});

describe('title and signature', () => {
  it('reads a short unnumbered first line followed by the opening paragraph as the title', () => {
    const outline = parseOutline('党工委书记关于2022年落实意识形态主体责任履职情况汇报\n\n2022年，在区委的坚强领导下，现将有关情况汇报如下：\n一、工作开展情况');
    expect(outline.title).toBe('党工委书记关于2022年落实意识形态主体责任履职情况汇报');
    expect(outline.sections).toEqual([n('一、', '工作开展情况')]);
  });

  it('joins a title set over two lines', () => {
    expect(parseOutline('关于2022年度意识形态工作\n责任制落实情况的报告\n市委：\n2022年，我局认真落实。').title).toBe('关于2022年度意识形态工作责任制落实情况的报告');
  });

  it('has no title when the text starts with the opening paragraph, or is a single line', () => {
    expect(parseOutline('2022年，局党组在市委的坚强领导下，现将情况报告如下：\n一、工作开展情况').title).toBeNull();
    expect(parseOutline('工作总结').title).toBeNull();
    expect(parseOutline('一、工作开展情况\n（一）加强领导').title).toBeNull();
  });

  it('reads the organization and the date of issue at the end, out of the outline', () => {
    const outline = parseOutline('三、下一步工作打算\n一是加强学习。二是完善机制。\n\n中共XX区委宣传部\n2023年1月10日\n');
    expect(outline.signature).toEqual({ org: '中共XX区委宣传部', date: '2023年1月10日' });
    expect(outline.sections).toEqual([n('三、', '下一步工作打算', [n('一是', '加强学习'), n('二是', '完善机制')])]);
  });

  it('reads a date alone, a date in Chinese numerals and a template date', () => {
    expect(parseOutline('一、做法\n加强学习，取得成效。\n2023年1月10日').signature).toEqual({ org: null, date: '2023年1月10日' });
    expect(parseOutline('一、做法\nXX局党组\n二〇二三年一月十日').signature).toEqual({ org: 'XX局党组', date: '二〇二三年一月十日' });
    expect(parseOutline('一、做法\n**局\n20XX年X月X日').signature).toEqual({ org: '**局', date: '20XX年X月X日' });
    expect(parseOutline('一、做法\n特此报告\n2023年1月10日').signature).toEqual({ org: null, date: '2023年1月10日' });
  });
});
