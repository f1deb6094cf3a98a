// Feedback rules from the settings: who owes what for which period, by when, and the verdict.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FeedbackConfig } from '../../src/core/config.js';
import { addDays } from '../../src/core/dates.js';
import { dueDate, judge, judgeAll, judgePeriod, obligations, owedBy, periodsDueIn, staleFeedback } from '../../src/core/feedback.js';
import { nextPeriod, periodOf, previousPeriod } from '../../src/core/periods.js';
import { runs, seed } from '../fuzz.js';
import { startOf, type Task } from '../../src/core/task.js';

const xun: FeedbackConfig = { cycle: 'xun' };
const monthly28: FeedbackConfig = { cycle: 'month', due_day: 28 };
const guangfeng: FeedbackConfig = { cycle: 'half', due_day: 25, co_units_due_day: 15 };
const task = (extra: Partial<Task> = {}): Task => ({
  id: 'T', title: 't', lead: '区长', units: ['区发改委', '区财政局'], deadline: '2020-12-31', status: 'in_progress', ...extra,
});

describe('dueDate', () => {
  it.each<[string, FeedbackConfig, string, 'lead' | 'co', string | undefined]>([
    ['旬 by its last day', xun, '2020-09-25', 'lead', '2020-09-30'],
    ['上旬 by the 10th', xun, '2020-09-05', 'lead', '2020-09-10'],
    ['February 2020 下旬 by the 29th', xun, '2020-02-25', 'lead', '2020-02-29'],
    ['monthly by the 28th', monthly28, '2020-02-03', 'lead', '2020-02-28'],
    ['monthly by the 31st, clamped to a short month', { cycle: 'month', due_day: 31 }, '2020-04-03', 'lead', '2020-04-30'],
    ['half-yearly by 6/25', guangfeng, '2020-03-01', 'lead', '2020-06-25'],
    ['half-yearly by 12/25', guangfeng, '2020-08-01', 'lead', '2020-12-25'],
    ['co-units by 6/15', guangfeng, '2020-03-01', 'co', '2020-06-15'],
    ['co-units three days before the 旬 end', { cycle: 'xun', co_units_days_before: 3 }, '2020-09-12', 'co', '2020-09-17'],
    ['no co-unit tier', xun, '2020-09-12', 'co', undefined],
  ])('%s', (_name, rules, date, tier, expected) => {
    expect(dueDate(rules, periodOf(rules.cycle, date), tier)).toBe(expected);
  });
});

describe('obligations and verdicts', () => {
  const sept3 = periodOf('xun', '2020-09-21');

  it('owes nothing for a period before the task starts: its start, else the first day of its first deadline\'s year', () => {
    const owes = (extra: Partial<Task>, date: string) => obligations(task(extra), periodOf('xun', date), xun).length > 0;
    expect(owes({ deadline: '2021-03-31' }, '2020-12-21')).toBe(false);
    expect(owes({ deadline: '2021-03-31' }, '2021-01-01')).toBe(true);
    expect(owes({ deadline: '2019-12-31' }, '2020-09-21')).toBe(true);
    // an extended task starts in the year of the deadline first set
    expect(owes({ deadline: '2021-03-31', extensions: [{ date: '2020-12-01', from: '2020-12-31', to: '2021-03-31', reason: '项目调整' }] }, '2020-12-21')).toBe(true);
    expect(owes({ start: '2020-12-15', deadline: '2021-03-31' }, '2020-12-11')).toBe(false);
    expect(owes({ start: '2020-12-11', deadline: '2021-03-31' }, '2020-12-11')).toBe(true);
    // a deadline that is no date is judged as startOf() judges it, not by its first four characters
    const odd = task({ deadline: '2021/03/31' });
    expect(owes({ deadline: '2021/03/31' }, '2020-12-21')).toBe(!(startOf(odd) > '2020-12-21'));
  });

  it('takes the first answer on time even when a late one for the same period came before it in the list', () => {
    const [lead] = obligations(
      task({ progress: [{ date: '2020-10-03', note: '补报', period: '2020-09-3' }, { date: '2020-09-29', note: '按期' }] }),
      sept3,
      xun,
    );
    const judged = judge(lead!, '2020-10-05');
    expect(judged.verdict).toBe('on_time');
    expect(judged.entry?.note).toBe('按期');
  });

  it('owes one report from the lead unit per 旬, and none while done, suspended or cancelled', () => {
    expect(obligations(task(), sept3, xun).map((o) => [o.unit, o.tier, o.due])).toEqual([['区发改委', 'lead', '2020-09-30']]);
    expect(obligations(task({ status: 'done', done_on: '2020-09-25' }), sept3, xun)).toEqual([]);
    expect(obligations(task({ status: 'done', done_on: '2020-10-05' }), sept3, xun)).toHaveLength(1);
    expect(obligations(task({ status: 'suspended' }), sept3, xun)).toEqual([]);
    expect(obligations(task({ start: '2020-09-22' }), sept3, xun)).toEqual([]);
    expect(obligations(task(), sept3, { cycle: 'xun', start: '2020-10-01' })).toEqual([]);
  });

  it('owes a report from each co-unit with the co-unit tier', () => {
    expect(obligations(task(), periodOf('half', '2020-06-01'), guangfeng).map((o) => [o.unit, o.tier, o.due])).toEqual([
      ['区发改委', 'lead', '2020-06-25'],
      ['区财政局', 'co', '2020-06-15'],
    ]);
  });

  it('judges on time, late, missing and not yet due from the dates and who reported', () => {
    const [lead] = obligations(task({ progress: [{ date: '2020-09-30', note: 'x', by: '区发改委' }] }), sept3, xun);
    expect(judge(lead!, '2020-09-30').verdict).toBe('on_time');
    expect(judge(lead!, '2020-09-29').verdict).toBe('not_due');
    const [none] = obligations(task(), sept3, xun);
    expect(judge(none!, '2020-09-30').verdict).toBe('not_due');
    expect(judge(none!, '2020-10-01').verdict).toBe('missing');
    const late = task({ progress: [{ date: '2020-10-03', note: '补报', period: '2020-09-3' }] });
    expect(judge(obligations(late, sept3, xun)[0]!, '2020-10-02').verdict).toBe('missing');
    expect(judge(obligations(late, sept3, xun)[0]!, '2020-10-03')).toMatchObject({ verdict: 'late', entry: { date: '2020-10-03' } });
    // a report dated in the next 旬 without a period answers that 旬, not this one
    expect(judge(obligations(task({ progress: [{ date: '2020-10-03', note: 'x' }] }), sept3, xun)[0]!, '2020-10-10').verdict).toBe('missing');
  });

  it('counts a report by a co-unit for the co-unit only, and one by an unknown name for the lead unit', () => {
    const t = task({ progress: [{ date: '2020-06-10', note: 'x', by: '区财政局' }, { date: '2020-06-26', note: 'y', by: '区发改委' }] });
    const judged = obligations(t, periodOf('half', '2020-06-01'), guangfeng).map((o) => [o.unit, judge(o, '2020-12-31').verdict]);
    expect(judged).toEqual([['区发改委', 'late'], ['区财政局', 'on_time']]);
    const typo = task({ progress: [{ date: '2020-09-25', note: 'x', by: '区发改局' }] });
    expect(judge(obligations(typo, sept3, xun)[0]!, '2020-10-01').verdict).toBe('on_time');
  });

  it('lists the periods due in a window, and what one unit owes', () => {
    expect(periodsDueIn(xun, '2020-09-01', '2020-09-30').map((p) => p.start)).toEqual(['2020-09-01', '2020-09-11', '2020-09-21']);
    expect(periodsDueIn(monthly28, '2020-09-29', '2020-10-27')).toEqual([]);
    expect(periodsDueIn(guangfeng, '2020-01-01', '2020-12-31').map((p) => p.start)).toEqual(['2020-01-01', '2020-07-01']);
    const tasks = [task({ id: 'A' }), task({ id: 'B', units: ['区财政局'] })];
    expect(owedBy(tasks, '区财政局', periodOf('half', '2020-06-01'), guangfeng).map((o) => [o.task.id, o.tier])).toEqual([['A', 'co'], ['B', 'lead']]);
    expect(judgePeriod(tasks, sept3, xun, '2020-10-01').map((j) => j.verdict)).toEqual(['missing', 'missing']);
  });
});

describe('staleFeedback', () => {
  it('marks a task whose lead unit has not reported for the latest period past its due date', () => {
    const t = task({ progress: [{ date: '2020-09-15', note: 'x' }] });
    expect(staleFeedback(t, xun, '2020-09-20')).toMatchObject({ period: { start: '2020-09-01' }, due: '2020-09-10' });
    expect(staleFeedback(t, xun, '2020-09-21')).toBeUndefined();
    expect(staleFeedback(t, xun, '2020-10-01')).toMatchObject({ period: { start: '2020-09-21' }, due: '2020-09-30' });
    expect(staleFeedback(t, monthly28, '2020-09-28')).toMatchObject({ period: { start: '2020-08-01' }, due: '2020-08-28' });
    expect(staleFeedback(t, monthly28, '2020-09-29')).toBeUndefined();
    expect(staleFeedback({ ...t, status: 'done', done_on: '2020-09-30' }, xun, '2020-10-01')).toBeUndefined();
  });
});

describe('judging one period on several dates at once', () => {
  const day = fc.integer({ min: -20, max: 380 }).map((n) => addDays('2020-01-01', n));
  const units = ['区发改委', '区财政局', '区住建局'];
  const entry = fc.record({
    date: day,
    note: fc.constant('进展'),
    by: fc.option(fc.constantFrom(...units, '别的单位'), { nil: undefined }),
    period: fc.option(fc.constantFrom('2020-09-2', '2020-09-3', '2020-09', '2020-H1'), { nil: undefined }),
  });
  const randomTask = fc.record({
    deadline: fc.constantFrom('2020-06-30', '2020-12-31', '2021-03-31'),
    start: fc.option(day, { nil: undefined }),
    status: fc.constantFrom('in_progress' as const, 'done' as const, 'suspended' as const),
    done_on: fc.option(day, { nil: undefined }),
    units: fc.shuffledSubarray(units, { minLength: 1 }),
    progress: fc.array(entry, { maxLength: 6 }),
  }).map((t) => {
    const { start, done_on, ...rest } = t;
    return task({ ...rest, ...(start ? { start } : {}), ...(done_on ? { done_on } : {}) });
  });
  const rules = fc.constantFrom<FeedbackConfig>(xun, monthly28, guangfeng, { cycle: 'xun', co_units_days_before: 3 });

  it('gives, for each date, what judgePeriod gives on that date', () => {
    fc.assert(
      fc.property(fc.array(randomTask, { maxLength: 6 }), rules, day, fc.array(day, { minLength: 1, maxLength: 4 }), fc.boolean(), (tasks, r, inPeriod, dates, endOfDay) => {
        const period = periodOf(r.cycle, inPeriod);
        const together = judgeAll(tasks, r, dates.map((asOf) => ({ periods: [period], asOf })), { endOfDay });
        for (const d of dates) expect(together(period, d)).toEqual(judgePeriod(tasks, period, r, d, { endOfDay }));
        const all = judgeAll(tasks, r, [{ periods: [period], asOf: dates[0]! }, { periods: [period, previousPeriod(period)], asOf: dates.at(-1)! }], { endOfDay });
        expect(all(previousPeriod(period), dates.at(-1)!)).toEqual(judgePeriod(tasks, previousPeriod(period), r, dates.at(-1)!, { endOfDay }));
        expect(all(period, dates[0]!)).toEqual(judgePeriod(tasks, period, r, dates[0]!, { endOfDay }));
        // a pair not asked for is judged when read
        expect(all(nextPeriod(period), dates[0]!)).toEqual(judgePeriod(tasks, nextPeriod(period), r, dates[0]!, { endOfDay }));
      }),
      { numRuns: runs(400), seed: seed() },
    );
  });
});
