// A plan stepped through a scripted year by the editing commands, as a clerk would keep it: reports
// from several units dated across many 旬, completions, an extension, a suspension and a milestone
// added mid-year. At checkpoints the period report is taken as the office would take it (on the
// day after the period), checked against expectations worked out by hand, and at the end of the
// year taken again: nothing recorded later may change it.
import { describe, expect, it } from 'vitest';
import { copyFixture, run } from '../helpers.js';

type Step = { at: string; argv: string[] } | { at: string; check: string; argv: string[] };

const progress = (at: string, id: string, percent: number, ...extra: string[]): Step => ({
  at,
  argv: ['progress', id, `${at}进展情况`, '--percent', String(percent), ...extra],
});
const edit = (at: string, ...argv: string[]): Step => ({ at, argv });
const check = (at: string, name: string, ...argv: string[]): Step => ({ at, check: name, argv: ['report', ...argv, '--format', 'json'] });

const YEAR: Step[] = [
  progress('2020-02-11', '2020-002', 30),
  progress('2020-02-20', '2020-001', 5),
  progress('2020-02-28', '2020-005', 10),
  check('2020-02-28', 'feb28', 'xun'),
  progress('2020-02-29', '2020-001', 10),
  check('2020-03-01', 'feb3', 'xun', '--period', '2020-02-下旬'),
  progress('2020-03-02', '2020-002', 60, '--period', '2020-02-3'),
  edit('2020-03-05', 'done', '2020-002', '--on', '2020-03-05', '--force'),
  progress('2020-03-09', '2020-005', 20),
  progress('2020-03-10', '2020-001', 20),
  progress('2020-03-10', '2020-003', 10),
  check('2020-03-11', 'mar1', 'xun', '--period', '2020-03-1'),
  ...['2020-001:30', '2020-003:20', '2020-004:10', '2020-005:25'].map((s) => progress('2020-03-20', s.slice(0, 8), Number(s.slice(9)))),
  progress('2020-03-31', '2020-001', 35, '--problems', '招标文件审核时间较长', '--next', '4月上旬完成招标'),
  ...['2020-003:30', '2020-004:25', '2020-005:30'].map((s) => progress('2020-03-31', s.slice(0, 8), Number(s.slice(9)))),
  check('2020-04-01', 'q1', 'quarter', '--period', '2020-Q1'),
  edit('2020-04-05', 'milestone', '2020-001', 'done', '完成招标', '--on', '2020-04-05'),
  ...[
    ['2020-04-10', 40, 35, 40, 35],
    ['2020-04-20', 50, 40, 55, 40],
    ['2020-04-30', 60, 45, 70, 45],
    ['2020-05-10', 65, 50, 75, 50],
  ].flatMap(([at, a, c, d, e]) => [progress(at as string, '2020-001', a as number), progress(at as string, '2020-003', c as number), progress(at as string, '2020-004', d as number), progress(at as string, '2020-005', e as number)]),
  check('2020-05-11', 'may1', 'xun', '--period', '2020-05-1'),
  edit('2020-05-11', 'set', '2020-004', 'deadline', '2020-08-31', '--reason', '区政府常务会议同意延期'),
  ...[
    ['2020-05-20', 70, 55, 78, 55],
    ['2020-05-31', 75, 60, 80, 60],
    ['2020-06-10', 80, 65, 82, 65],
  ].flatMap(([at, a, c, d, e]) => [progress(at as string, '2020-001', a as number), progress(at as string, '2020-003', c as number), progress(at as string, '2020-004', d as number), progress(at as string, '2020-005', e as number)]),
  check('2020-05-21', 'may2', 'xun', '--period', '2020-05-2'),
  progress('2020-06-20', '2020-001', 85),
  progress('2020-06-20', '2020-003', 70),
  progress('2020-06-20', '2020-005', 70),
  progress('2020-06-22', '2020-004', 84, '--period', '2020-06-2'),
  ...['2020-001:90', '2020-003:75', '2020-004:86', '2020-005:75'].map((s) => progress('2020-06-30', s.slice(0, 8), Number(s.slice(9)))),
  check('2020-07-01', 'q2', 'quarter', '--period', '2020-Q2'),
  edit('2020-07-08', 'done', '2020-001', '--on', '2020-07-08', '--force'),
  ...['2020-003:80', '2020-004:88', '2020-005:80'].map((s) => progress('2020-07-10', s.slice(0, 8), Number(s.slice(9)))),
  check('2020-07-11', 'jul1', 'xun', '--period', '2020-07-1'),
  edit('2020-07-15', 'set', '2020-003', 'status', '暂缓', '--reason', '规划调整'),
  progress('2020-07-20', '2020-004', 90),
  progress('2020-07-20', '2020-005', 85),
  edit('2020-07-20', 'milestone', '2020-005', 'add', '中期评估', '--due', '2020-06-30'),
  check('2020-07-21', 'jul2', 'xun', '--period', '2020-07-2'),
  progress('2020-07-31', '2020-004', 92),
  progress('2020-07-31', '2020-005', 86),
  progress('2020-08-10', '2020-004', 94),
  progress('2020-08-20', '2020-004', 96),
  edit('2020-08-31', 'done', '2020-004', '--on', '2020-08-31', '--force'),
  ...['2020-08-31:88', '2020-09-30:90', '2020-10-31:93', '2020-11-30:96', '2020-12-20:98'].map((s) => progress(s.slice(0, 10), '2020-005', Number(s.slice(11)))),
  edit('2020-12-31', 'done', '2020-005', '--on', '2020-12-31', '--force'),
  check('2021-01-01', 'dec3', 'xun', '--period', '2020-12-3'),
  check('2021-01-01', 'year', 'year', '--period', '2020'),
];

const ids = (list: Array<{ id: string }>) => list.map((x) => x.id);

describe('a plan stepped through 2020', () => {
  it('gives the period reports worked out by hand, and the same reports at the end of the year', async () => {
    const dir = copyFixture('rhythm');
    const taken = new Map<string, { argv: string[]; at: string; json: any }>();
    for (const step of YEAR) {
      const r = await run(['--as-of', step.at, ...step.argv], { cwd: dir });
      expect(r.code, `${step.at} ${step.argv.join(' ')}\n${r.stderr}`).toBe(0);
      if ('check' in step) taken.set(step.check, { argv: step.argv, at: step.at, json: JSON.parse(r.stdout) });
    }
    const report = (name: string) => taken.get(name)!.json;

    // 28 February: 2月下旬 is not over, so nothing is missing yet; 2020-005 has reported
    const feb28 = report('feb28');
    expect(feb28).toMatchObject({ as_of: '2020-02-28', complete: false, period: { kind: 'xun', key: '2020-02-3', start: '2020-02-21', end: '2020-02-29', label: '2020年2月下旬' } });
    expect(feb28.feedback).toMatchObject({ due: 1, missing: [], late: [] });

    // 2月下旬 ends on the 29th (2020 is a leap year); 2020-002 has not reported by then
    const feb3 = report('feb3');
    expect(feb3).toMatchObject({ as_of: '2020-02-29', complete: true, previous: { key: '2020-02-2', as_of: '2020-02-20' } });
    expect(feb3.feedback.missing).toEqual([
      {
        id: '2020-002', unit: '区发改委', tier: 'lead', period: '2020-02-3', due: '2020-02-29',
        // what the task last said: its report of 11 February, the last before the period's end
        latest_feedback: { date: '2020-02-11', note: '2020-02-11进展情况', percent: 30, by: '区发改委', problems: null, next_steps: null },
      },
    ]);
    expect(feb3.feedback.late).toEqual([]);
    expect(feb3.feedback.by_unit).toEqual([
      { unit: '区发改委', due: 2, on_time: 1, late: 0, missing: 1, on_time_rate: 50 },
      { unit: '区住建局', due: 1, on_time: 1, late: 0, missing: 0, on_time_rate: 100 },
    ]);
    expect(feb3.newly_red).toEqual([]);
    expect(feb3.headline.on_time_rate).toEqual({ value: 66.7, previous: 66.7, change: 0 });
    expect(feb3.headline.yellow.value).toBe(1);

    // 3月上旬: 2020-002 done late on the 5th; its late report for 2月下旬 came on the 2nd; 2020-004 silent
    const mar1 = report('mar1');
    expect(mar1.done_in_period).toMatchObject([{ id: '2020-002', done_on: '2020-03-05', late: true, light: 'done_late' }]);
    expect([mar1.newly_red, mar1.no_longer_red, mar1.still_red]).toEqual([[], [], []]);
    expect(mar1.feedback.missing).toMatchObject([{ id: '2020-004', unit: '区财政局', period: '2020-03-1', due: '2020-03-10' }]);
    expect(mar1.feedback.late_arrivals).toMatchObject([{ id: '2020-002', unit: '区发改委', period: '2020-02-3', due: '2020-02-29', reported_on: '2020-03-02' }]);
    expect(mar1.due_next.items).toEqual([]);

    // the first quarter
    const q1 = report('q1');
    expect(q1.categories.counts).toEqual({ ahead: 2, on_track: 1, behind: 1, done_early: 0, done: 1, other: 0 });
    expect(q1.categories.behind).toMatchObject([{ id: '2020-004', percent: 25, elapsed_percent: 50 }]);
    expect(q1.targets).toEqual([
      { point: '', items: [
        { id: '2020-001', name: '改造老旧小区', unit: '个', direction: 'min', target: 27, actual: 5, percent_of_target: 18.5, elapsed_percent: 35, met: false, on_pace: false },
        { id: '2020-005', name: '调查失业率', unit: '%', direction: 'max', target: 5, actual: 5.4, percent_of_target: 108, elapsed_percent: 15, met: false, on_pace: null },
      ] },
    ]);
    expect(q1.silent).toEqual([]);
    expect(q1.red_in_period).toMatchObject([{ unit: '区发改委', tasks: [{ id: '2020-002', red_now: false }] }]);
    expect(q1.feedback.missing.map((j: any) => [j.id, j.period])).toEqual([['2020-005', '2020-02-2'], ['2020-004', '2020-03-1']]);
    expect(q1.feedback.late.map((j: any) => [j.id, j.period, j.reported_on])).toEqual([['2020-002', '2020-02-3', '2020-03-02']]);
    expect(q1.feedback.by_unit).toEqual([
      { unit: '区发改委', due: 7, on_time: 5, late: 1, missing: 1, on_time_rate: 71.4 },
      { unit: '区财政局', due: 3, on_time: 2, late: 0, missing: 1, on_time_rate: 66.7 },
      { unit: '区住建局', due: 5, on_time: 5, late: 0, missing: 0, on_time_rate: 100 },
      { unit: '区城管局', due: 3, on_time: 3, late: 0, missing: 0, on_time_rate: 100 },
    ]);
    expect(q1.headline.on_time_rate.value).toBe(83.3);

    // the 10th and the 11th: 2020-004 falls red in 5月上旬 and is extended on the 11th, in 5月中旬
    const may1 = report('may1');
    expect(ids(may1.newly_red)).toEqual(['2020-004']);
    expect(may1.newly_red[0]).toMatchObject({ deadline: '2020-04-30', days_overdue: 10 });
    expect(may1.extensions).toEqual([]);
    const may2 = report('may2');
    expect(may2.no_longer_red).toMatchObject([
      { id: '2020-004', why: 'extended', days_overdue_before: 10, extension: { date: '2020-05-11', from: '2020-04-30', to: '2020-08-31', reason: '区政府常务会议同意延期' } },
    ]);
    expect(may2.extensions).toMatchObject([{ id: '2020-004', date: '2020-05-11', from: '2020-04-30', to: '2020-08-31', kind: 'extension' }]);
    expect(may2.newly_red).toEqual([]);

    // the second quarter: the milestone red for four days and the extended task both count as red in it
    const q2 = report('q2');
    expect(q2.targets[0].items.map((t: any) => [t.id, t.actual, t.percent_of_target, t.elapsed_percent, t.met])).toEqual([
      ['2020-001', 20, 74.1, 100, false],
      ['2020-005', 4.8, 96, 43, true],
    ]);
    expect(q2.red_in_period.map((g: any) => [g.unit, ids(g.tasks)])).toEqual([['区财政局', ['2020-004']], ['区住建局', ['2020-001']]]);
    expect(q2.feedback.late.map((j: any) => [j.id, j.period, j.due, j.reported_on])).toEqual([['2020-004', '2020-06-2', '2020-06-20', '2020-06-22']]);
    expect(q2.feedback.missing).toEqual([]);
    expect(q2.categories.counts).toEqual({ ahead: 3, on_track: 1, behind: 0, done_early: 0, done: 1, other: 0 });

    // 7月上旬: 2020-001 done eight days late; red for a week, but not at the end of the 旬
    const jul1 = report('jul1');
    expect(jul1.done_in_period).toMatchObject([{ id: '2020-001', done_on: '2020-07-08', late: true }]);
    expect(jul1.newly_red).toEqual([]);
    expect(jul1.feedback).toMatchObject({ due: 3, missing: [], late: [] });

    // 7月中旬: the milestone added on the 20th makes 2020-005 red from that day; the suspended task owes nothing
    const jul2 = report('jul2');
    expect(jul2.newly_red).toMatchObject([{ id: '2020-005', days_overdue: 20 }]);
    expect(jul2.feedback.by_unit.map((u: any) => u.unit)).toEqual(['区发改委', '区财政局']);
    expect(jul2.categories.counts.other).toBe(1);

    // 31 December: the last task done on its deadline, which is neither late nor early
    const dec3 = report('dec3');
    expect(dec3.as_of).toBe('2020-12-31');
    expect(dec3.done_in_period).toMatchObject([{ id: '2020-005', done_on: '2020-12-31', late: false, light: 'done' }]);
    expect(dec3.no_longer_red).toMatchObject([{ id: '2020-005', why: 'done' }]);
    expect(dec3.categories.counts).toEqual({ ahead: 0, on_track: 0, behind: 0, done_early: 0, done: 4, other: 1 });
    expect(dec3.feedback.due).toBe(0);

    const year = report('year');
    expect(year.done_in_period.map((t: any) => [t.id, t.done_on])).toEqual([
      ['2020-002', '2020-03-05'],
      ['2020-001', '2020-07-08'],
      ['2020-004', '2020-08-31'],
      ['2020-005', '2020-12-31'],
    ]);
    expect(year.feedback.by_unit).toEqual([
      { unit: '区发改委', due: 33, on_time: 22, late: 1, missing: 10, on_time_rate: 66.7 },
      { unit: '区财政局', due: 17, on_time: 15, late: 1, missing: 1, on_time_rate: 88.2 },
      { unit: '区住建局', due: 14, on_time: 14, late: 0, missing: 0, on_time_rate: 100 },
      { unit: '区城管局', due: 13, on_time: 13, late: 0, missing: 0, on_time_rate: 100 },
    ]);

    // taken again at the end of the year, every report is what it was on its day
    for (const [name, { argv }] of taken) {
      const again = await run(['--as-of', '2021-01-01', ...argv.map((a) => a)], { cwd: dir });
      const original = taken.get(name)!;
      if (argv.includes('--period')) expect(JSON.parse(again.stdout), name).toEqual(original.json);
    }
  }, 120_000);
});
