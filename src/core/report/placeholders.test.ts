import { describe, expect, it } from 'vitest';
import { findPlaceholders } from './placeholders.ts';

/** [text, kind, unit] of each placeholder in the text. */
const found = (text: string) => findPlaceholders(text).map((p) => [p.text, p.kind, p.unit]);

describe('placeholders', () => {
  it('reads every symbol and run: * ** *** ＊ X XX XXX x xx × ××', () => {
    expect(found('召开*次，发稿**篇，***余篇，＊＊期，X家，XX个，XXX名，x件，xx次，×场，××条。')).toEqual([
      ['*', 'number', '次'],
      ['**', 'number', '篇'],
      ['***', 'number', '余篇'],
      ['＊＊', 'number', '期'],
      ['X', 'number', '家'],
      ['XX', 'number', '个'],
      ['XXX', 'number', '名'],
      ['x', 'number', '件'],
      ['xx', 'number', '次'],
      ['×', 'number', '场'],
      ['××', 'number', '条'],
    ]);
  });

  it('reads the measure word with its magnitude and approximation', () => {
    expect(found('超过X万人，**多人次，**条（篇），X余场次，X万余小时，*余批次，X余万人，超过X万，')).toEqual([
      ['X', 'number', '万人'],
      ['**', 'number', '多人次'],
      ['**', 'number', '条（篇）'],
      ['X', 'number', '余场次'],
      ['X', 'number', '万余小时'],
      ['*', 'number', '余批次'],
      ['X', 'number', '余万人'],
      ['X', 'number', '万'],
    ]);
  });

  it('takes a placeholder before a place, an outlet or an institution for a name', () => {
    expect(found('**区、**省日报、**日报、**电视台、XX师范学院、XX村晚、**新闻网、××县、XX家园、**支部、XX项目')).toEqual(
      Array.from({ length: 11 }, (_, i) => [['**', '**', '**', '**', 'XX', 'XX', '**', '××', 'XX', '**', 'XX'][i], 'name', null]),
    );
  });

  it('takes a placeholder after a surname for a name even before a measure word, but not after an ordinary word', () => {
    expect(found('评选邱**户、梁**为文明家庭，局党组先后*次专题研究，注册队伍X支，全区**个，学习xx次。')).toEqual([
      ['**', 'name', null],
      ['**', 'name', null],
      ['*', 'number', '次'],
      ['X', 'number', '支'],
      ['**', 'number', '个'],
      ['xx', 'number', '次'],
    ]);
  });

  it('does not take X in Latin words, or × and * between digits, for placeholders', () => {
    expect(found('用Excel和XML报送，Xi与x-ray不算；3×4，2*3。XX市X次')).toEqual([
      ['XX', 'name', null],
      ['X', 'number', '次'],
    ]);
  });

  it('reads a placeholder inside a number as a number without a count unit', () => {
    expect(found('截至20XX年底，完成率9X%')).toEqual([
      ['XX', 'number', '年'],
      ['X', 'number', '%'],
    ]);
  });

  it('gives the sentence as context, up to 。 or ；, without the heading marker', () => {
    const [a, b, c] = findPlaceholders('（一）加强学习。召开会议*次，发稿**篇；组织活动X场。');
    expect([a!.context, b!.context, c!.context]).toEqual(['召开会议*次，发稿**篇', '召开会议*次，发稿**篇', '组织活动X场']);
    expect(findPlaceholders('（二）**区工作')[0]!.context).toBe('**区工作');
  });

  it('gives the clauses before and after, cut at the neighbouring placeholders', () => {
    const [first, second] = findPlaceholders('开展“孝老爱亲饺子宴”等主题实践活动X余场、受众X万余人，局党组先后*次专题研究意识形态工作。');
    expect([first!.before, first!.after]).toEqual(['开展“孝老爱亲饺子宴”等主题实践活动', '、受众']);
    expect([second!.before, second!.after]).toEqual(['、受众', '']);
    expect(findPlaceholders('局党组先后*次专题研究意识形态工作，保障落实。')[0]!.after).toBe('专题研究意识形态工作');
  });
});
