// The dashboard's data from a small plan (test/fixtures/dashboard-plan) as of 2020-09-30, every
// figure worked out by hand, and checked against the period report and the summary it reuses.
import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/core/config.js';
import { evaluate, lightsOf, settingsOf, type Evaluated } from '../../src/core/evaluate.js';
import type { Filter } from '../../src/core/filter.js';
import { parsePeriod } from '../../src/core/periods.js';
import { categoryRules } from '../../src/core/categories.js';
import type { LoadedTask } from '../../src/core/task.js';
import { messages } from '../../src/i18n/index.js';
import { dashboardReport, TARGETS_SHOWN } from '../../src/reports/dashboard.js';
import { periodReport } from '../../src/reports/period.js';
import { row } from '../../src/reports/summary.js';
import { loadConfig, loadTasks } from '../../src/store/load.js';
import { fixture } from '../helpers.js';

const AS_OF = '2020-09-30';
const zh = messages('zh');
const root = fixture('dashboard-plan');
const { config } = await loadConfig(root, zh);
const { tasks } = await loadTasks(root, config, zh, { cache: false });

const settings = (c: Config = config) => ({ title: c.title, year: c.year, roster: c.roster, light: settingsOf(c), feedback: c.feedback });
const evaluated = (asOf = AS_OF, list: readonly LoadedTask[] = tasks): Evaluated[] => evaluate(list, asOf, settingsOf(config));
const dashboard = (filter: Filter = {}, asOf = AS_OF) => dashboardReport(lightsOf(evaluated(asOf)), evaluated(asOf), { asOf, filter, unreadable: 0 }, settings());

describe('dashboardReport', () => {
  it('gives the headline figures with their changes since the end of the previous 旬 and month', () => {
    const data = dashboard();
    expect(tasks).toHaveLength(7);
    expect(data.title).toBe('看板测试区2020年重点工作');
    expect(data.compareTo).toEqual({ xun: '2020-09-20', month: '2020-08-31' });
    const round = parsePeriod('2020-09-3');
    expect(data.headlines).toEqual([
      { key: 'total', value: 7 },
      // 002 done on 9/15, 006 done late on 8/20
      { key: 'done', value: 2, sinceXun: 0, sinceMonth: 1 },
      // 2 of the 6 not cancelled; on 8/31 1 of 6
      { key: 'rate', value: 33.3, sinceXun: 0, sinceMonth: 16.6 },
      // 001 since July, 007 since 9/16
      { key: 'red', value: 2, sinceXun: 0, sinceMonth: 1 },
      // 004 due on 10/5
      { key: 'yellow', value: 1, sinceXun: 1, sinceMonth: 1 },
      // 003 reported done on 9/28
      { key: 'awaiting_review', value: 1, sinceXun: 1, sinceMonth: 1 },
      // 下旬: 001, 003 and 007 on time, 004 missing; 中旬: 003 and 004 of four; no round was due by 8/31
      { key: 'on_time_rate', value: 75, sinceXun: 25, period: round.ok ? round.period : undefined },
    ]);
  });

  it('changes since the previous 旬 are the 旬 report’s, and since the previous month the month report’s', () => {
    const data = dashboard();
    const rhythm = { light: settingsOf(config), feedback: config.feedback, categories: categoryRules(config), scoring: config.scoring, roster: config.roster };
    const report = (key: string) => {
      const parsed = parsePeriod(key);
      if (!parsed.ok) throw new Error(key);
      return periodReport(tasks, { period: parsed.period, asOf: AS_OF, rank: false }, rhythm);
    };
    const xun = report('2020-09-3');
    const month = report('2020-09');
    const pairs = { done: 'done', rate: 'completionRate', red: 'red', yellow: 'yellow', awaiting_review: 'awaitingReview' } as const;
    for (const [key, field] of Object.entries(pairs)) {
      const h = data.headlines.find((x) => x.key === key)!;
      expect(h.value, key).toBe(xun.headline[field]);
      expect(h.sinceXun, key).toBeCloseTo(xun.headline[field]! - xun.previousHeadline[field]!, 5);
      expect(h.sinceMonth, key).toBeCloseTo(month.headline[field]! - month.previousHeadline[field]!, 5);
    }
    const onTime = data.headlines.find((x) => x.key === 'on_time_rate')!;
    expect(onTime.value).toBe(xun.headline.onTimeRate);
    expect(onTime.sinceXun).toBe(xun.headline.onTimeRate! - xun.previousHeadline.onTimeRate!);
  });

  it('counts lights per official and per unit in roster order, a task with two leads under both', () => {
    const data = dashboard();
    const zero = { red: 0, yellow: 0, green: 0, done: 0, done_late: 0, suspended: 0, cancelled: 0 };
    expect(data.byLead).toEqual([
      { name: '区长', counts: { ...zero, red: 2, green: 1 } },
      { name: '副区长', counts: { ...zero, green: 1, yellow: 1, done: 1, done_late: 1, cancelled: 1 } },
    ]);
    expect(data.byUnit).toEqual([
      { name: '甲局', counts: { ...zero, red: 2, green: 1 } },
      { name: '乙局', counts: { ...zero, done: 1, done_late: 1 } },
      { name: '丙局', counts: { ...zero, yellow: 1, cancelled: 1 } },
    ]);
  });

  it('draws completion at each 旬 end from done_on, the same as the summary’s rate of the tasks evaluated on that day', () => {
    const { completion } = dashboard();
    expect(completion.yearStart).toBe('2020-01-01');
    expect(completion.yearEnd).toBe('2020-12-31');
    expect(completion.total).toBe(6);
    expect(completion.points).toHaveLength(27);
    expect(completion.points.at(-1)).toEqual({ date: AS_OF, done: 2, share: 33.3 });
    const at = (date: string) => completion.points.find((p) => p.date === date);
    expect(at('2020-08-10')).toEqual({ date: '2020-08-10', done: 0, share: 0 });
    expect(at('2020-08-20')).toEqual({ date: '2020-08-20', done: 1, share: 16.7 });
    expect(at('2020-09-20')).toEqual({ date: '2020-09-20', done: 2, share: 33.3 });
    for (const p of completion.points) {
      const r = row('', evaluated(p.date));
      expect({ done: p.done, share: p.share }, p.date).toEqual({ done: r.done, share: r.rate ?? 0 });
    }
    // to the year's end, past the completions, cancellations and status changes of the plan
    for (const p of dashboard({}, '2020-12-31').completion.points) {
      const r = row('', evaluated(p.date));
      expect({ done: p.done, share: p.share }, p.date).toEqual({ done: r.done, share: r.rate ?? 0 });
    }
  });

  it('lists the red tasks most overdue first with their latest feedback, and what awaits review', () => {
    const data = dashboard();
    expect(data.red.map((t) => [t.id, t.daysOverdue, t.latest?.date])).toEqual([
      ['2020-001', 92, '2020-09-25'],
      ['2020-007', 15, '2020-09-30'],
    ]);
    expect(data.red[0]).toMatchObject({ title: '建成城市书房', leads: ['区长'], leadUnit: '甲局', light: 'red', latest: { note: '正在收尾，装修完成九成' } });
    expect(data.red[0]!.reasons[0]).toEqual({ kind: 'overdue', deadline: '2020-06-30', days: 92 });
    expect(data.awaitingReview).toEqual([
      { id: '2020-003', title: '新增城镇就业', leads: ['区长', '副区长'], leadUnit: '甲局', light: 'green', reportedOn: '2020-09-28', note: '全年目标已基本完成，申请销号' },
    ]);
  });

  it('gives each target its value reported by the date against the time elapsed', () => {
    expect(dashboard().targets).toEqual([
      { id: '2020-003', title: '新增城镇就业', leads: ['区长', '副区长'], leadUnit: '甲局', light: 'green', name: '新增就业', actual: 800, target: 1000, unit: '人', direction: 'min', elapsed: 75 },
    ]);
    expect(dashboard({}, '2020-09-29').targets[0]!.actual).toBe(400);
  });

  it('lists the first targets by task id, as many as a page shows, counts them all, and evaluates only the tasks it lists', () => {
    // 150 copies of the task with a target, under ids in reverse order, every third with a second target
    const source = tasks.find((t) => t.task.id === '2020-003')!;
    const many: LoadedTask[] = Array.from({ length: 150 }, (_, i) => {
      const id = `2020-${String(900 - i).padStart(3, '0')}`;
      const targets = source.task.targets!;
      // without its completion request, which would list (and evaluate) every copy as awaiting review
      const { completion_requests: _request, ...task } = source.task;
      return { file: `tasks/${id}.yaml`, task: { ...task, id, targets: i % 3 === 0 ? [...targets, { ...targets[0]!, name: '新增岗位' }] : targets } };
    });
    const all = evaluate(many, AS_OF, settingsOf(config));
    const asked = new Set<number>();
    // as lights judged from the facts are: no task with a completion request, none evaluated until asked for
    const lights = { ...lightsOf(all), evaluated: (i: number) => (asked.add(i), all[i]!), inFull: () => false };
    const data = dashboardReport(lights, many, { asOf: AS_OF, filter: {}, unreadable: 0 }, settings());
    expect(data.targetCount).toBe(200);
    expect(data.targets).toHaveLength(TARGETS_SHOWN);
    const ids = data.targets.map((t) => t.id);
    expect(ids[0]).toBe('2020-751');
    expect([...ids].sort()).toEqual(ids);
    // both targets of a task, in the task's order
    expect(data.targets.filter((t) => t.id === '2020-753').map((t) => t.name)).toEqual(['新增就业', '新增岗位']);
    // the tasks listed (those of the first 100 targets) and no other
    expect(data.awaitingReview).toEqual([]);
    expect(asked.size).toBe(new Set(ids).size);
  });

  it('grids each unit’s feedback for the 旬 since the rules began: the worst report of the 旬, or none owed', () => {
    const { punctuality } = dashboard();
    expect(punctuality.periods.map((p) => p.start)).toEqual(['2020-09-01', '2020-09-11', '2020-09-21']);
    expect(punctuality.rows).toEqual([
      // 001 missed 中旬
      { unit: '甲局', cells: ['on_time', 'missing', 'on_time'] },
      // 002 done on 9/15 owed nothing more; 006 was done in August
      { unit: '乙局', cells: ['on_time', 'none', 'none'] },
      // 004 answered 上旬 on 9/12, late
      { unit: '丙局', cells: ['late', 'on_time', 'missing'] },
    ]);
    // within a 旬 its reports are not due yet
    expect(dashboard({}, '2020-09-25').punctuality.rows.map((r) => r.cells[2])).toEqual(['not_due', 'none', 'not_due']);
  });

  it('takes the filters of tasks list and says what they left', () => {
    const data = dashboard({ lead: ['区长'] });
    expect(data.scope).toEqual({ filter: { lead: ['区长'] }, tasks: 3, of: 7 });
    expect(data.headlines.find((h) => h.key === 'total')!.value).toBe(3);
    expect(data.red).toHaveLength(2);
    expect(data.byUnit.map((r) => r.name)).toEqual(['甲局']);
    expect(data.punctuality.rows.map((r) => r.unit)).toEqual(['甲局']);
    expect(dashboard().scope).toBeUndefined();
  });

  it('compares nothing before the year, and leaves out a rate of nothing', () => {
    const data = dashboardReport(lightsOf([]), [], { asOf: '2020-01-05', filter: {}, unreadable: 2 }, settings());
    expect(data.compareTo).toEqual({});
    expect(data.headlines).toEqual([
      { key: 'total', value: 0 },
      { key: 'done', value: 0 },
      { key: 'red', value: 0 },
      { key: 'yellow', value: 0 },
      { key: 'awaiting_review', value: 0 },
    ]);
    expect(data.completion).toEqual({ yearStart: '2020-01-01', yearEnd: '2020-12-31', total: 0, points: [{ date: '2020-01-05', done: 0, share: 0 }] });
    expect(data.punctuality).toEqual({ periods: [], rows: [] });
    expect(data.unreadable).toBe(2);
  });
});
