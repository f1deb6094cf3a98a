// Progress categories, scores, headline figures and the config's contradictions, as pure rules.
import { describe, expect, it } from 'vitest';
import { categoryOf, categoryRules } from '../../src/core/categories.js';
import { configChecks } from '../../src/core/config-checks.js';
import { withDefaults } from '../../src/core/config.js';
import { lightOf } from '../../src/core/light.js';
import { scoreUnits } from '../../src/core/scoring.js';
import type { LoadedTask, Task } from '../../src/core/task.js';
import { headlineAt } from '../../src/reports/headline.js';

const settings = { warningDays: 10, tolerance: 10 };
const task = (extra: Partial<Task>): Task => ({ id: 'T', title: 't', lead: '区长', units: ['区发改委'], deadline: '2020-12-31', status: 'in_progress', ...extra });
const at = (t: Task, date: string, config = withDefaults({})) => categoryOf(lightOf(t, date, settings), date, categoryRules(config)).category;

describe('progress categories', () => {
  it('holds the reported percent against the share of time elapsed, with the light’s tolerance', () => {
    // on 2020-07-01 half of 2020 has passed (183 of 365 days → 50%)
    const reported = (percent: number) => task({ progress: [{ date: '2020-06-30', note: 'x', percent }] });
    expect(at(reported(39), '2020-07-01')).toBe('behind');
    expect(at(reported(40), '2020-07-01')).toBe('on_track');
    expect(at(reported(60), '2020-07-01')).toBe('on_track');
    expect(at(reported(61), '2020-07-01')).toBe('ahead');
    expect(at(task({ status: 'not_started' }), '2020-07-01')).toBe('behind');
    expect(at(task({ progress: [{ date: '2020-06-30', note: '无百分比' }] }), '2020-07-01')).toBe('other');
    expect(at(task({ status: 'suspended' }), '2020-07-01')).toBe('other');
  });

  it('tells a task done early from one done on or after its deadline, with early_days', () => {
    expect(at(task({ status: 'done', done_on: '2020-12-30' }), '2020-12-31')).toBe('done_early');
    expect(at(task({ status: 'done', done_on: '2020-12-31' }), '2020-12-31')).toBe('done');
    const month = withDefaults({ progress_categories: { early_days: 30 } });
    expect(at(task({ status: 'done', done_on: '2020-12-01' }), '2020-12-31', month)).toBe('done');
    expect(at(task({ status: 'done', done_on: '2020-11-30' }), '2020-12-31', month)).toBe('done_early');
  });

  it('expresses 宣城’s rule: below 25% at the end of the first quarter is behind', () => {
    const xuancheng = withDefaults({ progress_categories: { floors: { Q1: 25 } } });
    const reported = (percent: number) => task({ progress: [{ date: '2020-03-20', note: 'x', percent }] });
    expect(at(reported(24), '2020-03-31', xuancheng)).toBe('behind');
    expect(at(reported(25), '2020-03-31', xuancheng)).toBe('on_track');
    // before the quarter ends the floor does not apply yet
    expect(at(reported(15), '2020-03-30', xuancheng)).toBe('on_track');
  });
});

describe('scores', () => {
  it('starts from the base, deducts item by item and caps the bonus', () => {
    const rules = withDefaults({ scoring: { base: 100, missing_feedback: 2, red_task: 3, done_on_time: 2, max_bonus: 3 } }).scoring;
    const [a, b] = scoreUnits(
      {
        units: ['区发改委', '区财政局'],
        missing: [{ unit: '区发改委', taskId: 'T1', period: '2020-09-3', due: '2020-09-30' }],
        late: [{ unit: '区发改委', taskId: 'T2', period: '2020-09-2', due: '2020-09-20' }],
        red: [{ unit: '区发改委', taskId: 'T3', days: 12 }],
        sentBack: [{ unit: '区财政局', taskId: 'T4', date: '2020-09-25' }],
        doneOnTime: [1, 2, 3].map((n) => ({ unit: '区财政局', taskId: `D${n}`, date: '2020-09-28' })),
      },
      rules,
    );
    expect(a).toMatchObject({ unit: '区发改委', score: 94, bonus: 0 });
    expect(a!.deductions.map((d) => [d.kind, d.taskId, d.points])).toEqual([['missing_feedback', 'T1', -2], ['late_feedback', 'T2', -1], ['red_task', 'T3', -3]]);
    expect(b).toMatchObject({ unit: '区财政局', score: 101, bonus: 3 });
    expect(b!.bonuses).toHaveLength(3);
  });
});

describe('headline figures', () => {
  it('counts the plan on a date, with feedback judged at the end of that day', () => {
    const tasks: LoadedTask[] = [
      { file: 'tasks/A.yaml', task: task({ id: 'A', progress: [{ date: '2020-09-30', note: 'x', percent: 80 }], targets: [{ name: 'n', target: 2, actuals: [{ date: '2020-09-01', value: 2 }] }] }) },
      { file: 'tasks/B.yaml', task: task({ id: 'B', deadline: '2020-09-15', completion_requests: [{ date: '2020-09-28', done_on: '2020-09-27' }] }) },
      { file: 'tasks/C.yaml', task: task({ id: 'C', status: 'done', done_on: '2020-09-10' }) },
    ];
    const h = headlineAt(tasks, '2020-09-30', { ...settings, feedback: { cycle: 'xun' } }, '2020-09-21');
    expect(h).toMatchObject({ total: 3, done: 1, inProgress: 2, red: 1, completionRate: 33.3, targetsMet: 1, targetsTotal: 1, feedbackDue: 2, feedbackOnTime: 1, feedbackMissing: 1, onTimeRate: 50, awaitingReview: 1 });
  });
});

describe('contradictory rules', () => {
  const found = (raw: Parameters<typeof withDefaults>[0]) => configChecks(withDefaults(raw)).map((f) => [f.path.join('.'), f.code]);
  it.each<[string, Parameters<typeof withDefaults>[0], string[][]]>([
    ['a due day for a 旬 cycle', { feedback: { cycle: 'xun', due_day: 8 } }, [['feedback.due_day', 'rule_day_for_xun']]],
    ['co-units after the lead unit', { feedback: { cycle: 'half', due_day: 25, co_units_due_day: 25 } }, [['feedback.co_units_due_day', 'rule_co_not_earlier']]],
    ['co-units due on the 30th of a month cycle ending in February', { feedback: { cycle: 'month', co_units_due_day: 29 } }, [['feedback.co_units_due_day', 'rule_co_not_earlier']]],
    ['both ways of giving the co-units’ day', { feedback: { cycle: 'month', co_units_due_day: 20, co_units_days_before: 3 } }, [['feedback.co_units_days_before', 'rule_co_twice']]],
    ['co-units before the 旬 starts', { feedback: { cycle: 'xun', co_units_days_before: 10 } }, [['feedback.co_units_days_before', 'rule_co_before_period']]],
    ['falling floors', { progress_categories: { floors: { Q1: 30, Q3: 20 } } }, [['progress_categories.floors.Q3', 'rule_floors_fall']]],
    ['广丰’s two tiers', { feedback: { cycle: 'half', due_day: 25, co_units_due_day: 15 } }, []],
    ['monthly by the 28th', { feedback: { cycle: 'month', due_day: 28 } }, []],
  ])('%s', (_name, raw, expected) => {
    expect(found(raw)).toEqual(expected);
  });
});
