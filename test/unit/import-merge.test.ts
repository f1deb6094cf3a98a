import { describe, expect, it } from 'vitest';
import type { Task } from '../../src/core/task.js';
import { mergeTask } from '../../src/import/merge.js';

const ctx = { asOf: '2020-10-15', deadlineReason: '据台账 台账.xlsx' };
const task: Task = {
  id: '2020-001', title: '推进老旧小区改造', lead: '区长', units: ['区住建局'], deadline: '2020-12-31', status: 'in_progress',
  targets: [{ name: '改造小区', target: 27, unit: '个', actuals: [{ date: '2020-06-30', value: 10 }, { date: '2020-09-30', value: 20 }] }],
};

describe('a task read again from a sheet', () => {
  it('records a change of status with its date and the source as the reason', () => {
    const out = mergeTask(task, { task: { ...task, status: 'suspended' }, defaults: [] }, ctx);
    expect(out.status).toBe('suspended');
    expect(out.status_changes).toEqual([{ date: '2020-10-15', from: 'in_progress', to: 'suspended', reason: '据台账 台账.xlsx' }]);
  });

  it('never lifts a suspension, a cancellation or a completion', () => {
    for (const held of ['suspended', 'cancelled', 'done'] as const) {
      const existing: Task = { ...task, status: held, ...(held === 'done' ? { done_on: '2020-09-01' } : {}) };
      expect(mergeTask(existing, { task: { ...task, status: 'in_progress' }, defaults: [] }, ctx)).toEqual(existing);
    }
  });

  it('takes a target value already recorded as known, and dates a new one', () => {
    const older = mergeTask(task, { task: { ...task, targets: [{ name: '改造小区', target: 27, unit: '个', actual: 10 }] }, defaults: [] }, ctx);
    expect(older.targets).toEqual(task.targets);
    const newer = mergeTask(task, { task: { ...task, targets: [{ name: '改造小区', target: 27, unit: '个', actual: 25 }] }, defaults: [] }, ctx);
    expect(newer.targets![0]!.actuals!.at(-1)).toEqual({ date: '2020-10-15', value: 25 });
  });
});
