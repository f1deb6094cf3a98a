// Tasks with their light as of a date: what every view works from.
import type { Config } from './config.js';
import type { IsoDate } from './dates.js';
import { staleFeedbackOn, type FeedbackRules, type StaleFeedback } from './feedback.js';
import { isOpen, lightOf, type LightResult, type LightSettings } from './light.js';
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
  const staleOf = settings.feedback && staleFeedbackOn(settings.feedback, asOf);
  return tasks.map(({ task, file, office }) => {
    const result = lightOf(task, asOf, settings);
    const stale = staleOf && isOpen(result.light) ? staleOf(task) : undefined;
    const review = awaitingReview(task, asOf);
    return office === undefined ? { task, file, result, review, stale } : { task, file, office, result, review, stale };
  });
}
