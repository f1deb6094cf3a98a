// 时段（旬、月、季度、半年、年）.
import { periodLabelZh, type PeriodInputProblem, type PeriodKind } from '../../core/periods.js';

const q = (v: unknown) => `“${String(v)}”`;
const kinds: Record<PeriodKind, string> = { xun: '旬', month: '月', quarter: '季度', half: '半年', year: '年度' };
const examples: Record<PeriodKind, string> = {
  xun: '2020-09-下旬、2020-09-3 或 2020年9月下旬',
  month: '2020-09 或 2020年9月',
  quarter: '2020-Q3 或 2020年第三季度',
  half: '2020-H1 或 2020年上半年',
  year: '2020',
};
const forms = '2020-09-下旬、2020-09-3、2020-09、2020-Q3、2020-H1、2020、2020年9月下旬、2020年第三季度、2020年上半年；不写年份（9月、9月下旬、三季度）即台账年度';

export const periods = () => ({
  periods: {
    label: periodLabelZh,
    kind: kinds,
    problem: (p: PeriodInputProblem): string => {
      switch (p.code) {
        case 'empty': return `请指定时段，可用写法：${forms}`;
        case 'unrecognised': return `无法识别的时段${q(p.text)}。可用写法：${forms}`;
        case 'bad_year': return `年份 ${p.year} 无效`;
        case 'bad_month': return `没有 ${p.month} 月：月份应为 1 到 12`;
        case 'bad_xun': return `一个月只有三旬：旬应为 1（上旬）、2（中旬）或 3（下旬），这里是 ${p.xun}`;
        case 'bad_quarter': return `一年只有四个季度：季度应为 Q1 到 Q4，这里是第 ${p.quarter} 季度`;
        case 'bad_half': return `半年应为 H1（上半年）或 H2（下半年），这里是 H${p.half}`;
        case 'bad_date': return `${q(p.text)}不是有效的日期`;
        case 'date_needs_kind': return `${q(p.date)}是日期，不是时段；请写时段，例如 ${forms}`;
        case 'kind_mismatch':
          return `${periodLabelZh(p.found)}是一个${kinds[p.found.kind]}，这里需要${kinds[p.expected]}，例如 ${examples[p.expected]}`;
      }
    },
  },
});
