// Completion review (办结审核): a unit reports a task finished (a completion request), and the task
// waits for the office (待销号) until it is accepted (销号) or sent back (退回). As of a date, so
// that a view of a past day shows what was waiting then.
import type { IsoDate } from './dates.js';
import type { CompletionRequest, Task } from './task.js';

export interface PendingReview extends CompletionRequest {
  /** the request's place in the task's list */
  index: number;
}

/** Whether the request was still undecided on `asOf`. */
function undecidedOn(request: CompletionRequest, asOf: IsoDate): boolean {
  return request.date <= asOf && (request.decision === undefined || (request.decided !== undefined && request.decided > asOf));
}

/**
 * The request the task waits on as of `asOf`: the newest one made by then and not yet decided,
 * while the task was not done. Undefined when nothing waits.
 */
export function awaitingReview(task: Task, asOf: IsoDate): PendingReview | undefined {
  if (!task.completion_requests || task.status === 'cancelled' || (task.status === 'done' && task.done_on !== undefined && task.done_on <= asOf)) return undefined;
  let found: PendingReview | undefined;
  (task.completion_requests ?? []).forEach((request, index) => {
    if (undecidedOn(request, asOf) && (!found || request.date >= found.date)) found = { ...request, index };
  });
  return found;
}

/** The request `tasks done` accepts or `tasks reject` sends back: the newest undecided one made by `asOf`. */
export function openRequest(task: Task, asOf: IsoDate): PendingReview | undefined {
  let found: PendingReview | undefined;
  (task.completion_requests ?? []).forEach((request, index) => {
    if (request.decision === undefined && request.date <= asOf && (!found || request.date >= found.date)) found = { ...request, index };
  });
  return found;
}
