// The facts a task's light depends on, as numbers, and the light judged from them: a view that
// only counts lights (how many red, how many due soon) reads these instead of whole tasks, so
// that 100,000 tasks are judged without making 100,000 tasks and their histories.
//
// This is a second form of the rules of light.ts for the common task, one without extensions or
// status changes; any other task, or one with a date that is not a real calendar date, has no
// facts and is judged by lightOf itself. A task with completion requests has none either, so that
// a task judged from its facts never waits for a review (core/review.ts): the views that count
// those look only at the tasks evaluated in full. test/unit/light-facts.test.ts checks on random tasks,
// dates and settings that both forms agree.
import { calendarDayNumber } from './dates.js';
import { LIGHTS, type Light, type LightSettings } from './light.js';
import { startOf, STATUSES, type Task } from './task.js';

/** Numbers per task before its milestones and percents: status, deadline, done on, start, and their counts. */
const HEAD = 6;
const MILESTONE = 3;
const PERCENT = 2;
/**
 * A date that never comes (a milestone or task not done) or always has (a milestone set at the
 * start). The facts are 32-bit integers (the cache keeps them as such, half the bytes of doubles):
 * these lie far beyond any day number of years 100 to 9999.
 */
const NEVER = 2 ** 31 - 1;
const ALWAYS = -(2 ** 31);

const NOT_STARTED = STATUSES.indexOf('not_started');
const DONE = STATUSES.indexOf('done');
const SUSPENDED = STATUSES.indexOf('suspended');
const CANCELLED = STATUSES.indexOf('cancelled');

/** What lightCode gives: the light's index in LIGHTS in the low bits, and these flags of LightResult. */
export const MILESTONE_ONLY = 8;
export const DUE_SOON = 16;
export const BEHIND = 32;
/** an open task not started on the date (LightResult's status) */
export const UNSTARTED = 64;
const LIGHT_MASK = 7;

export function lightOfCode(code: number): Light {
  return LIGHTS[code & LIGHT_MASK]!;
}

const RED = LIGHTS.indexOf('red');
const YELLOW = LIGHTS.indexOf('yellow');
const GREEN = LIGHTS.indexOf('green');
const DONE_LATE = LIGHTS.indexOf('done_late');
const DONE_LIGHT = LIGHTS.indexOf('done');
const SUSPENDED_LIGHT = LIGHTS.indexOf('suspended');
const CANCELLED_LIGHT = LIGHTS.indexOf('cancelled');

/** The day number of a real calendar date, or undefined (a date the schema let through that is not one). */
const day = calendarDayNumber;

/** The task's facts, appended to `out`; false (and nothing appended) when only lightOf can judge it. */
export function putLightFacts(task: Task, out: number[]): boolean {
  if (task.extensions?.length || task.status_changes?.length || task.completion_requests?.length) return false;
  const status = STATUSES.indexOf(task.status);
  const deadline = day(task.deadline);
  const start = day(startOf(task));
  const doneOn = task.done_on === undefined ? NEVER : day(task.done_on);
  if (status < 0 || deadline === undefined || start === undefined || doneOn === undefined) return false;
  const milestones = task.milestones ?? [];
  const percents = (task.progress ?? []).filter((entry) => entry.percent !== undefined);
  const facts = [status, deadline, doneOn, start, milestones.length, percents.length];
  for (const ms of milestones) {
    const added = ms.added === undefined ? ALWAYS : day(ms.added);
    const due = day(ms.due);
    const done = ms.done_on === undefined ? NEVER : day(ms.done_on);
    if (added === undefined || due === undefined || done === undefined) return false;
    facts.push(added, due, done);
  }
  for (const entry of percents) {
    const date = day(entry.date);
    // a percent with a fraction (12.5) is judged by lightOf: the facts are whole numbers
    if (date === undefined || !Number.isInteger(entry.percent)) return false;
    facts.push(date, entry.percent!);
  }
  for (const n of facts) out.push(n);
  return true;
}

/** How many numbers the facts at `at` take. */
export function lightFactsLength(facts: ArrayLike<number>, at: number): number {
  return HEAD + facts[at + 4]! * MILESTONE + facts[at + 5]! * PERCENT;
}

/** Whether facts said to start at `at` (as a damaged cache might say) lie whole within `facts`. */
export function lightFactsFit(facts: ArrayLike<number>, at: number): boolean {
  if (!Number.isInteger(at) || at < 0 || at + HEAD > facts.length) return false;
  const milestones = facts[at + 4]!;
  const percents = facts[at + 5]!;
  return Number.isInteger(milestones) && Number.isInteger(percents) && milestones >= 0 && percents >= 0 && at + lightFactsLength(facts, at) <= facts.length;
}

/**
 * The light of the task whose facts start at `at`, as of the day `asOf` (a day number), with the
 * flags lightOf sets: the same light, milestoneOnly, dueSoon and behind, and whether the open
 * task had not started.
 */
export function lightCode(facts: ArrayLike<number>, at: number, asOf: number, settings: LightSettings): number {
  const recorded = facts[at]!;
  const deadline = facts[at + 1]!;
  const doneOn = facts[at + 2]!;
  if (recorded === CANCELLED) return CANCELLED_LIGHT;
  if (recorded === SUSPENDED) return SUSPENDED_LIGHT;
  // a task done after the date was still in progress on it
  const done = recorded === DONE && doneOn <= asOf;
  if (done) return doneOn - deadline > 0 ? DONE_LATE : DONE_LIGHT;
  const status = recorded === DONE ? -1 : recorded;

  let red = false;
  let yellow = false;
  let dueSoon = false;
  const deadlineDaysOverdue = Math.max(0, asOf - deadline);
  if (deadlineDaysOverdue > 0) red = true;
  else if (deadline - asOf <= settings.warningDays) yellow = dueSoon = true;
  const milestones = facts[at + 4]!;
  let i = at + HEAD;
  for (const end = i + milestones * MILESTONE; i < end; i += MILESTONE) {
    if (facts[i]! > asOf || facts[i + 2]! <= asOf) continue;
    const late = asOf - facts[i + 1]!;
    if (late > 0) red = true;
    else if (-late <= settings.warningDays) yellow = dueSoon = true;
  }
  // the latest percent reported on or before the date; of one date, the one recorded last
  let percent: number | undefined;
  let percentOn = ALWAYS;
  for (const end = i + facts[at + 5]! * PERCENT; i < end; i += PERCENT) {
    if (facts[i]! <= asOf && facts[i]! >= percentOn) {
      percentOn = facts[i]!;
      percent = facts[i + 1]!;
    }
  }
  const start = facts[at + 3]!;
  const judged = percent ?? (status === NOT_STARTED ? 0 : undefined);
  const behind = judged !== undefined && asOf >= start && elapsed(start, deadline, asOf) - judged > settings.tolerance;
  if (behind) yellow = true;
  const light = red ? RED : yellow ? YELLOW : GREEN;
  return light | (red && deadlineDaysOverdue === 0 ? MILESTONE_ONLY : 0) | (dueSoon ? DUE_SOON : 0) | (behind ? BEHIND : 0) | (status === NOT_STARTED ? UNSTARTED : 0);
}

/**
 * Whether the task whose facts start at `at` has its deadline, or a milestone set by `asOf` and
 * not done by then, falling from `from` to `to` (day numbers, inclusive): a view of what falls due
 * looks at no other task.
 */
export function dueIn(facts: ArrayLike<number>, at: number, asOf: number, from: number, to: number): boolean {
  const deadline = facts[at + 1]!;
  if (deadline >= from && deadline <= to) return true;
  let i = at + HEAD;
  for (const end = i + facts[at + 4]! * MILESTONE; i < end; i += MILESTONE) {
    if (facts[i]! > asOf || facts[i + 2]! <= asOf) continue;
    if (facts[i + 1]! >= from && facts[i + 1]! <= to) return true;
  }
  return false;
}

/** elapsedShare of light.ts, in day numbers. */
function elapsed(start: number, deadline: number, asOf: number): number {
  const total = deadline - start;
  if (total <= 0) return asOf >= deadline ? 100 : 0;
  const share = ((asOf - start) / total) * 100;
  return Math.round(Math.min(100, Math.max(0, share)));
}
