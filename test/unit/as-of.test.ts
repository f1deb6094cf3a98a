// A task as it stood on a date: the records of that date, never edits made later.
import { describe, expect, it } from 'vitest';
import { actualOn, deadlineOn, milestonesOn, statusOn } from '../../src/core/as-of.js';
import { lightOf } from '../../src/core/light.js';
import { targetMet } from '../../src/core/targets.js';
import type { Task } from '../../src/core/task.js';

const settings = { warningDays: 10, tolerance: 10 };
const base: Task = { id: 'T', title: 't', lead: '区长', units: ['区发改委'], deadline: '2020-12-31', status: 'in_progress' };
const task = (extra: Partial<Task>): Task => ({ ...base, ...extra });

describe('deadlineOn', () => {
  const extended = task({
    deadline: '2021-03-31',
    extensions: [
      { date: '2020-10-15', from: '2020-06-30', to: '2020-12-31', reason: '区长办公会同意' },
      { date: '2020-12-20', from: '2020-12-31', to: '2021-03-31', reason: '再次延期' },
    ],
  });

  it.each([
    ['2020-07-31', '2020-06-30'],
    ['2020-10-14', '2020-06-30'],
    ['2020-10-15', '2020-12-31'],
    ['2020-12-19', '2020-12-31'],
    ['2020-12-20', '2021-03-31'],
  ])('on %s the deadline in force is %s', (date, expected) => {
    expect(deadlineOn(extended, date)).toBe(expected);
  });

  it('applies an earlier deadline (advance) from its date', () => {
    const t = task({ deadline: '2020-09-30', extensions: [{ date: '2020-05-01', from: '2020-12-31', to: '2020-09-30', reason: '提前', kind: 'advance' }] });
    expect(deadlineOn(t, '2020-04-30')).toBe('2020-12-31');
    expect(deadlineOn(t, '2020-05-01')).toBe('2020-09-30');
  });

  it('keeps the deadline of the file once every change is in the past', () => {
    expect(deadlineOn(task({ deadline: '2020-11-30' }), '2020-01-01')).toBe('2020-11-30');
  });

  it('keeps a task extended later red on the days it was overdue', () => {
    const t = task({ deadline: '2020-12-31', extensions: [{ date: '2020-10-15', from: '2020-06-30', to: '2020-12-31', reason: 'x' }] });
    expect(lightOf(t, '2020-07-31', settings)).toMatchObject({ light: 'red', daysOverdue: 31, deadline: '2020-06-30' });
    expect(lightOf(t, '2020-10-14', settings)).toMatchObject({ light: 'red', daysOverdue: 106 });
    expect(lightOf(t, '2020-10-15', settings)).toMatchObject({ deadline: '2020-12-31', daysOverdue: 0, originalDaysOverdue: 107 });
  });
});

describe('statusOn', () => {
  it('sees a suspension only from its date', () => {
    const t = task({ status: 'suspended', status_changes: [{ date: '2020-08-01', from: 'in_progress', to: 'suspended', reason: '规划调整' }] });
    expect(statusOn(t, '2020-07-31')).toEqual({ status: 'in_progress', doneOn: undefined });
    expect(statusOn(t, '2020-08-01')).toEqual({ status: 'suspended', doneOn: undefined });
    expect(lightOf(t, '2020-07-31', settings).light).not.toBe('suspended');
    expect(lightOf(t, '2020-08-01', settings).light).toBe('suspended');
  });

  it('follows a suspension and a resumption in order', () => {
    const t = task({
      status: 'in_progress',
      status_changes: [
        { date: '2020-04-01', from: 'in_progress', to: 'suspended', reason: '疫情' },
        { date: '2020-06-01', from: 'suspended', to: 'in_progress' },
      ],
    });
    expect(statusOn(t, '2020-03-31').status).toBe('in_progress');
    expect(statusOn(t, '2020-05-15').status).toBe('suspended');
    expect(statusOn(t, '2020-06-01').status).toBe('in_progress');
  });

  it('keeps a task reopened later done on the days between, with its completion date', () => {
    const t = task({ status: 'in_progress', status_changes: [{ date: '2020-10-01', from: 'done', to: 'in_progress', reason: '退回', done_on: '2020-09-15' }] });
    expect(statusOn(t, '2020-09-14')).toEqual({ status: 'in_progress', doneOn: undefined });
    expect(statusOn(t, '2020-09-20')).toEqual({ status: 'done', doneOn: '2020-09-15' });
    expect(statusOn(t, '2020-10-01')).toEqual({ status: 'in_progress', doneOn: undefined });
    expect(lightOf(t, '2020-09-20', settings)).toMatchObject({ light: 'done', doneOn: '2020-09-15' });
  });

  it('sees a task reopened and done again done from its new date', () => {
    const t = task({ status: 'done', done_on: '2020-10-20', status_changes: [{ date: '2020-10-01', from: 'done', to: 'in_progress', done_on: '2020-09-15' }] });
    expect(statusOn(t, '2020-09-30')).toEqual({ status: 'done', doneOn: '2020-09-15' });
    expect(statusOn(t, '2020-10-10')).toEqual({ status: 'in_progress', doneOn: undefined });
    expect(statusOn(t, '2020-10-20')).toEqual({ status: 'done', doneOn: '2020-10-20' });
  });

  it('keeps the status of a file without changes on every date, open before its completion', () => {
    expect(statusOn(task({ status: 'cancelled' }), '2020-01-01').status).toBe('cancelled');
    expect(statusOn(task({ status: 'done', done_on: '2020-05-05' }), '2020-05-04').status).toBe('in_progress');
    expect(statusOn(task({ status: 'done', done_on: '2020-05-05' }), '2020-05-05')).toEqual({ status: 'done', doneOn: '2020-05-05' });
  });
});

describe('milestonesOn and actualOn', () => {
  it('does not count a milestone before the day it was added', () => {
    const t = task({ milestones: [{ title: '完成设计', due: '2020-05-31' }, { title: '开工', due: '2020-06-30', added: '2020-07-15' }] });
    expect(milestonesOn(t, '2020-07-14').map((ms) => ms.title)).toEqual(['完成设计']);
    expect(lightOf(t, '2020-07-14', settings).overdueMilestones.map((ms) => ms.title)).toEqual(['完成设计']);
    expect(lightOf(t, '2020-07-15', settings).overdueMilestones.map((ms) => ms.title)).toEqual(['完成设计', '开工']);
  });

  it('reads a target as reported by the date, falling back to the undated value', () => {
    const target = { name: '新增高企', target: 2, actual: 0, actuals: [{ date: '2020-06-30', value: 1 }, { date: '2020-11-30', value: 3 }] };
    expect(actualOn(target, '2020-06-29')).toBe(0);
    expect(actualOn(target, '2020-06-30')).toBe(1);
    expect(actualOn(target, '2020-12-31')).toBe(3);
    expect(targetMet(target, '2020-09-30')).toBe(false);
    expect(targetMet(target, '2020-12-31')).toBe(true);
    expect(targetMet({ name: '失业率', target: 5, direction: 'max', actuals: [{ date: '2020-09-30', value: 5.2 }] }, '2020-09-30')).toBe(false);
    expect(targetMet({ name: '失业率', target: 5, direction: 'max' }, '2020-09-30')).toBeUndefined();
  });
});
