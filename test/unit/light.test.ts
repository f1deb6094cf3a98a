import { describe, expect, it } from 'vitest';
import { elapsedShare, lightOf } from '../../src/core/light.js';
import type { Task } from '../../src/core/task.js';

const settings = { warningDays: 10, tolerance: 10 };
const base: Task = { id: 'T', title: 't', lead: '区长', units: ['区发改委'], deadline: '2020-12-31', status: 'in_progress' };
const task = (extra: Partial<Task>): Task => ({ ...base, ...extra });

describe('lightOf', () => {
  it('keeps a deadline inclusive: due 06-30 is on time that day and overdue from 07-01', () => {
    const t = task({ deadline: '2020-06-30', progress: [{ date: '2020-06-01', note: 'x', percent: 95 }] });
    expect(lightOf(t, '2020-06-30', settings)).toMatchObject({ light: 'yellow', daysOverdue: 0 });
    expect(lightOf(t, '2020-07-01', settings)).toMatchObject({ light: 'red', daysOverdue: 1 });
  });

  it('handles a leap-day deadline', () => {
    const t = task({ deadline: '2020-02-29' });
    expect(lightOf(t, '2020-02-29', settings).light).toBe('yellow');
    expect(lightOf(t, '2020-03-01', settings)).toMatchObject({ light: 'red', daysOverdue: 1 });
    expect(lightOf(t, '2020-09-30', settings).daysOverdue).toBe(214);
  });

  it('is red for an overdue milestone even before the deadline, and says why', () => {
    const t = task({ milestones: [{ title: '完成招标', due: '2020-06-30' }, { title: '完成设计', due: '2020-03-31', done_on: '2020-03-20' }] });
    const r = lightOf(t, '2020-09-30', settings);
    expect(r).toMatchObject({ light: 'red', milestoneOnly: true, daysOverdue: 92, deadlineDaysOverdue: 0 });
    expect(r.reasons[0]).toEqual({ kind: 'milestone_overdue', title: '完成招标', due: '2020-06-30', days: 92 });
  });

  it('counts a milestone finished after the date as still open then', () => {
    const t = task({ milestones: [{ title: '完成招标', due: '2020-06-30', done_on: '2020-10-10' }] });
    expect(lightOf(t, '2020-09-30', settings).light).toBe('red');
    expect(lightOf(t, '2020-10-10', settings).light).toBe('green');
  });

  it('measures the schedule of an extended task from its start to the deadline in force, not from 1 January of the new year', () => {
    const t = task({
      deadline: '2021-03-31',
      extensions: [{ date: '2020-12-20', from: '2020-12-31', to: '2021-03-31', reason: '区长办公会同意延期' }],
      progress: [{ date: '2021-01-10', note: 'x', percent: 80 }],
    });
    const r = lightOf(t, '2021-01-15', settings);
    // 380 of the 455 days from 2020-01-01 to 2021-03-31
    expect(r.elapsed).toBe(84);
    expect(r.light).toBe('green');
    // 198 of the 273 days from 2020-07-01
    expect(lightOf({ ...t, start: '2020-07-01' }, '2021-01-15', settings).elapsed).toBe(73);
  });

  it('is yellow when behind the time-proportional schedule by more than the tolerance', () => {
    const t = task({ progress: [{ date: '2020-09-20', note: 'x', percent: 40 }] });
    const r = lightOf(t, '2020-09-30', settings);
    expect(r.light).toBe('yellow');
    expect(r.reasons).toEqual([{ kind: 'behind', percent: 40, elapsed: 75, reported: true }]);
    expect(lightOf(task({ progress: [{ date: '2020-09-20', note: 'x', percent: 65 }] }), '2020-09-30', settings).light).toBe('green');
    expect(lightOf(task({ progress: [{ date: '2020-09-20', note: 'x', percent: 64 }] }), '2020-09-30', settings).light).toBe('yellow');
  });

  it('judges a task never started as 0% done', () => {
    expect(lightOf(task({ status: 'not_started' }), '2020-09-30', settings).reasons).toEqual([{ kind: 'behind', percent: 0, elapsed: 75, reported: false }]);
    expect(lightOf(task({ status: 'not_started' }), '2020-01-20', settings).light).toBe('green');
  });

  it('does not judge a task in progress that never reported a percent', () => {
    expect(lightOf(task({ progress: [{ date: '2020-09-20', note: 'x' }] }), '2020-09-30', settings).light).toBe('green');
  });

  it('ignores progress and completion dated after the date', () => {
    const t = task({
      status: 'done',
      done_on: '2020-10-15',
      progress: [{ date: '2020-06-20', note: '一半', percent: 50 }, { date: '2020-10-10', note: '完成', percent: 100 }],
    });
    const past = lightOf(t, '2020-09-30', settings);
    expect(past).toMatchObject({ light: 'yellow', status: 'in_progress', percent: 50, doneOn: undefined });
    expect(past.latest?.note).toBe('一半');
    expect(lightOf(t, '2020-10-15', settings)).toMatchObject({ light: 'done', doneOn: '2020-10-15' });
  });

  it('tells done late from done on time', () => {
    expect(lightOf(task({ deadline: '2020-06-30', status: 'done', done_on: '2020-07-15' }), '2020-09-30', settings).reasons).toEqual([
      { kind: 'done_late', doneOn: '2020-07-15', deadline: '2020-06-30', days: 15 },
    ]);
    expect(lightOf(task({ deadline: '2020-06-30', status: 'done', done_on: '2020-06-30' }), '2020-09-30', settings).light).toBe('done');
  });

  it('gives suspended and cancelled their own states', () => {
    expect(lightOf(task({ status: 'suspended', deadline: '2020-01-31' }), '2020-09-30', settings).light).toBe('suspended');
    expect(lightOf(task({ status: 'cancelled', deadline: '2020-01-31' }), '2020-09-30', settings).light).toBe('cancelled');
  });

  it('warns within the window, counting the deadline day itself', () => {
    expect(lightOf(task({ deadline: '2020-10-10' }), '2020-09-30', settings).light).toBe('yellow');
    expect(lightOf(task({ deadline: '2020-10-11' }), '2020-09-30', settings).light).toBe('green');
    expect(lightOf(task({ deadline: '2020-10-11' }), '2020-09-30', { ...settings, warningDays: 11 }).light).toBe('yellow');
  });

  it('measures lateness against the approved and the original deadline', () => {
    const t = task({ deadline: '2020-10-31', extensions: [{ date: '2020-06-25', from: '2020-06-30', to: '2020-10-31', reason: '同意延期' }] });
    expect(lightOf(t, '2020-11-02', settings)).toMatchObject({ light: 'red', deadlineDaysOverdue: 2, originalDaysOverdue: 125 });
  });

  it('computes the elapsed share from start to deadline', () => {
    expect(elapsedShare('2020-01-01', '2020-12-31', '2020-09-30')).toBe(75);
    expect(elapsedShare('2020-01-01', '2020-12-31', '2019-12-01')).toBe(0);
    expect(elapsedShare('2020-01-01', '2020-12-31', '2021-03-01')).toBe(100);
    expect(elapsedShare('2020-05-01', '2020-05-01', '2020-05-01')).toBe(100);
  });
});

