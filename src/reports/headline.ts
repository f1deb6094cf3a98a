// The headline figures of a report or a dashboard on one date: plain data in, plain data out, so
// that a change "since the previous 旬" is the difference of two calls.
import type { IsoDate } from '../core/dates.js';
import { evaluate, type EvaluateSettings, type Evaluated } from '../core/evaluate.js';
import { judgePeriod, periodsDueIn, type FeedbackRules, type Judged } from '../core/feedback.js';
import { targetMet } from '../core/targets.js';
import type { LoadedTask } from '../core/task.js';
import { row } from './summary.js';

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
  const r = row('', evaluated);
  let targetsMet = 0;
  let targetsTotal = 0;
  let awaitingReview = 0;
  for (const { task, review } of evaluated) {
    // core/review.ts says what waits: one per task, none once the task is done or cancelled
    if (review !== undefined) awaitingReview++;
    for (const t of task.targets ?? []) {
      targetsTotal++;
      if (targetMet(t, asOf) === true) targetsMet++;
    }
  }
  const tasks = evaluated.map((e) => e.task);
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

/** The figures of the plan's tasks on `asOf`, evaluating them first (for a dashboard's "since the previous 旬"). */
export function headlineAt(tasks: readonly LoadedTask[], asOf: IsoDate, settings: EvaluateSettings & { feedback: FeedbackRules }, feedbackFrom: IsoDate): Headline {
  // the figures count feedback from the rules' verdicts: each task's daily missing-feedback mark would only cost time
  return headlineOf(evaluate(tasks, asOf, { ...settings, feedback: undefined }), asOf, { rules: settings.feedback, from: feedbackFrom });
}
