import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizePunctuation, parseNotice, parseTargets, shortTitle, splitWork } from '../../src/import/notice.js';
import { fixture, ROOT } from '../helpers.js';

const seed = readFileSync(join(ROOT, 'seeds', 'tunxi-2020-key-work-notice.txt'), 'utf8');
const notice = (name: string) => readFileSync(join(fixture('notices'), name), 'utf8');

describe('the Tunxi notice (parts, points, 年度目标 and 主要任务)', () => {
  const result = parseNotice(seed, 2020);

  it('finds 8 parts, 22 points and the 141 tasks the notice declares', () => {
    expect(result).toMatchObject({ layout: 'points', sections: 8, points: 22, declaredCount: 141 });
    expect(result.drafts).toHaveLength(141);
  });

  it('fills section, point, a short title and the detail as written', () => {
    const first = result.drafts[0]!.task;
    expect(first).toMatchObject({
      section: '一、深化改革创新，高质量加快动能转换',
      point: '（一）巩固重点改革成果',
      title: '持续做好机构改革“后半篇文章”',
      detail: '持续做好机构改革“后半篇文章”，加快政府职能转变和职责优化，稳妥实施事业单位公车改革。',
      deadline: '2020-12-31',
      status: 'not_started',
    });
    expect(result.drafts.every((d) => d.task.title.length > 0 && d.task.section && d.task.point)).toBe(true);
    expect(result.drafts.at(-1)!.task.point).toBe('（二十二）努力建设人民满意的服务型政府');
  });

  it('turns the quantified goals into structured targets', () => {
    const targets = result.drafts.flatMap((d) => d.task.targets ?? []);
    expect(targets).toContainEqual({ name: '省级科技成果登记数', target: 30, unit: '件' });
    expect(targets).toContainEqual({ name: '全社会研发投入强度', target: 1.3, unit: '%' });
    expect(targets).toContainEqual({ name: '调查失业率', target: 5, unit: '%', direction: 'max' });
    expect(targets).toContainEqual({ name: '完成老旧小区改造', target: 27, unit: '个' });
    // a goal of a point goes to the task of that point that fits it best
    const point3 = result.drafts.filter((d) => d.task.point === '（三）完善创新驱动机制');
    expect(point3.flatMap((d) => d.task.targets ?? []).map((t) => t.name)).toContain('万人有效发明专利拥有量');
  });

  it('gives the targets of one task names of their own: 分别为 names one value for each thing listed before it', () => {
    const t017 = result.drafts.find((d) => d.task.title.startsWith('实施省亿元以上项目18个'))!;
    expect(t017.task.targets!.map((t) => [t.name, t.target, t.unit])).toEqual([
      ['实施省亿元以上项目', 18, '个'], ['实施市级重点项目', 27, '个'], ['实施区级重点项目', 110, '个'],
      ['省亿元以上项目年度计划投资', 24.3, '亿元'], ['市级重点项目年度计划投资', 43.4, '亿元'], ['区级重点项目年度计划投资', 101, '亿元'],
      ['实施项目', 100, '个'], ['实现投资', 100, '亿元'],
    ]);
    for (const d of result.drafts) {
      const names = (d.task.targets ?? []).map((t) => t.name);
      expect(new Set(names).size, d.task.title).toBe(names.length);
    }
    expect(parseTargets('新增A企业5家、B企业3家；新增A企业2家').map((t) => t.name)).toEqual(['新增A企业', '新增B企业', '新增A企业（2）']);
  });

  it('splits by sentence when asked, which gives fewer tasks', () => {
    expect(parseNotice(seed, 2020, 'sentence').drafts).toHaveLength(108);
  });
});

describe('numbered tasks with 牵头单位 and 责任单位 lines', () => {
  const result = parseNotice(notice('layout-a-units.txt'), 2021);

  it('reads every task with its units, the lead unit first', () => {
    expect(result.layout).toBe('numbered');
    expect(result.declaredCount).toBe(4);
    expect(result.drafts.map((d) => d.task.units)).toEqual([
      ['县发改委', '县经信局', '县科技局', '县财政局'],
      ['县经信局', '县发改委', '各乡镇'],
      ['县人社局', '县财政局', '县教育局'],
      ['县教育局', '县住建局'],
    ]);
  });

  it('keeps the headings as section and point, and resolves deadlines', () => {
    const [a, b, c, d] = result.drafts.map((x) => x.task);
    expect(a).toMatchObject({ section: '一、扎实推进产业转型升级', deadline: '2021-12-31', deadline_text: '年底前' });
    expect(a!.point).toBeUndefined();
    expect(b).toMatchObject({ deadline: '2021-06-30', deadline_text: '6月底前' });
    expect(c).toMatchObject({ section: '二、持续改善民生', point: '（一）办好民生实事' });
    expect(c!.targets).toEqual([
      { name: '新增城镇就业', target: 2000, unit: '人' },
      { name: '城镇登记失业率', target: 4, unit: '%', direction: 'max' },
    ]);
    expect(d).toMatchObject({ point: '（二）补齐教育短板', detail: '推进城区学校扩容，新建城东小学一所。', deadline: '2021-08-31' });
  });
});

describe('numbered tasks with 分管领导 and 部门分工 lines', () => {
  const result = parseNotice(notice('layout-b-division.txt'), 2021);

  it('fills lead and units from the division of work', () => {
    expect(result.drafts.map((d) => [d.task.lead, d.task.units])).toEqual([
      ['常务副区长', ['区发改委', '区统计局', '区财政局']],
      [['分管城建副区长', '分管财政副区长'], ['区住建局', '区财政局', '各街道']],
      ['区长', ['区数据资源局']],
    ]);
    expect(result.unassigned).toBe(0);
  });

  it('resolves deadline phrases in the text and in the deadline line', () => {
    expect(result.drafts[1]!.task).toMatchObject({ deadline: '2021-09-30', deadline_text: '三季度末前' });
    expect(result.drafts[2]!.task).toMatchObject({ deadline: '2021-12-31', deadline_text: '长期坚持', section: '二、深化改革开放' });
  });
});

describe('helpers', () => {
  it('finds nothing in a text with no structure', () => {
    expect(parseNotice(notice('no-structure.txt'), 2020)).toMatchObject({ layout: 'none', drafts: [] });
  });

  it('makes half-width punctuation between Chinese full-width', () => {
    expect(normalizePunctuation('一、深化改革创新,高质量加快动能转换')).toBe('一、深化改革创新，高质量加快动能转换');
    expect(normalizePunctuation('(一)巩固重点改革成果')).toBe('（一）巩固重点改革成果');
    expect(normalizePunctuation('A, B')).toBe('A, B');
  });

  it('keeps a title short', () => {
    expect(shortTitle('深化商事制度改革，健全“双随机、一公开”监管制度。')).toBe('深化商事制度改革');
    expect([...shortTitle('一'.repeat(60))]).toHaveLength(40);
  });

  it('splits long sentences into clauses only at an action verb', () => {
    expect(splitWork('启动智慧停车场建设。加快城市道路交通提升。', 'auto')).toEqual(['启动智慧停车场建设。', '加快城市道路交通提升。']);
  });

  it('ignores numbers inside quotes when reading targets', () => {
    expect(parseTargets('落实“人才10条”“技能人才15条”')).toEqual([]);
    expect(parseTargets('力争打造3—5个乡村旅游示范村')).toEqual([{ name: '打造乡村旅游示范村', target: 3, unit: '个' }]);
  });
});
