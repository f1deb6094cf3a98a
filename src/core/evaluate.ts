// Tasks with their light as of a date: what every view works from.
import type { Config } from './config.js';
import type { IsoDate } from './dates.js';
import { lightOf, type LightResult, type LightSettings } from './light.js';
import { awaitingReview, type PendingReview } from './review.js';
import type { LoadedTask, Task } from './task.js';

export interface Evaluated {
  task: Task;
  file: string;
  result: LightResult;
  /** the completion request waiting for the office's review (待销号) on the date, if any */
  review: PendingReview | undefined;
}

export function settingsOf(config: Config): LightSettings {
  return { warningDays: config.warning_days, tolerance: config.behind_tolerance };
}

export function evaluate(tasks: readonly LoadedTask[], asOf: IsoDate, settings: LightSettings): Evaluated[] {
  return tasks.map(({ task, file }) => ({ task, file, result: lightOf(task, asOf, settings), review: awaitingReview(task, asOf) }));
}
