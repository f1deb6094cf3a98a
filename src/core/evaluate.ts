// Tasks with their light as of a date: what every view works from.
import type { Config } from './config.js';
import type { IsoDate } from './dates.js';
import { lightOf, type LightResult, type LightSettings } from './light.js';
import type { LoadedTask, Task } from './task.js';

export interface Evaluated {
  task: Task;
  file: string;
  /** the office of the task's plan, in a roll-up (see LoadedTask) */
  office?: string;
  result: LightResult;
}

export function settingsOf(config: Config): LightSettings {
  return { warningDays: config.warning_days, tolerance: config.behind_tolerance };
}

export function evaluate(tasks: readonly LoadedTask[], asOf: IsoDate, settings: LightSettings): Evaluated[] {
  return tasks.map(({ task, file, office }) => ({ task, file, ...(office === undefined ? {} : { office }), result: lightOf(task, asOf, settings) }));
}
