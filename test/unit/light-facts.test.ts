// The light judged from a task's facts is the light lightOf gives, on any task, date and settings.
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays, toDayNumber } from '../../src/core/dates.js';
import { BEHIND, DUE_SOON, dueIn, lightCode, lightFactsLength, lightOfCode, MILESTONE_ONLY, putLightFacts, UNSTARTED } from '../../src/core/light-facts.js';
import { milestonesOn } from '../../src/core/as-of.js';
import { lightOf, LIGHTS, type LightSettings } from '../../src/core/light.js';
import { STATUSES, type Task } from '../../src/core/task.js';
import { load } from 'js-yaml';
import { runs, seed } from '../fuzz.js';

function expected(task: Task, asOf: string, settings: LightSettings): number {
  const r = lightOf(task, asOf, settings);
  return LIGHTS.indexOf(r.light) | (r.milestoneOnly ? MILESTONE_ONLY : 0) | (r.dueSoon ? DUE_SOON : 0) | (r.behind ? BEHIND : 0) | (r.status === 'not_started' ? UNSTARTED : 0);
}

function judged(task: Task, asOf: string, settings: LightSettings): number | undefined {
  const facts: number[] = [];
  if (!putLightFacts(task, facts)) return undefined;
  expect(lightFactsLength(facts, 0)).toBe(facts.length);
  return lightCode(facts, 0, toDayNumber(asOf), settings);
}

// dates around one year, with now and then one that is not a calendar date
const date = fc.oneof(
  { weight: 80, arbitrary: fc.integer({ min: -40, max: 400 }).map((n) => addDays('2020-01-01', n)) },
  { weight: 1, arbitrary: fc.constantFrom('2020-02-30', '2021-02-29', '2020-13-01', '2020-06-31') },
);
const optional = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 2 });
const rarely = <T>(a: fc.Arbitrary<T>) => fc.oneof({ weight: 8, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: a });
const percent = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true }));

const task: fc.Arbitrary<Task> = fc
  .record({
    deadline: date,
    start: optional(date),
    status: fc.constantFrom(...STATUSES),
    done_on: optional(date),
    milestones: optional(fc.array(fc.record({ title: fc.constantFrom('完成招标', '开工'), due: date, done_on: optional(date), added: optional(date) }), { maxLength: 4 })),
    progress: optional(fc.array(fc.record({ date, note: fc.constant('进展'), percent: optional(percent) }), { maxLength: 5 })),
    extensions: rarely(fc.constant([{ date: '2020-06-01', from: '2020-06-30', to: '2020-09-30', reason: '延期' }])),
    status_changes: rarely(fc.constant([{ date: '2020-05-01', from: 'in_progress' as const, to: 'suspended' as const }])),
  })
  .map((fields) => {
    const t: Record<string, unknown> = { id: 'T', title: '任务', lead: '区长', units: ['区发改委'] };
    // keys with no value are left out, as a file leaves them out
    for (const [key, value] of Object.entries(fields)) {
      if (value === undefined) continue;
      t[key] = Array.isArray(value) ? value.map((item) => (typeof item === 'object' ? Object.fromEntries(Object.entries(item).filter(([, v]) => v !== undefined)) : item)) : value;
    }
    return t as unknown as Task;
  });

const settings = fc.record({ warningDays: fc.integer({ min: 0, max: 40 }), tolerance: fc.integer({ min: 0, max: 60 }) });

describe('lightCode', () => {
  it('gives the light and flags lightOf gives, for every task it has facts of', () => {
    let judgedCount = 0;
    fc.assert(
      fc.property(task, fc.integer({ min: -60, max: 420 }).map((n) => addDays('2020-01-01', n)), settings, (t, asOf, s) => {
        const code = judged(t, asOf, s);
        if (code === undefined) return;
        judgedCount++;
        expect(code).toBe(expected(t, asOf, s));
      }),
      { numRuns: runs(3000), seed: seed() },
    );
    // most random tasks are of the common kind, so the property is not empty
    expect(judgedCount).toBeGreaterThan(runs(3000) / 2);
  });

  it('tells from the facts whether the deadline or an open milestone falls in a window, as the task says', () => {
    fc.assert(
      fc.property(task, fc.integer({ min: -60, max: 420 }).map((n) => addDays('2020-01-01', n)), fc.integer({ min: 0, max: 60 }), (t, asOf, within) => {
        const facts: number[] = [];
        if (!putLightFacts(t, facts)) return;
        const until = addDays(asOf, within);
        const inWindow = (date: string) => date >= asOf && date <= until;
        const says = inWindow(t.deadline) || milestonesOn(t, asOf).some((ms) => !(ms.done_on !== undefined && ms.done_on <= asOf) && inWindow(ms.due));
        expect(dueIn(facts, 0, toDayNumber(asOf), toDayNumber(asOf), toDayNumber(until))).toBe(says);
      }),
      { numRuns: runs(3000), seed: seed() },
    );
  });

  it('leaves to lightOf a task with extensions, status changes or a date that is not a calendar date', () => {
    const base: Task = { id: 'T', title: 't', lead: '区长', units: ['区发改委'], deadline: '2020-06-30', status: 'in_progress' };
    expect(putLightFacts(base, [])).toBe(true);
    expect(putLightFacts({ ...base, extensions: [{ date: '2020-06-01', from: '2020-06-30', to: '2020-09-30', reason: '延期' }] }, [])).toBe(false);
    expect(putLightFacts({ ...base, status_changes: [{ date: '2020-05-01', from: 'in_progress', to: 'suspended' }] }, [])).toBe(false);
    expect(putLightFacts({ ...base, deadline: '2020-02-30' }, [])).toBe(false);
    expect(putLightFacts({ ...base, milestones: [{ title: 'm', due: '2020-04-31' }] }, [])).toBe(false);
    // the facts are whole numbers, as the cache keeps them
    expect(putLightFacts({ ...base, progress: [{ date: '2020-05-01', note: 'x', percent: 12.5 }] }, [])).toBe(false);
    const facts: number[] = [];
    expect(putLightFacts({ ...base, progress: [{ date: '2020-05-01', note: 'x', percent: 40 }], milestones: [{ title: 'm', due: '2020-04-30' }] }, facts)).toBe(true);
    expect(Int32Array.from(facts)).toEqual(new Int32Array(facts));
    expect(facts.every((n) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31)).toBe(true);
  });

  it('agrees with lightOf on every task of the bundled plan, on every day of 2020', () => {
    const dir = join(import.meta.dirname, '../../tasks');
    const tasks = readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => load(readFileSync(join(dir, f), 'utf8')) as Task);
    const s = { warningDays: 10, tolerance: 10 };
    let count = 0;
    for (const t of tasks) {
      for (let n = 0; n < 366; n += 3) {
        const asOf = addDays('2020-01-01', n);
        const code = judged(t, asOf, s);
        if (code === undefined) continue;
        count++;
        expect([t.id, asOf, lightOfCode(code), code]).toEqual([t.id, asOf, lightOf(t, asOf, s).light, expected(t, asOf, s)]);
      }
    }
    expect(count).toBeGreaterThan(100 * 122);
  });
});
