// Tasks with their light as of a date: what every view works from.
import type { Config } from './config.js';
import { staleFeedbackOn, type FeedbackRules, type StaleFeedback } from './feedback.js';
import { toDayNumber, type IsoDate } from './dates.js';
import { BEHIND, DUE_SOON, lightCode, MILESTONE_ONLY, UNSTARTED } from './light-facts.js';
import { isOpen, lightOf, LIGHTS, type LightResult, type LightSettings } from './light.js';
import { awaitingReview, type PendingReview } from './review.js';
import type { LoadedTask, Task } from './task.js';

export interface Evaluated {
  task: Task;
  file: string;
  /** the office of the task's plan, in a roll-up (see LoadedTask) */
  office?: string;
  result: LightResult;
  /** the completion request waiting for the office's review (待销号) on the date, if any */
  review: PendingReview | undefined;
  /** the lead unit's feedback for the latest period due is missing (未按期反馈); open tasks only */
  stale: StaleFeedback | undefined;
}

export interface EvaluateSettings extends LightSettings {
  /** the plan's feedback rules; without them no task is marked for missing feedback */
  feedback?: FeedbackRules;
}

export function settingsOf(config: Config): EvaluateSettings {
  return { warningDays: config.warning_days, tolerance: config.behind_tolerance, feedback: config.feedback };
}

export function evaluate(tasks: readonly LoadedTask[], asOf: IsoDate, settings: EvaluateSettings): Evaluated[] {
  return tasks.map(evaluator(asOf, settings));
}

/** Evaluates one task at a time, the feedback rules' periods worked out once for all. */
function evaluator(asOf: IsoDate, settings: EvaluateSettings): (loaded: LoadedTask) => Evaluated {
  const staleOf = settings.feedback && staleFeedbackOn(settings.feedback, asOf);
  return ({ task, file, office }) => {
    const result = lightOf(task, asOf, settings);
    const stale = staleOf && isOpen(result.light) ? staleOf(task) : undefined;
    const review = awaitingReview(task, asOf);
    return office === undefined ? { task, file, result, review, stale } : { task, file, office, result, review, stale };
  };
}

/**
 * The lights of a plan's tasks, for views that count them: each task's light as a code (see
 * light-facts.ts), judged from its facts where the loader has them, and the task evaluated in
 * full only when asked for.
 */
export interface Lights {
  codes: Uint8Array;
  evaluated(index: number): Evaluated;
  /** whether the task was judged in full: only such a task can wait for a review (light-facts.ts) */
  inFull(index: number): boolean;
  /** the facts the codes were judged from (light-facts.ts), when they were */
  facts?: { facts: Int32Array; at: Int32Array } | undefined;
}

/** The code lightCode gives, of a full result. */
export function codeOf(result: LightResult): number {
  return (
    LIGHTS.indexOf(result.light) | (result.milestoneOnly ? MILESTONE_ONLY : 0) | (result.dueSoon ? DUE_SOON : 0) | (result.behind ? BEHIND : 0) |
    (result.status === 'not_started' ? UNSTARTED : 0)
  );
}

/** The lights of some of the tasks (`indices`, in order), numbered from 0 as a list of their own. */
export function lightsAt(lights: Lights, indices: readonly number[]): Lights {
  return { codes: Uint8Array.from(indices, (i) => lights.codes[i]!), evaluated: (k) => lights.evaluated(indices[k]!), inFull: (k) => lights.inFull(indices[k]!) };
}

/** Lights of tasks already evaluated. */
export function lightsOf(evaluated: readonly Evaluated[]): Lights {
  return { codes: Uint8Array.from(evaluated, (e) => codeOf(e.result)), evaluated: (i) => evaluated[i]!, inFull: () => true };
}

/**
 * Lights judged from the tasks' facts (`at[i]` into `facts`, -1 for a task that has none, which
 * is evaluated in full at once). A task is made from the cache only when it is evaluated.
 */
export function judge(tasks: readonly LoadedTask[], facts: { facts: Int32Array; at: Int32Array }, asOf: IsoDate, settings: EvaluateSettings): Lights {
  const day = toDayNumber(asOf);
  const codes = new Uint8Array(tasks.length);
  const done = new Map<number, Evaluated>();
  const one = evaluator(asOf, settings);
  const full = (i: number) => {
    let e = done.get(i);
    if (!e) done.set(i, (e = one(tasks[i]!)));
    return e;
  };
  for (let i = 0; i < tasks.length; i++) {
    const at = facts.at[i]!;
    codes[i] = at >= 0 ? lightCode(facts.facts, at, day, settings) : codeOf(full(i).result);
  }
  return { codes, evaluated: full, inFull: (i) => facts.at[i]! < 0, facts };
}
