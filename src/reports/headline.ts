// The headline figures of a report or a dashboard on one date: plain data in, plain data out, so
// that a change "since the previous 旬" is the difference of two calls.
import type { IsoDate } from '../core/dates.js';
import { evaluate, judge, lightsOf, type EvaluateSettings, type Evaluated, type Lights } from '../core/evaluate.js';
import { judgePeriod, periodsDueIn, type FeedbackRules, type Judged } from '../core/feedback.js';
import { targetMet } from '../core/targets.js';
import type { LoadedTask, Task } from '../core/task.js';
import { countRow } from './summary.js';

export interface Headline {
  asOf: IsoDate;
  total: number;
  done: number;
  /** of the done, those done after their deadline */
  doneLate: number;
  /** red, yellow and green */
  inProgress: number;
  red: number;
  yellow: number;
  suspended: number;
  cancelled: number;
  /** done ÷ (total − cancelled), 0–100 with one decimal; undefined when nothing counts */
  completionRate: number | undefined;
  targetsMet: number;
  targetsTotal: number;
  /** feedback due in the window (from `feedbackFrom` to the date): how much, and how it came */
  feedbackDue: number;
  feedbackOnTime: number;
  feedbackLate: number;
  feedbackMissing: number;
  /** on time ÷ due, 0–100 with one decimal; undefined when nothing was due */
  onTimeRate: number | undefined;
  /** completions reported by units and not yet decided by the office on the date */
  awaitingReview: number;
}

const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : undefined);

/** The figures of tasks already evaluated on `asOf`; feedback is counted for the periods due from `feedbackFrom` to `asOf`. */
export function headlineOf(evaluated: readonly Evaluated[], asOf: IsoDate, feedback: { rules: FeedbackRules; from: IsoDate; judged?: readonly Judged[] }): Headline {
  return headlineFrom(lightsOf(evaluated), evaluated.map((e) => e.task), asOf, feedback);
}

/**
 * The figures of the plan's tasks on `asOf` (for a dashboard's "since the previous 旬"): their
 * lights judged from `facts` (light-facts.ts, one entry per task) where given, else every task
 * evaluated first.
 */
export function headlineAt(
  tasks: readonly LoadedTask[],
  asOf: IsoDate,
  settings: EvaluateSettings & { feedback: FeedbackRules },
  feedbackFrom: IsoDate,
  facts?: { facts: Int32Array; at: Int32Array },
  judged?: readonly Judged[],
): Headline {
  // the figures count feedback from the rules' verdicts: each task's daily missing-feedback mark would only cost time
  const light = { ...settings, feedback: undefined };
  const lights = facts ? judge(tasks, facts, asOf, light) : lightsOf(evaluate(tasks, asOf, light));
  return headlineFrom(lights, tasks.map((t) => t.task), asOf, { rules: settings.feedback, from: feedbackFrom, ...(judged ? { judged } : {}) });
}

/** The figures from the tasks' lights (the counts from their codes; the tasks judged in full looked at for a pending review) and the tasks themselves. */
export function headlineFrom(lights: Lights, tasks: readonly Task[], asOf: IsoDate, feedback: { rules: FeedbackRules; from: IsoDate; judged?: readonly Judged[] }): Headline {
  const r = countRow('', lights.codes);
  let targetsMet = 0;
  let targetsTotal = 0;
  let awaitingReview = 0;
  tasks.forEach((task, i) => {
    // core/review.ts says what waits: one per task, none once the task is done or cancelled
    if (lights.inFull(i) && lights.evaluated(i).review !== undefined) awaitingReview++;
    for (const t of task.targets ?? []) {
      targetsTotal++;
      if (targetMet(t, asOf) === true) targetsMet++;
    }
  });
  // the figures are those at the end of the day
  const judged = feedback.judged ?? periodsDueIn(feedback.rules, feedback.from, asOf).flatMap((p) => judgePeriod(tasks, p, feedback.rules, asOf, { endOfDay: true }));
  const due = judged.filter((j) => j.verdict !== 'not_due');
  const onTime = due.filter((j) => j.verdict === 'on_time').length;
  return {
    asOf,
    total: r.total,
    done: r.done,
    doneLate: r.doneLate,
    inProgress: r.open,
    red: r.red,
    yellow: r.yellow,
    suspended: r.suspended,
    cancelled: r.cancelled,
    completionRate: r.rate,
    targetsMet,
    targetsTotal,
    feedbackDue: due.length,
    feedbackOnTime: onTime,
    feedbackLate: due.filter((j) => j.verdict === 'late').length,
    feedbackMissing: due.filter((j) => j.verdict === 'missing').length,
    onTimeRate: share(onTime, due.length),
    awaitingReview,
  };
}
